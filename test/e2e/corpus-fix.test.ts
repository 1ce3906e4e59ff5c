import { describe, it, expect } from '@jest/globals';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { diffArrays } from 'diff';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root, RootContent } from 'mdast';
import { resolveConfig } from '../../src/core/config/resolved-config.js';
import { runRules } from '../../src/core/findings/run-rules.js';
import { buildDocument } from '../../src/core/parse/build-document.js';
import { LineIndex } from '../../src/core/parse/line-index.js';
import { normalizeUrl } from '../../src/core/url/normalize-url.js';
import { fixText } from '../../src/use-cases/fix-text.js';
import { traceOf } from '../../src/maintenance/trace-fixes.js';
import type { Entry, ListDocument, Span } from '../../src/core/model/types.js';
import { SHARED_DIR } from '../helpers/shared-files.js';

/**
 * `listwarden fix` on real lists (../shared/corpus and corpus/more, or LISTWARDEN_CORPUS)
 * and on the seeds beside them, offline: for every list
 * (a) fixing the fixed text changes nothing;
 * (b) every line the fixes change carries an applied fix's finding, or belongs to the
 *     entry, table row or table that finding is on (a deleted entry's other lines, the
 *     rowspan above a deleted row); lines they add stand where an applied fix's edit is;
 * (c) no entry disappears unless its exact twin (name, URL, description, scope, kind of
 *     entry) stays;
 * (d) every top-level Markdown block that holds no changed line renders as before
 *     (remark + GFM trees compared without positions, references resolved to their URLs).
 * The fixes are the CLI's (fixText); the trace the maintenance pull request uses places
 * each applied fix on the original lines. One parse of each text per step: the 10k-entry
 * lists take a few seconds each.
 */
const CORPUS = process.env.LISTWARDEN_CORPUS ?? join(SHARED_DIR, 'corpus');
const SEEDS = join(dirname(CORPUS), 'seeds');
const listsIn = (dir: string, match: (name: string) => boolean) => (existsSync(dir) ? readdirSync(dir).filter(match).sort().map((f) => join(dir, f)) : []);
const LISTS = [
  ...listsIn(CORPUS, (f) => f.endsWith('__README.md')),
  ...listsIn(join(CORPUS, 'more'), (f) => f.endsWith('__README.md')),
  ...listsIn(SEEDS, (f) => f.endsWith('.md')),
];
const label = (path: string) => path.slice(dirname(CORPUS).length + 1);

interface LineRange {
  first: number;
  last: number;
}
const linesOf = (span: Span): LineRange => ({ first: span.start.line, last: span.end.line > span.start.line && span.end.column === 1 ? span.end.line - 1 : span.end.line });
const within = (line: number, range: LineRange) => range.first <= line && line <= range.last;

/** The lines of the original text the diff removes or replaces, and the places where it only adds lines (before that original line). */
function lineDiff(before: string[], after: string[]): { changed: Set<number>; addedBefore: Set<number>; newLineOf: Map<number, number> } {
  const changed = new Set<number>();
  const addedBefore = new Set<number>();
  const newLineOf = new Map<number, number>();
  let oldLine = 1;
  let newLine = 1;
  for (const part of diffArrays(before, after)) {
    const count = part.value.length;
    if (part.removed) {
      for (let i = 0; i < count; i++) changed.add(oldLine + i);
      oldLine += count;
    } else if (part.added) {
      addedBefore.add(oldLine);
      newLine += count;
    } else {
      for (let i = 0; i < count; i++) newLineOf.set(oldLine + i, newLine + i);
      oldLine += count;
      newLine += count;
    }
  }
  return { changed, addedBefore, newLineOf };
}

/** The entry, table row and table a line is in (the things a deletion or a rowspan fix may reach across). */
function holders(doc: ListDocument, line: number): Span[] {
  const found: Span[] = [];
  for (const entry of doc.entries) if (within(line, linesOf(entry.removalSpan))) found.push(entry.removalSpan);
  for (const table of doc.tables) {
    if (!within(line, linesOf(table.span))) continue;
    found.push(table.span);
    for (const row of [...table.headerRows, ...table.bodyRows]) if (within(line, linesOf(row.removalSpan))) found.push(row.removalSpan);
  }
  return found;
}

// Rendering: top-level blocks as remark + GFM read them, positions dropped, references resolved.
const markdown = unified().use(remarkParse).use(remarkGfm);
type Node = { type: string; children?: Node[]; position?: unknown; identifier?: string; [key: string]: unknown };
function rendered(text: string): { first: number; last: number; key: string }[] {
  const tree = markdown.parse(text) as Root;
  const definitions = new Map<string, { url: string; title: unknown }>();
  const visit = (node: Node) => {
    if (node.type === 'definition') definitions.set(node.identifier!, { url: node['url'] as string, title: node['title'] });
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree as unknown as Node);
  const plain = (node: Node): unknown => {
    const { position: _position, children, ...rest } = node;
    let out: Record<string, unknown> = rest;
    if (node.type === 'linkReference' || node.type === 'imageReference') {
      const target = definitions.get(node.identifier!);
      out = { type: node.type === 'linkReference' ? 'link' : 'image', url: target?.url, title: target?.title, alt: node['alt'] };
    }
    return children ? { ...out, children: children.map(plain) } : out;
  };
  return tree.children.map((block: RootContent) => ({ first: block.position!.start.line, last: block.position!.end.line, key: JSON.stringify(plain(block as unknown as Node)) }));
}

const fold = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
const foldDescription = (text: string) => fold(text).replace(/[ .!;,]+$/, '');
function twinKey(entry: Entry): string {
  const link = entry.primaryLink;
  const kind = entry.container.kind === 'html' ? `html:${entry.container.form}` : entry.container.kind;
  return JSON.stringify([fold(entry.name), link ? (normalizeUrl(link.url) ?? link.url) : '', foldDescription(entry.description), entry.scope, kind, link?.subLink === true]);
}

(LISTS.length > 0 ? describe : describe.skip)('listwarden fix on real lists', () => {
  if (LISTS.length === 0) it.skip(`no lists at ${CORPUS} (set LISTWARDEN_CORPUS)`, () => undefined);
  const config = resolveConfig({});

  it.each(LISTS.map((path) => [label(path), path]))('%s: idempotent, only lines with an applied finding, no entry lost, the rest renders the same', (name, path) => {
    const source = readFileSync(path, 'utf8');
    const doc = buildDocument(name, source);
    const findings = runRules(doc, { config });
    const fixed = fixText(name, source, findings, config);
    const trace = traceOf(fixed);
    const output = fixed.output;

    // (a) Fixing the fixed text changes nothing (offline only the static rules fix, and they run again on the text).
    expect(fixText(name, output, [], config).output).toBe(output);
    if (output === source) return;

    const lines = new LineIndex(source);
    const sourceLines = source.split('\n');
    const outputLines = output.split('\n');
    const { changed, addedBefore, newLineOf } = lineDiff(sourceLines, outputLines);

    // (b) Each changed line carries an applied fix's finding, or shares the entry, row or table it is on.
    const applied = trace.fixes.map((fix) => ({ fix, lines: linesOf(lines.span(fix.at.start, Math.max(fix.at.start, fix.at.end))) }));
    const explained = (line: number) =>
      applied.some(({ fix, lines: own }) => {
        if (within(line, own)) return true;
        const reaches = fix.ranges.some((r) => within(line, { first: lines.point(r.start).line, last: lines.point(Math.max(r.start, r.end - 1)).line }));
        return reaches && holders(doc, line).some((span) => within(own.first, linesOf(span)));
      });
    // A line diff may put a removal anywhere in a run of equal lines (two `<tr>` lines, one deleted): any such place will do.
    const text = (line: number) => sourceLines[line - 1];
    const runExplained = (first: number, last: number) => {
      const all = (shift: number) => Array.from({ length: last - first + 1 }, (_, i) => first + shift + i).every(explained);
      if (all(0)) return true;
      for (let k = 1; first - k >= 1 && !changed.has(first - k) && text(first - k) === text(last - k + 1); k++) if (all(-k)) return true;
      for (let k = 1; last + k <= sourceLines.length && !changed.has(last + k) && text(last + k) === text(first + k - 1); k++) if (all(k)) return true;
      return false;
    };
    const unexplained: string[] = [];
    const sorted = [...changed].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
      if (!runExplained(sorted[i]!, sorted[j]!)) unexplained.push(`${sorted[i]}-${sorted[j]}: ${text(sorted[i]!)!.slice(0, 100)}`);
      i = j + 1;
    }
    // Lines the diff adds stand where an applied fix's edit is (a moved entry, a contents line, a replaced line).
    const editLines = trace.fixes.flatMap((fix) => fix.ranges.map((r) => ({ first: lines.point(r.start).line, last: lines.point(Math.max(r.start, r.end - 1)).line })));
    for (const line of addedBefore) {
      if (!editLines.some((r) => r.first <= line && line - 1 <= r.last)) unexplained.push(`added before ${line}: ${outputLines[(newLineOf.get(line) ?? outputLines.length) - 2]?.slice(0, 100)}`);
    }
    expect(unexplained).toEqual([]);

    // (c) An entry whose link the fixes removed has its exact twin in the fixed list.
    const removed = doc.entries.filter((e) => e.primaryLink && trace.fixes.some((fix) => fix.ranges.some((r) => r.start <= e.primaryLink!.span.start.offset && e.primaryLink!.span.end.offset <= r.end)));
    if (removed.length > 0) {
      const after = new Map<string, number>();
      for (const entry of buildDocument(name, output).entries) after.set(twinKey(entry), (after.get(twinKey(entry)) ?? 0) + 1);
      const lost = removed.filter((e) => (after.get(twinKey(e)) ?? 0) === 0 || e.primaryLink!.subLink);
      expect(lost.map((e) => `${e.span.start.line} ${e.name}`)).toEqual([]);
    }

    // (d) Blocks with no changed line, and no line added inside or at their edge, render as before.
    const touched = (first: number, last: number) => {
      for (let line = first; line <= last; line++) if (changed.has(line) || addedBefore.has(line)) return true;
      return addedBefore.has(last + 1);
    };
    const afterBlocks = new Map(rendered(output).map((block) => [block.first, block]));
    const differ: string[] = [];
    for (const block of rendered(source)) {
      if (touched(block.first, block.last)) continue;
      const moved = afterBlocks.get(newLineOf.get(block.first)!);
      if (!moved || moved.key !== block.key || moved.last !== newLineOf.get(block.last)) differ.push(`${block.first}-${block.last}`);
    }
    expect(differ).toEqual([]);
  }, 180_000);
});
