import { distance as levenshtein } from 'fastest-levenshtein';
import { slug as githubSlug } from 'github-slugger';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { Rule, RuleReport } from '../findings/types.js';
import type { Link, ListDocument } from '../model/types.js';
import { parseHtmlFragment, walkHtml } from '../parse/html-fragment.js';

/**
 * `no-dead-anchor`: an in-page link (`[Install](#installation)`, `<a href="#faq">`) whose
 * fragment names no heading and no HTML `id` / `name` in the same file.
 *
 * A fragment resolves the way github.com resolves it: percent-decoded, it must equal a
 * heading's GitHub slug (with the -1, -2 of repeated headings) or an `id` / `name` written
 * in raw HTML; failing that, its lower-case form must (GitHub's page script retries in
 * lower case, so `#Installation` reaches `## Installation` there — but only there, which
 * is reported as info). `#top` is the top of the page in every browser (HTML standard).
 * A heading written in raw HTML (`<h2>Tools</h2>`) may get a slug too, so a link to its
 * slug is never reported. A bare `#` is left to `no-empty-link`; links into other files
 * are not checked here.
 */
export const noDeadAnchor: Rule = {
  meta: {
    id: 'no-dead-anchor',
    defaultSeverity: 'error',
    description: 'In-page links (#fragment) that match no heading or HTML anchor in the file.',
    fixable: false,
  },
  check({ doc }) {
    const targets = anchorTargets(doc);
    const slugs = new SlugIndex([...new Set(doc.headings.map((h) => h.section.slug).filter((s) => s !== ''))]);
    const reports: RuleReport[] = [];
    const seen = new Set<number>();
    for (const link of doc.links) {
      const url = link.url.trim();
      if (!url.startsWith('#') || url === '#' || isImageSource(doc.source, link)) continue;
      const fragment = decodeFragment(url.slice(1));
      if (targets.has(fragment) || fragment.toLowerCase() === 'top') continue;
      // One report per place the fragment is written (references share their definition).
      const place = link.urlSpan ?? link.span;
      if (seen.has(place.start.offset)) continue;
      seen.add(place.start.offset);
      const written = link.urlSpan ? doc.source.slice(link.urlSpan.start.offset, link.urlSpan.end.offset) : undefined;
      const editable = written !== undefined && written.startsWith('#');

      if (targets.has(fragment.toLowerCase())) {
        const lower = `#${fragment.toLowerCase()}`;
        reports.push({
          message: `${url} reaches its anchor only on GitHub, which ignores the case — other renderers need ${lower}`,
          span: place,
          severity: 'info',
          ...(editable ? { suggestion: lower, fix: { edits: [{ start: place.start.offset, end: place.end.offset, text: lower }], certain: false } } : {}),
          data: { url: link.url, fragment, target: fragment.toLowerCase() },
        });
        continue;
      }

      const candidates = slugs.closeTo(fragment);
      const match = candidates.length === 1 ? candidates[0]! : undefined;
      const advice = match !== undefined ? `did you mean #${match}?` : 'add the heading or fix the link';
      reports.push({
        message: `${url} does not match any heading or anchor in this file — ${advice}`,
        span: place,
        ...(match !== undefined && editable
          ? { suggestion: `#${match}`, fix: { edits: [{ start: place.start.offset, end: place.end.offset, text: `#${match}` }], certain: false } }
          : {}),
        data: { url: link.url, fragment, ...(candidates.length > 0 ? { candidates } : {}) },
      });
    }
    return reports;
  },
};

/**
 * Every fragment the file defines: heading slugs, `id` / `name` attributes in raw HTML,
 * and the slugs of headings written in raw HTML.
 */
function anchorTargets(doc: ListDocument): Set<string> {
  const targets = new Set<string>();
  for (const heading of doc.headings) if (heading.section.slug !== '') targets.add(heading.section.slug);
  for (const anchor of doc.htmlAnchors) targets.add(anchor.id);
  // Line breaks inside an HTML heading are dropped or read as spaces, depending on the renderer.
  for (const text of htmlHeadingTexts(doc)) {
    for (const variant of [text.trim(), text.replace(/\s+/g, ' ').trim()]) {
      const slug = githubSlug(variant);
      if (slug !== '') targets.add(slug);
    }
  }
  return targets;
}

type HtmlNode = DefaultTreeAdapterMap['node'];

/** The text content of `<h1>`…`<h6>` elements in raw HTML blocks (image alt text is not text). */
function htmlHeadingTexts(doc: ListDocument): string[] {
  const texts: string[] = [];
  for (const region of doc.htmlRegions) {
    for (const part of region.parts) {
      if (!/<h[1-6]/i.test(doc.source.slice(part.start.offset, part.end.offset))) continue;
      walkHtml(parseHtmlFragment(doc.source, part.start.offset, part.end.offset), {
        element(info) {
          if (/^h[1-6]$/.test(info.tag)) texts.push(textContent(info.element));
        },
      });
    }
  }
  return texts;
}

function textContent(root: HtmlNode): string {
  let text = '';
  const stack: HtmlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') text += (node as DefaultTreeAdapterMap['textNode']).value;
    else if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return text;
}

/** `#caf%C3%A9` names `café` (GitHub decodes the fragment before looking it up). */
function decodeFragment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** `![alt](#x)` and `<img src="#x">` load an image; they are not in-page links. */
function isImageSource(source: string, link: Link): boolean {
  if (!link.isImage) return false;
  const start = source.slice(link.span.start.offset, link.span.start.offset + 4);
  return start.startsWith('!') || /^<img/i.test(start);
}

/** Comparisons of a fragment with a heading slug one run of the rule makes at most (each a bounded edit distance). */
export const MAX_SLUG_COMPARISONS = 200_000;
/** Slugs longer than this are compared only by their base (the edit distance is quadratic in the length). */
const MAX_FUZZY_LENGTH = 100;

/**
 * Heading slugs close to a fragment: the same up to case or a -1 / -2 repeat suffix (by an
 * index), or within two edits (one edit for slugs of five characters or fewer, so `#faq`
 * does not suggest `#api`). The edit distances of one run are capped at
 * MAX_SLUG_COMPARISONS: past it (thousands of dead links to thousands of headings) the
 * findings stand, without a "did you mean".
 */
class SlugIndex {
  private readonly byBase = new Map<string, string[]>();
  private comparisons = 0;

  constructor(private readonly slugs: string[]) {
    for (const slug of slugs) {
      const key = baseOf(slug);
      const same = this.byBase.get(key);
      if (same) same.push(slug);
      else this.byBase.set(key, [slug]);
    }
  }

  closeTo(fragment: string): string[] {
    const wanted = fragment.toLowerCase();
    const found = new Set(this.byBase.get(baseOf(wanted)) ?? []);
    if (wanted.length <= MAX_FUZZY_LENGTH) {
      for (const slug of this.slugs) {
        if (found.has(slug) || slug.length > MAX_FUZZY_LENGTH) continue;
        const limit = Math.min(slug.length, wanted.length) <= 5 ? 1 : 2;
        if (Math.abs(slug.length - wanted.length) > limit) continue;
        if (++this.comparisons > MAX_SLUG_COMPARISONS) break;
        if (levenshtein(slug, wanted) <= limit) found.add(slug);
      }
    }
    // In the headings' order, as before.
    return this.slugs.filter((slug) => found.has(slug));
  }
}

/** A slug without its -1, -2 of a repeated heading. */
function baseOf(slug: string): string {
  let end = slug.length;
  while (end > 0 && slug.charCodeAt(end - 1) >= 48 && slug.charCodeAt(end - 1) <= 57) end--;
  return end < slug.length && end > 0 && slug[end - 1] === '-' ? slug.slice(0, end - 1) : slug;
}
