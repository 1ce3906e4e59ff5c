import { diffLines } from 'diff';

/**
 * Above this many inserted plus deleted lines (about 0.1 s on a 4,000-line list) the line
 * diff gives up and `newLines` decides instead, so a rewrite costs no more than that.
 */
const MAX_EDIT_LENGTH = 1000;

/**
 * The lines of a text, without their terminators; a final line end ends the last line, it
 * starts none. Lines end as the findings count them (LineIndex): `\n`, `\r\n` or a lone `\r`.
 */
function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * For changes too large to diff: the head lines whose text base does not have (each base
 * line vouches for one head line). Exact for edited and added lines; a line only moved
 * elsewhere counts as unchanged, which suits a list someone sorted or regrouped.
 */
function newLines(before: string[], after: string[], offset: number, changed: Set<number>): void {
  const unused = new Map<string, number>();
  for (const line of before) unused.set(line, (unused.get(line) ?? 0) + 1);
  after.forEach((line, i) => {
    const left = unused.get(line) ?? 0;
    if (left > 0) unused.set(line, left - 1);
    else changed.add(offset + i + 1);
  });
}

/**
 * 1-based line numbers of `head` that the change from `base` adds or modifies (a modified
 * line counts; a pure deletion adds none). No base (a new file) → every line of head.
 *
 * The common leading and trailing lines are stripped before diffing, so a change of a few
 * lines in a long list costs one linear pass, whatever the list's length. A line that
 * moved counts as changed where it lands, as in GitHub's diff (except in a change too
 * large to diff, see `newLines`).
 */
export function changedLines(base: string | undefined, head: string): Set<number> {
  const after = linesOf(head);
  const changed = new Set<number>();
  if (base === undefined) {
    for (let line = 1; line <= after.length; line++) changed.add(line);
    return changed;
  }
  const before = linesOf(base);
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;

  const oldMiddle = before.slice(prefix, before.length - suffix);
  const newMiddle = after.slice(prefix, after.length - suffix);
  if (newMiddle.length === 0) return changed;
  if (oldMiddle.length === 0) {
    for (let i = 0; i < newMiddle.length; i++) changed.add(prefix + i + 1);
    return changed;
  }

  // Every line terminated by "\n", so the last line compares like all others.
  const join = (lines: string[]) => lines.map((l) => l + '\n').join('');
  const parts = diffLines(join(oldMiddle), join(newMiddle), { maxEditLength: MAX_EDIT_LENGTH });
  if (!parts) {
    newLines(oldMiddle, newMiddle, prefix, changed);
    return changed;
  }
  let line = prefix + 1;
  for (const part of parts) {
    if (part.removed) continue;
    const count = part.count;
    if (part.added) for (let i = 0; i < count; i++) changed.add(line + i);
    line += count;
  }
  return changed;
}
