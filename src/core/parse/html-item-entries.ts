/**
 * Entries written as `<li>` items of a `<ul>`/`<ol>` in raw HTML (the `item` form): an item
 * that starts, after a lead-in (whitespace, bullets, emoji, badges, `<b>`), with a non-image
 * link is an entry named by that link; its description is its own text after the link.
 * Items of nested lists are entries of their own; a link-less item above them groups them,
 * as a link-less Markdown item does. Items inside tables are the table's business.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import type { Entry, Section } from '../model/types.js';
import type { LineIndex } from './line-index.js';
import { walkHtml, type HtmlFragment } from './html-fragment.js';
import { elementRange, leadLink, ownLinks, textAfter, type EntryScan } from './html-entry-scan.js';
import { nameSpanOf } from './name-span.js';

type Element = DefaultTreeAdapterMap['element'];

const LISTS = new Set(['ul', 'ol']);
const TABLE_PARTS = new Set(['table', 'td', 'th', 'tr']);

export interface HtmlItemInput {
  source: string;
  lines: LineIndex;
  fragment: HtmlFragment;
  scan: EntryScan;
  sectionAt: (offset: number) => Section;
  /** Whether an offset is in the region's HTML (not blanked Markdown). */
  inParts: (offset: number) => boolean;
}

/** One entry per `<li>` that starts with a link, in document order. */
export function htmlItemEntries(input: HtmlItemInput): Entry[] {
  const { source, lines, scan } = input;
  const entries: Entry[] = [];
  /** For each `<li>` seen: its group label when it is a link-less item, null when it is an entry. */
  const items = new Map<Element, string | null>();
  walkHtml(input.fragment, {
    element(info, ancestors) {
      if (info.tag !== 'li' || !input.inParts(info.start)) return;
      if (ancestors.some((a) => TABLE_PARTS.has(a.tagName))) return;
      const list = lastOf(ancestors, (a) => LISTS.has(a.tagName));
      const range = elementRange(scan, source, info.element);
      if (!list || !range) return;
      const primary = leadLink(scan, info.element);
      if (!primary) {
        items.set(info.element, groupLabel(textAfter(scan, info.element, range.start, LISTS)));
        return;
      }
      items.set(info.element, null);
      const listRange = elementRange(scan, source, list) ?? range;
      const groups = ancestors.filter((a) => a.tagName === 'li').map((a) => items.get(a)).filter((g): g is string => typeof g === 'string' && g !== '');
      const section = input.sectionAt(range.start);
      const sectionLabel = section.title ? `section "${section.title}"` : 'the top of the file';
      const nameSpan = nameSpanOf(source, primary);
      entries.push({
        name: primary.text.trim(),
        ...(nameSpan ? { nameSpan } : {}),
        primaryLink: primary,
        links: ownLinks(scan, info.element, LISTS),
        description: textAfter(scan, info.element, primary.span.end.offset, LISTS),
        span: lines.span(range.start, range.end),
        removalSpan: lines.wholeLineSpan(range.start, range.end),
        section,
        container: { kind: 'html', form: 'item', blockSpan: lines.span(listRange.start, listRange.end) },
        scope: [`section:${section.id}`, ...groups].join(' › '),
        scopeLabel: groups.length > 0 ? `group ${groups.map((g) => `"${g}"`).join(' › ')} of ${sectionLabel}` : sectionLabel,
      });
    },
  });
  return entries;
}

function lastOf<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return items[i];
  return undefined;
}

/** "Build Backends:" groups the items under it as "Build Backends". */
function groupLabel(text: string): string {
  const plain = (text.endsWith(':') ? text.slice(0, -1) : text).trim();
  return plain.length > 60 ? `${plain.slice(0, 57)}…` : plain;
}
