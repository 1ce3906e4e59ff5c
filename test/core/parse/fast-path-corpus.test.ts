import { describe, it, expect, afterEach } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseMarkdownTree } from '../../../src/core/parse/markdown-tree.js';
import { parseTakingBlocks } from '../../../src/core/parse/fast-markdown-tree.js';
import { buildDocument } from '../../../src/core/parse/build-document.js';
import { checkSource } from '../../../src/core/check-source.js';
import { corpusLists, seed } from '../../helpers/shared-files.js';
// @ts-expect-error -- a plain ES module without types (the benchmark's list generator)
import { generateList } from '../../../bench/generate-list.mjs';

// The fast path must never change a result: on real lists (when ../shared is there), the
// example list and a generated one, the tree is remark's own, positions included, and so
// are the document model and the findings built on it.

const full = (text: string) => parseMarkdownTree(text, { fastPath: false });

const lists: [string, string][] = [
  ...(['000', '001', '002'] as const).flatMap((prefix): [string, string][] => {
    const text = seed(prefix);
    return text === undefined ? [] : [[`seed ${prefix}`, text]];
  }),
  ...corpusLists(),
  ['examples/awesome-example.md', readFileSync('examples/awesome-example.md', 'utf8')],
  ['generated 2000 entries', (generateList as (count: number) => string)(2000)],
];

/**
 * A document as canonical JSON: keys sorted, and an object met again (an entry's link points
 * back to its entry, sections are shared) written as a reference to its first appearance.
 * (jest's deep equality is far too slow on such cyclic graphs.)
 */
function canonical(value: unknown): string {
  const ids = new Map<object, number>();
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const seen = ids.get(v);
    if (seen !== undefined) return { $ref: seen };
    ids.set(v, ids.size);
    if (Array.isArray(v)) return v.map(walk);
    if (v instanceof Map) return { $map: [...v.entries()].map(([k, x]) => [walk(k), walk(x)]) };
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) out[key] = walk((v as Record<string, unknown>)[key]);
    return out;
  };
  return JSON.stringify(walk(value));
}

/** Runs `fn` with the fast path turned off through the environment, as a user would. */
function withoutFastPath<T>(fn: () => T): T {
  const before = process.env.LISTWARDEN_FAST_PARSE;
  process.env.LISTWARDEN_FAST_PARSE = 'off';
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.LISTWARDEN_FAST_PARSE;
    else process.env.LISTWARDEN_FAST_PARSE = before;
  }
}

describe('fast list runs on real lists', () => {
  afterEach(() => {
    delete process.env.LISTWARDEN_FAST_PARSE;
  });

  it.each(lists)('%s: the tree is remark’s full parse, positions included', (_name, text) => {
    expect(parseMarkdownTree(text)).toStrictEqual(full(text));
  });

  it.each(lists)('%s: the document model and the findings are the same with and without the fast path', (_name, text) => {
    const fastDoc = buildDocument('list.md', text);
    const slowDoc = withoutFastPath(() => buildDocument('list.md', text));
    expect(fastDoc.entries.length).toBe(slowDoc.entries.length);
    expect(canonical(fastDoc)).toBe(canonical(slowDoc));
    const fast = checkSource('list.md', text).findings;
    const slow = withoutFastPath(() => checkSource('list.md', text).findings);
    expect(canonical(fast)).toBe(canonical(slow));
  });

  it('takes every bullet entry, pipe table and HTML table of the generated list by the fast path', () => {
    const text = (generateList as (count: number) => string)(2000);
    const { tree, taken } = parseTakingBlocks(text, full);
    expect(tree).toStrictEqual(full(text));
    const linesOf = (kind: string) => taken.filter((b) => b.kind === kind).reduce((n, b) => n + b.lastLine - b.firstLine + 1, 0);
    // Entries and the table of contents' links.
    expect(linesOf('list')).toBe(text.split('\n').filter((line) => line.startsWith('- [')).length);
    expect(linesOf('table')).toBe(text.split('\n').filter((line) => line.startsWith('|')).length);
    // Raw HTML tables, from `<table>` to `</table>`.
    const htmlLines = text.split(/^<table>$/m).slice(1).reduce((n, part) => n + part.slice(0, part.indexOf('</table>')).split('\n').length, 0);
    expect(linesOf('html')).toBe(htmlLines);
  });
});
