import type { Rule, RuleReport } from '../findings/types.js';
import type { Entry, Span } from '../model/types.js';
import { normalizeName } from '../names/tool-registry.js';
import { sameEntryName, entryNameKeys } from '../names/entry-name-key.js';
import { isGenericLabel } from '../names/generic-labels.js';
import { nameRelatesTo, spellingVerdict } from '../names/judge-name.js';
import { linkEvidence } from '../names/link-evidence.js';
import { urlTokens } from '../names/url-tokens.js';
import { urlKeyOf, wrongLinks } from '../names/wrong-links.js';

/**
 * `consistent-entry-name`: a name and a link that disagree with the evidence, reported at
 * the entry that is wrong and naming the other.
 *
 * - One link under two names: when the link spells one name (`OWASP Glue` on
 *   github.com/OWASP/glue) and the other name relates to nothing in it (`OWASP Juice
 *   Shop`), the second is the defect.
 * - One name for two links: when one link fits the name and the other link's repository or
 *   package names something that shares nothing with it, the second is the defect.
 *
 * Two entries that are each linked plausibly (a blog and its author's Twitter account, a
 * Chrome and a Firefox store page, `AOS` and `Animate On Scroll`, two packages called `sq`)
 * are how lists are written and never reported. Linear: entries are grouped by link and by
 * name in one pass.
 */
export const consistentEntryName: Rule = {
  meta: {
    id: 'consistent-entry-name',
    defaultSeverity: 'warning',
    description: 'One link under two names, or one name for two links, where the evidence shows which entry is wrong.',
    fixable: false,
    usesLinkFacts: true,
  },
  check({ doc, registry, facts, isEnabled }) {
    // What the naming rules already report (a misspelling, a link that names another tool)
    // is reported once, by them.
    const wrong = isEnabled('tool-name-matches-link') ? wrongLinks(doc.entries, registry, facts) : new Map<Entry, unknown>();
    const explained = (item: Item): boolean =>
      wrong.has(item.entry) || (isEnabled('tool-name-spelling') && spellingVerdict(item.name, item.url, registry, facts.titlesFor(item.url)) !== undefined);
    const items: Item[] = [];
    for (const entry of doc.entries) {
      const link = entry.primaryLink;
      if (!link || link.isImage || link.inDescription) continue;
      const key = urlKeyOf(link.url);
      const name = entry.name.trim();
      if (key === undefined || !key.startsWith('https://') || !isName(name)) continue;
      items.push({ entry, name, url: link.url, key, spelled: spelling(entry, name) });
    }
    items.sort((a, b) => a.entry.primaryLink!.span.start.offset - b.entry.primaryLink!.span.start.offset);

    const reports: RuleReport[] = [];
    const reported = new Set<Entry>();
    const report = (item: Item, message: string, other: Item): void => {
      reported.add(item.entry);
      reports.push({ message, span: spanOf(item.entry), data: { url: item.url, otherName: other.name, otherUrl: other.url, other: place(other.entry) } });
    };

    // One link, two names: the name the link does not bear is the wrong one.
    for (const group of groupBy(items, (item) => item.key)) {
      const fitting = group.find((item) => spells(item));
      if (fitting === undefined) continue;
      for (const item of group) {
        if (item === fitting || reported.has(item.entry) || sameEntryName(fitting.name, item.name) || isVariant(fitting.name, item.name)) continue;
        if (relatesApartFrom(item, fitting) || explained(item)) continue;
        // In one scope it is a duplicate, which no-duplicate-entry reports and blames.
        if (isEnabled('no-duplicate-entry') && fitting.entry.scope === item.entry.scope) continue;
        report(
          item,
          `"${item.name}" links to ${item.url}, which is "${fitting.name}" at ${at(fitting.entry)} — fix this link, or this name if it is "${fitting.name}" too`,
          fitting,
        );
      }
    }

    // One name, two links: the link whose repository or package names something else is the wrong one.
    for (const group of groupBy(items, (item) => item.spelled)) {
      if (group.length < 2) continue;
      const fitting = group.find((item) => spells(item));
      if (fitting === undefined) continue;
      for (const item of group) {
        if (item === fitting || item.key === fitting.key || reported.has(item.entry)) continue;
        const named = strongEvidence(item);
        if (named.length === 0 || relates(item) || explained(item)) continue;
        report(
          item,
          `"${item.name}" links to ${item.url} (${named.join(', ')}) here but to ${fitting.url} at ${at(fitting.entry)} — fix this link, or rename this entry if it is something else`,
          fitting,
        );
      }
    }
    return reports.sort((a, b) => a.span.start.offset - b.span.start.offset);
  },
};

interface Item {
  entry: Entry;
  name: string;
  url: string;
  key: string;
  /** The name with its parents in a nested list: "R › Learning" is not "Common Lisp › Learning". */
  spelled: string;
  relates?: boolean;
  spells?: boolean;
}

function groupBy(items: readonly Item[], keyOf: (item: Item) => string): Item[][] {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [item]);
    else list.push(item);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

/** The link's repository or package names (the strong evidence of what it is). */
function strongEvidence(item: Item): string[] {
  return linkEvidence(item.url).evidence.filter((e) => e.kind === 'repo' || e.kind === 'package').map((e) => e.text);
}

/** Whether the link spells the name outright: the repository, package, site or a URL word is the name. */
function spells(item: Item): boolean {
  if (item.spells === undefined) {
    const keys = entryNameKeys(item.name);
    const texts = [...linkEvidence(item.url).evidence.map((e) => e.text), ...urlTokens(item.url)];
    const folded = new Set(texts.map((t) => normalizeName(t)));
    // The whole name, or every word of it (`OWASP Glue` on github.com/OWASP/glue).
    const words = item.name.split(/[^\p{L}\p{N}]+/u).map((w) => normalizeName(w)).filter((w) => w !== '');
    item.spells = keys.some((k) => folded.has(k)) || (words.length > 1 && words.every((w) => folded.has(w)));
  }
  return item.spells;
}

/** Whether the name relates to anything in its link (a word, a repository, an acronym). */
function relates(item: Item): boolean {
  item.relates ??= nameRelatesTo(item.name, [...linkEvidence(item.url).evidence.map((e) => e.text), ...urlTokens(item.url)]);
  return item.relates;
}

/**
 * Whether the words of the name that the fitting name lacks relate to the link:
 * `OWASP Juice Shop` next to `OWASP Glue` on github.com/OWASP/glue is judged by "Juice Shop".
 */
function relatesApartFrom(item: Item, fitting: Item): boolean {
  const theirs = new Set(fitting.name.toLowerCase().split(/\s+/));
  const own = item.name.split(/\s+/).filter((w) => !theirs.has(w.toLowerCase()));
  if (own.length === 0) return true;
  const texts = [...linkEvidence(item.url).evidence.map((e) => e.text), ...urlTokens(item.url)];
  return nameRelatesTo(own.join(' '), texts);
}

/** Case and spacing do not count; other punctuation does ("FunASR" and "Fun-ASR" are two names). */
function spelling(entry: Entry, name: string): string {
  const context = entry.container.kind === 'list' ? entry.container.parents.map((parent) => normalizeName(parent.text)) : [];
  return [...context, name.normalize('NFKC').toLowerCase().replace(/\s+/g, '')].join(' › ');
}

/** An entry name worth comparing: has letters and is not a label like "Website". */
function isName(name: string): boolean {
  const folded = normalizeName(name);
  return folded.length >= 2 && /\p{L}/u.test(folded) && !isGenericLabel(name);
}

/** "hatch" and "hatchling", "Trivy" and "Trivy Vulnerability Scanner": one names a part or a longer form of the other. */
function isVariant(a: string, b: string): boolean {
  const keysA = entryNameKeys(a);
  const keysB = entryNameKeys(b);
  return keysA.some((x) => keysB.some((y) => x.includes(y) || y.includes(x)));
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
