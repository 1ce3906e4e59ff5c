import type { Rule, RuleReport } from '../findings/types.js';
import type { Entry, Span } from '../model/types.js';
import { normalizeUrl } from '../url/normalize-url.js';
import { normalizeName } from '../names/tool-registry.js';
import { entryNameKeys, sameEntryName } from '../names/entry-name-key.js';
import { mismatchVerdict, spellingVerdict } from '../names/judge-name.js';

/**
 * `consistent-entry-name`: one link listed under two different names ("Nexus Repository"
 * and "Sonarqube" both linking to the Nexus page), or one short, tool-like name used for
 * two unrelated links ("EarlyStopping" at keras.io and at a scikit-learn page).
 * A tool-like name has at most four words and none of a title's small words ("in", "for").
 *
 * Names are compared folded (case, spacing, punctuation, a parenthesised aside do not
 * count), and a name that contains the other ("hatch" / "hatchling", "Trivy" / "Trivy
 * Vulnerability Scanner") is a variant, not a conflict. Only entries' names count, never
 * description links; link texts such as "Website" or "Docs", and any name used for three
 * or more unrelated links, are labels rather than names and are left alone.
 */
export const consistentEntryName: Rule = {
  meta: {
    id: 'consistent-entry-name',
    defaultSeverity: 'warning',
    description: 'One link listed under different names, or one tool name used for different links.',
    fixable: false,
    usesLinkFacts: true,
  },
  check({ doc, registry, facts, isEnabled }) {
    // A name the naming rules already explain (a misspelling, a label on another tool's
    // page) is reported once, by them, not again here.
    const explained = (entry: Entry): boolean => {
      const url = entry.primaryLink!.url;
      const titles = facts.titlesFor(url);
      return (
        (isEnabled('tool-name-matches-link') && mismatchVerdict(entry.name, url, registry, titles) !== undefined) ||
        (isEnabled('tool-name-spelling') && spellingVerdict(entry.name, url, registry, titles) !== undefined)
      );
    };
    const named = doc.entries
      .filter((e) => e.primaryLink && !e.primaryLink.isImage && !e.primaryLink.inDescription)
      .sort((a, b) => a.primaryLink!.span.start.offset - b.primaryLink!.span.start.offset)
      .flatMap((entry) => {
        const key = urlKey(entry.primaryLink!.url);
        const name = entry.name.trim();
        if (key === undefined || !isName(name)) return [];
        // A nested item's name is read with its parents': "R › Learning" is not "Common Lisp › Learning".
        const context = entry.container.kind === 'list' ? entry.container.parents.map((parent) => normalizeName(parent.text)) : [];
        return [{ entry, key, name, spelled: [...context, spelling(name)].join(' › ') }];
      });

    const reports: RuleReport[] = [];
    const reported = new Set<Entry>();

    // One link, several names.
    const firstByUrl = new Map<string, (typeof named)[number]>();
    for (const item of named) {
      const first = firstByUrl.get(item.key);
      if (!first) {
        firstByUrl.set(item.key, item);
        continue;
      }
      if (sameEntryName(first.name, item.name) || isVariant(first.name, item.name) || explained(item.entry)) continue;
      // In one scope it is a duplicate, and no-duplicate-entry reports it with both names.
      if (isEnabled('no-duplicate-entry') && first.entry.scope === item.entry.scope) continue;
      const url = item.entry.primaryLink!.url;
      reports.push({
        message: `${url} is listed as "${first.name}" at ${at(first.entry)} but as "${item.name}" here — use one name for one link, or fix the link if "${item.name}" is something else`,
        span: spanOf(item.entry),
        data: { url, otherName: first.name, other: place(first.entry) },
      });
      reported.add(item.entry);
    }

    // One tool-like name, several unrelated links.
    const byName = new Map<string, (typeof named)[number][]>();
    for (const item of named) {
      if (!isToolLike(item.name)) continue;
      const list = byName.get(item.spelled) ?? [];
      list.push(item);
      byName.set(item.spelled, list);
    }
    for (const items of byName.values()) {
      const distinct: (typeof named)[number][] = [];
      for (const item of items) if (!distinct.some((d) => relatedUrls(d.key, item.key))) distinct.push(item);
      // A text used for three or more unrelated links is a label ("Paper", "Demo"), not a name.
      if (distinct.length !== 2) continue;
      const [first, second] = distinct as [(typeof named)[number], (typeof named)[number]];
      // Both links name it ("Stacks" at awesome-stacks and at awesome-stacks-chain): two
      // things called alike, each linked right.
      if (mentions(first.key, first.name) && mentions(second.key, second.name)) continue;
      for (const item of items) {
        if (item === first || reported.has(item.entry) || relatedUrls(item.key, first.key) || explained(item.entry)) continue;
        if (item.entry.primaryLink!.span.start.offset < second.entry.primaryLink!.span.start.offset) continue;
        const url = item.entry.primaryLink!.url;
        const otherUrl = first.entry.primaryLink!.url;
        reports.push({
          message: `"${item.name}" links to ${url} here but to ${otherUrl} at ${at(first.entry)} — fix the wrong link, or rename one entry if they are different things`,
          span: spanOf(item.entry),
          data: { url, otherUrl, other: place(first.entry) },
        });
        reported.add(item.entry);
      }
    }
    return reports.sort((a, b) => a.span.start.offset - b.span.start.offset);
  },
};

/** Link texts that label a link rather than name what it points to. */
const LABELS = new Set(
  [
    'website', 'site', 'web', 'webpage', 'homepage', 'home', 'home page', 'official site', 'official website', 'official',
    'docs', 'doc', 'documentation', 'manual', 'reference', 'api', 'api reference', 'api docs', 'readme', 'wiki', 'faq',
    'github', 'gitlab', 'bitbucket', 'codeberg', 'sourceforge', 'repo', 'repository', 'source', 'source code', 'code',
    'paper', 'papers', 'pdf', 'arxiv', 'preprint', 'abstract', 'publication', 'citation', 'bibtex', 'poster',
    'link', 'links', 'here', 'click here', 'this', 'this link', 'more', 'read more', 'learn more', 'details', 'info',
    'demo', 'live demo', 'online demo', 'try it', 'try it online', 'playground', 'example', 'examples', 'sample', 'samples',
    'video', 'videos', 'youtube', 'slides', 'slide', 'talk', 'presentation', 'recording', 'webinar', 'podcast', 'episode',
    'blog', 'blog post', 'post', 'article', 'tutorial', 'guide', 'book', 'course', 'notes', 'lecture', 'cheatsheet', 'cheat sheet',
    'download', 'downloads', 'install', 'installation', 'release', 'releases', 'changelog', 'license', 'package',
    'npm', 'pypi', 'crates.io', 'docker hub', 'dockerhub', 'marketplace', 'app store', 'play store', 'chrome web store',
    'twitter', 'x', 'medium', 'discord', 'slack', 'telegram', 'reddit', 'forum', 'community', 'mailing list', 'newsletter',
    'dataset', 'data', 'model', 'models', 'weights', 'checkpoint', 'notebook', 'colab', 'kaggle', 'hugging face', 'huggingface',
    'project', 'project page', 'overview', 'introduction', 'intro', 'announcement', 'press release', 'report', 'whitepaper',
    'english', 'chinese', 'translation', 'mirror', 'archive', 'web archive', 'back to top', 'top', 'contents', 'table of contents',
    // Category words that name a sub-list rather than a thing ("- [Tutorials](…)" under several topics).
    'learning', 'resources', 'tips', 'tricks', 'tips and tricks', 'tools', 'talks', 'must watch talks', 'courses', 'tutorials',
    'books', 'articles', 'videos', 'papers', 'news', 'jobs', 'events', 'conferences', 'meetups', 'podcasts', 'projects',
    'libraries', 'frameworks', 'plugins', 'extensions', 'apps', 'applications', 'games', 'datasets', 'awesome', 'awesome list',
    'list', 'lists', 'other', 'others', 'misc', 'miscellaneous', 'general', 'getting started', 'basics', 'advanced',
  ].map((label) => normalizeName(label)),
);

/** Case and spacing do not count; other punctuation does ("FunASR" and "Fun-ASR" are two names). */
function spelling(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Whether a URL spells the name somewhere (host, path, query or fragment). */
function mentions(key: string, name: string): boolean {
  const url = normalizeName(key.replace(/^https:\/\//, ''));
  return entryNameKeys(name).some((folded) => url.includes(folded));
}

/** An entry name worth comparing: has letters and is not a label like "Website". */
function isName(name: string): boolean {
  const folded = normalizeName(name);
  if (folded.length < 2 || !/\p{L}/u.test(folded)) return false;
  return !LABELS.has(folded) && !entryNameKeys(name).some((key) => LABELS.has(key));
}

/** Small words that make a name a title ("Deep Learning in Production"), not a tool's name. */
const TITLE_WORDS = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'for', 'to', 'with', 'and', 'or', 'by', 'from', 'at', 'into', 'your', 'how', 'what', 'why', 'is', 'are']);

/** A tool's name: at most four words, none of them a title's small words. */
function isToolLike(name: string): boolean {
  const words = name.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length <= 4 && !words.some((w) => TITLE_WORDS.has(w.toLowerCase()));
}

/** "hatch" and "hatchling", "Trivy" and "Trivy Vulnerability Scanner": one names a part or a longer form of the other. */
function isVariant(a: string, b: string): boolean {
  const keysA = entryNameKeys(a);
  const keysB = entryNameKeys(b);
  return keysA.some((x) => keysB.some((y) => x.includes(y) || y.includes(x)));
}

/** Web links only: in-page anchors, mail and relative paths are not named resources. */
function urlKey(url: string): string | undefined {
  const key = normalizeUrl(url);
  return key !== undefined && key.startsWith('https://') ? key : undefined;
}

/** The same page, or one below the other (a repository and its docs folder). */
function relatedUrls(a: string, b: string): boolean {
  const bare = (key: string) => key.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const x = bare(a);
  const y = bare(b);
  return x === y || x.startsWith(`${y}/`) || y.startsWith(`${x}/`);
}

function spanOf(entry: Entry): Span {
  return entry.nameSpan ?? entry.primaryLink!.span;
}

function at(entry: Entry): string {
  const start = spanOf(entry).start;
  return `${start.line}:${start.column}`;
}

function place(entry: Entry): { line: number; column: number } {
  const start = spanOf(entry).start;
  return { line: start.line, column: start.column };
}
