import type { Fix, Rule, RuleReport, TextEdit } from '../findings/types.js';
import type { Entry, ListDocument, Point, TableCell } from '../model/types.js';
import { normalizeUrl } from '../url/normalize-url.js';
import { sameEntryName } from '../names/entry-name-key.js';
import { trimEndChars } from '../text/trim.js';
import { nameRelatesTo } from '../names/judge-name.js';
import { linkEvidence } from '../names/link-evidence.js';
import { urlTokens } from '../names/url-tokens.js';

/**
 * `no-duplicate-entry`: two entries whose names link to the same URL (after
 * `normalizeUrl`: scheme, `www.`, trailing slash and tracking parameters do not count).
 *
 * - Same scope (one list section, a group of items nested under a link-less item such as
 *   "- Build backends", or one group of a table such as the same pipeline and stage): the
 *   later entry is an error, fixed by deleting it (see `removalFix` for when that is certain).
 * - Different scopes (the tool listed again in another section or stage): `info`, no fix;
 *   a list may well need a tool in several places.
 * - With `duplicates.scope: file`, every repeat in the file is an error.
 *
 * - In a pull request's review (`changedLines`), when one of the two is on a line the pull
 *   request adds or changes and the other is not, the one it wrote is reported (so the
 *   finding gates), above or below the other, and only it is ever deleted.
 *
 * Only an entry's primary link counts: links in descriptions, a project's sub-links and
 * images never do (two projects that share a PyPi sub-link are not duplicates).
 */
export const noDuplicateEntry: Rule = {
  meta: {
    id: 'no-duplicate-entry',
    defaultSeverity: 'error',
    description: 'The same link listed as an entry twice in one section or table group.',
    fixable: true,
  },
  check({ doc, config, changedLines }) {
    const written = (e: Entry) => changedLines?.has(e.primaryLink!.span.start.line) ?? false;
    const reports: RuleReport[] = [];
    const firstInFile = new Map<string, Entry>();
    const firstInScope = new Map<string, Entry>();
    const labels = new Map<Entry, string>();
    const labelOf = (e: Entry) => labels.get(e) ?? e.scopeLabel;
    const entries = doc.entries
      .filter((e) => e.primaryLink && !e.primaryLink.isImage && !e.primaryLink.inDescription)
      .sort((a, b) => a.primaryLink!.span.start.offset - b.primaryLink!.span.start.offset);
    for (const entry of entries) {
      const link = entry.primaryLink!;
      const key = urlKey(link.url);
      if (key === undefined) continue;
      const { scope: ownScope, scopeLabel: label } = entry;
      const scope = config.duplicateScope === 'file' ? '(file)' : ownScope;
      const scopeKey = `${scope}\u0000${key}`;
      const sameScope = firstInScope.get(scopeKey);
      const elsewhere = firstInFile.get(key);
      if (sameScope) {
        // Under another name one entry may be a different thing with a wrong URL: the one
        // whose name does not fit the link is the defect (`[Markestack](…/mediastack)` next to
        // `[Mediastack](…/mediastack)`), and deleting is only a suggestion. Deleting is certain
        // only for twins: one name, one link, one description.
        const renamed = entry.name !== '' && sameScope.name !== '' && !sameEntryName(entry.name, sameScope.name);
        const blameFirst = renamed && !fitsLink(sameScope) && fitsLink(entry);
        const twins = !renamed && sameDescription(entry, sameScope) && sameLinks(entry, sameScope);
        if (written(sameScope) && !written(entry)) {
          // A pull request wrote the first of the two, above an entry it did not touch: the
          // one it added is the duplicate, whatever the order (and the finding gates it).
          const firstLink = sameScope.primaryLink!;
          const fix = removalFix(doc, sameScope, twins);
          const todo = renamed ? `remove the one it adds, or correct its URL if "${sameScope.name}" is something else` : 'remove the one it adds';
          reports.push({
            message: `Duplicate entry: ${firstLink.url} is already listed at ${at(link.span.start)}${nameOf(entry)} in ${label}, an entry this pull request does not change — ${todo}`,
            span: firstLink.span,
            ...(fix ? { fix } : {}),
            data: { url: firstLink.url, first: placeOf(entry, label), scope: labelOf(sameScope) },
          });
        } else if (blameFirst && !written(entry)) {
          const firstLink = sameScope.primaryLink!;
          const fix = removalFix(doc, sameScope, false);
          reports.push({
            message: `Duplicate entry: ${firstLink.url} is also listed at ${at(link.span.start)}${nameOf(entry)} in ${label}, whose name fits it, and "${sameScope.name}" does not — correct this one's URL, or remove it`,
            span: firstLink.span,
            ...(fix ? { fix } : {}),
            data: { url: firstLink.url, first: placeOf(entry, label), scope: labelOf(sameScope) },
          });
        } else {
          const fix = removalFix(doc, entry, twins);
          const todo = renamed ? `remove this one, or correct its URL if "${entry.name}" is something else` : 'remove this one';
          reports.push({
            message: `Duplicate entry: ${link.url} is already listed at ${at(sameScope.primaryLink!.span.start)}${nameOf(sameScope)} in ${labelOf(sameScope)} — ${todo}`,
            span: link.span,
            ...(fix ? { fix } : {}),
            data: { url: link.url, first: placeOf(sameScope, labelOf(sameScope)), scope: label },
          });
        }
      } else if (elsewhere) {
        reports.push({
          message: `${link.url} is also listed at ${at(elsewhere.primaryLink!.span.start)}${nameOf(elsewhere)} in ${labelOf(elsewhere)} (this one is in ${label}) — fine when it belongs in both places, otherwise remove one`,
          span: link.span,
          severity: 'info',
          data: { url: link.url, first: placeOf(elsewhere, labelOf(elsewhere)), scope: label },
        });
      }
      labels.set(entry, label);
      if (!firstInScope.has(scopeKey)) firstInScope.set(scopeKey, entry);
      if (!elsewhere) firstInFile.set(key, entry);
    }
    return reports;
  },
};

/** The comparison key of an entry's URL; undefined for empty and placeholder (`#`) links. */
function urlKey(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed === '#') return undefined;
  // Relative paths have no normalized form: the same path written twice is still the same.
  return normalizeUrl(trimmed) ?? `raw:${trimEndChars(trimmed, '/')}`;
}

/** Whether an entry's name relates to its link (a word, the repository, an acronym). */
function fitsLink(entry: Entry): boolean {
  const url = entry.primaryLink!.url;
  return nameRelatesTo(entry.name, [...linkEvidence(url).evidence.map((e) => e.text), ...urlTokens(url)]);
}

/** Descriptions equal up to case, spacing and closing punctuation. */
function sameDescription(a: Entry, b: Entry): boolean {
  const fold = (text: string) => trimEndChars(text.toLowerCase().replace(/\s+/g, ' '), ' .!;,').trim();
  return fold(a.description) === fold(b.description);
}

/**
 * The same links, in order: twins in words may still differ in a link (a project's PyPi
 * sub-link, a description's link), and deleting one would lose it.
 */
function sameLinks(a: Entry, b: Entry): boolean {
  const keys = (entry: Entry) => entry.links.filter((l) => !l.isImage).map((l) => urlKey(l.url) ?? l.url).join('\u0000');
  return keys(a) === keys(b);
}

function at(point: Point): string {
  return `${point.line}:${point.column}`;
}

function nameOf(entry: Entry): string {
  return entry.name ? ` ("${entry.name}")` : '';
}

function placeOf(entry: Entry, scope: string): { line: number; column: number; scope: string } {
  const start = entry.primaryLink!.span.start;
  return { line: start.line, column: start.column, scope };
}

/**
 * Deleting an entry. Certain only for twins (see above) and when the deletion keeps everything else:
 * - the entry owns its whole list item or table row (no nested entries, no second link
 *   in the name cell), and that item or row stands on lines of its own;
 * - for an HTML table row: no cell written in the row spans other rows, and every cell
 *   reaching into the row from above has a plain numeric `rowspan`, which goes down by
 *   one (`rowspan="0"` needs no change).
 * A deletion that is safe but not on whole lines, or of an entry that differs from the other
 * in name or description (it may be another thing with a wrong URL), is only suggested;
 * otherwise no fix.
 */
function removalFix(doc: ListDocument, entry: Entry, twins: boolean): Fix | undefined {
  const removal = entry.removalSpan;
  const start = removal.start.offset;
  const end = removal.end.offset;
  const owner = doc.entries.some((other) => other !== entry && other.span.start.offset >= start && other.span.start.offset < end);
  if (owner) return undefined;
  const edits: TextEdit[] = [{ start, end, text: '' }];
  if (entry.container.kind === 'table') {
    const { table, row } = entry.container;
    if (table.syntax === 'html') {
      if (row.cells.some((cell) => cell.rowspan !== 1)) return undefined;
      const above = new Set<TableCell>();
      for (const cell of row.grid) if (cell && cell.rowIndex < row.index) above.add(cell);
      for (const cell of above) {
        if (cell.rowspan === 0) continue;
        const attr = cell.rowspanAttr;
        if (!attr || !/^\s*\d+\s*$/.test(attr.raw) || Number(attr.raw.trim()) !== cell.rowspan) return undefined;
        edits.push({ start: attr.valueSpan.start.offset, end: attr.valueSpan.end.offset, text: String(cell.rowspan - 1) });
      }
    }
  }
  const wholeLines = removal.start.column === 1 && (removal.end.column === 1 || end === doc.source.length);
  // A grid cell's removal moves the cells after it: only ever a suggestion.
  const cell = entry.container.kind === 'html' && entry.container.form === 'cell';
  return { edits: edits.sort((a, b) => a.start - b.start), certain: wholeLines && twins && !cell };
}
