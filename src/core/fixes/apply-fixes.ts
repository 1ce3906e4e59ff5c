import type { Finding, TextEdit } from '../findings/types.js';
import type { ListDocument } from '../model/types.js';
import { buildDocument } from '../parse/build-document.js';
import { inspectInput } from '../parse/inspect-input.js';
import { LineIndex } from '../parse/line-index.js';
import { lineOutsideFinding, type RefusedFix } from './fix-stays-on-its-lines.js';
import { structureKept } from './structure-kept.js';

export type { RefusedFix } from './fix-stays-on-its-lines.js';

export interface ApplyResult {
  output: string;
  /** Findings whose fix was applied. */
  applied: Finding[];
  /** Findings with a certain fix left out because it overlapped an applied one (a later pass may apply it). */
  deferred: Finding[];
  /** Findings with a certain fix left out because the text it wrote would not keep the links and table cells (see structureKept). */
  rejected: Finding[];
  /** Certain fixes left out because they would change a line that carries none of their finding (see lineOutsideFinding). */
  refused: RefusedFix[];
  /** The output parsed (when a fix was applied), for the next pass to reuse. */
  doc?: ListDocument;
}

export interface ApplyOptions {
  /** The file's path, for the parsed documents. */
  path?: string;
  /** `source` already parsed, to save parsing it again. */
  before?: ListDocument;
}

/** Parses spent looking for the fixes that break the structure, when some do; past it the rest are left out. */
const MAX_CHECK_PARSES = 48;

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end || (a.start === a.end && a.start > b.start && a.start < b.end) || (b.start === b.end && b.start > a.start && b.start < a.end);
}

function applyEdits(source: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let output = '';
  let at = 0;
  for (const edit of sorted) {
    output += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return output + source.slice(at);
}

/**
 * Applies the certain fixes of findings to a text. A fix is all or nothing; fixes whose
 * edits overlap an earlier accepted fix are deferred. Bytes outside the edits never change.
 *
 * A fix never changes a line that carries none of its finding: one that would is refused
 * (see lineOutsideFinding), whatever rule wrote it.
 *
 * The result is parsed again and a fix is kept only if the links and table cells are what
 * they were (only the URLs the fixes meant to change changed): a fix that would add a link
 * or split a table row is rejected, whatever rule wrote it.
 */
export function applyFixes(source: string, findings: Finding[], options: ApplyOptions = {}): ApplyResult {
  const accepted: TextEdit[] = [];
  const candidates: Finding[] = [];
  const deferred: Finding[] = [];
  const refused: RefusedFix[] = [];
  const path = options.path ?? options.before?.path ?? 'list.md';
  let lines: LineIndex | undefined;
  // Parsed once, when a fix reaches past its finding's lines or a fix is to be checked; never text that cannot be read as a list.
  let parsed: ListDocument | null | undefined = options.before;
  const docOf = () => (parsed === undefined ? (parsed = inspectInput(path, source) ? null : buildDocument(path, source)) : parsed) ?? undefined;
  for (const finding of findings) {
    const fix = finding.fix;
    if (!fix || !fix.certain || fix.edits.length === 0) continue;
    const valid = fix.edits.every((e) => e.start >= 0 && e.end <= source.length && e.start <= e.end);
    const noop = fix.edits.every((e) => source.slice(e.start, e.end) === e.text);
    if (!valid || noop) continue;
    const line = lineOutsideFinding((lines ??= new LineIndex(source)), finding, docOf);
    if (line !== undefined) {
      refused.push({ finding, line });
      continue;
    }
    if (fix.edits.some((e) => accepted.some((a) => overlaps(a, e)))) {
      deferred.push(finding);
      continue;
    }
    accepted.push(...fix.edits);
    candidates.push(finding);
  }
  if (candidates.length === 0) return { output: source, applied: [], deferred, rejected: [], refused };
  // Text that cannot be read as a list is never parsed, so never fixed.
  const before = inspectInput(path, source) ? undefined : docOf();
  if (!before) return { output: source, applied: [], deferred, rejected: candidates, refused };

  let parses = 0;
  const tried = new Map<Finding[], { output: string; doc: ListDocument; ok: boolean }>();
  const attempt = (set: Finding[]) => {
    const edits = set.flatMap((f) => f.fix!.edits);
    const output = applyEdits(source, edits);
    parses++;
    const doc = buildDocument(path, output);
    const result = { output, doc, ok: structureKept(before, doc, edits, (text) => buildDocument(path, text).links) };
    tried.set(set, result);
    return result;
  };
  // The fixes that keep the structure: all of them at once (the usual case), else halves
  // searched for the ones that break it.
  const solve = (set: Finding[]): Finding[] => {
    if (set.length === 0 || parses >= MAX_CHECK_PARSES) return [];
    if (attempt(set).ok) return set;
    if (set.length === 1) return [];
    const middle = set.length >> 1;
    const left = solve(set.slice(0, middle));
    const right = solve(set.slice(middle));
    if (left.length === 0 || right.length === 0) return left.length > 0 ? left : right;
    const both = [...left, ...right];
    if (parses < MAX_CHECK_PARSES && attempt(both).ok) return both;
    return left.length >= right.length ? left : right;
  };
  const applied = solve(candidates);
  const kept = new Set(applied);
  const rejected = candidates.filter((f) => !kept.has(f));
  if (applied.length === 0) return { output: source, applied, deferred, rejected, refused };
  const result = tried.get(applied)!;
  return { output: result.output, applied, deferred, rejected, refused, doc: result.doc };
}
