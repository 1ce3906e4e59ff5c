import type { Finding } from '../findings/types.js';
import { LineIndex } from './line-index.js';
import { parseWork, parseWorkAllowed } from './parse-work.js';

/** Lists larger than this are refused: no real list comes near it, and parsing stays bounded. */
export const MAX_SOURCE_CHARS = 20 * 1024 * 1024;

/**
 * Refuses text that is not a Markdown list before parsing it: binary data (NUL bytes)
 * and oversized files.
 */
export function inspectInput(path: string, source: string): Finding | undefined {
  const at = (offset: number) => new LineIndex(source.slice(0, offset)).point(offset);
  const problem = (offset: number, message: string): Finding => ({
    ruleId: 'unreadable-input',
    severity: 'error',
    message,
    file: path,
    span: { start: at(offset), end: at(offset) },
  });
  if (source.length > MAX_SOURCE_CHARS) {
    return problem(0, `File is ${(source.length / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_SOURCE_CHARS / 1024 / 1024} MB listwarden reads — split the list or exclude this file with ignore.files`);
  }
  const deep = tooDeep(source);
  if (deep) return problem(deep.offset, `Nesting ${deep.what} deeper than ${MAX_NESTING} levels starts here — no list nests that deep; flatten it (listwarden reads up to ${MAX_NESTING} levels)`);
  const nul = source.indexOf('\u0000');
  if (nul >= 0) return problem(nul, 'File contains NUL bytes: it looks binary, not Markdown — exclude it with ignore.files or pass the right file');
  const work = parseWork(source);
  if (!parseWorkAllowed(source, work)) {
    return problem(work.worstOffset, `${TOO_SLOW}: the paragraph or line starting here would make the Markdown parser do work that grows with the square of its length (thousands of \`[\`, \`]\` or \`(\` in one run of text) — break it into lines of their own, or exclude this file with ignore.files`);
  }
  return undefined;
}

/** How a refused list's finding begins, wherever it is shown (check run, comment, terminal). */
export const TOO_SLOW = 'Too large or too slow to check';

/** The files `findings` refuse as too large or too slow to check (by the pre-parse check or a deadline): nothing else may parse them. */
export function tooSlowFiles(findings: readonly Finding[]): Set<string> {
  return new Set(findings.filter((f) => f.ruleId === 'unreadable-input' && f.message.startsWith(TOO_SLOW)).map((f) => f.file));
}

/** Block nesting (quotes, list items, indentation) listwarden parses at most. */
export const MAX_NESTING = 100;

/**
 * Finds a line nested deeper than MAX_NESTING: more than that many `>` or list markers in
 * a row, or an indentation wider than four columns a level. The Markdown parser recurses
 * (or works quadratically) per level, so such input is refused before parsing.
 */
function tooDeep(source: string): { offset: number; what: string } | undefined {
  let lineStart = 0;
  while (lineStart < source.length) {
    let i = lineStart;
    let quotes = 0;
    let markers = 0;
    let indent = 0;
    for (;;) {
      const ch = source.charCodeAt(i);
      if (ch === 32) indent++;
      else if (ch === 9) indent += 4;
      else if (ch === 62) quotes++; // >
      else if ((ch === 45 || ch === 42 || ch === 43) && (source.charCodeAt(i + 1) === 32 || source.charCodeAt(i + 1) === 9)) markers++; // - * +
      else break;
      i++;
    }
    if (quotes > MAX_NESTING) return { offset: lineStart, what: 'of block quotes' };
    if (markers > MAX_NESTING) return { offset: lineStart, what: 'of list items' };
    if (indent > MAX_NESTING * 4) return { offset: lineStart, what: 'by indentation' };
    const next = source.indexOf('\n', i);
    if (next < 0) break;
    lineStart = next + 1;
  }
  return undefined;
}
