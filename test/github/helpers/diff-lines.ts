import { structuredPatch } from 'diff';

/**
 * Which lines of a pull-request file a review comment may sit on, read from the file's
 * unified-diff `patch` as GitHub returns it: the head-side (RIGHT) lines of each hunk,
 * context and added lines alike, and the hunk each belongs to.
 */

/** Head-side line → index of its hunk. */
export type RightLines = Map<number, number>;

export function rightLines(patch: string): RightLines {
  const lines: RightLines = new Map();
  let hunk = -1;
  let next = 0;
  for (const text of patch.split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (header) {
      hunk += 1;
      next = Number(header[1]);
      continue;
    }
    // Outside a hunk, "\ No newline at end of file", a trailing empty line, a removed line.
    if (hunk < 0 || text === '' || text.startsWith('\\') || text.startsWith('-')) continue;
    lines.set(next, hunk);
    next += 1;
  }
  return lines;
}

/** GitHub's `patch` of a file between two texts: the hunks of a unified diff, 3 lines of context. */
export function patchOf(before: string, after: string): string {
  const patch = structuredPatch('a', 'b', before, after, '', '', { context: 3 });
  return patch.hunks.map((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines].join('\n')).join('\n');
}
