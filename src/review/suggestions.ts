import { createHash } from 'node:crypto';
import type { Finding, TextEdit } from '../core/findings/types.js';
import { ruleDocUrl } from '../core/format/rule-docs.js';
import { LineIndex } from '../core/parse/line-index.js';
import type { ReviewCommentInput } from '../github/port.js';
import { codeSpan, markdownText } from '../core/format/markdown-text.js';
import { repoPath } from './repo-path.js';
import { spanLines } from './span-lines.js';

const FINGERPRINT = /<!-- listwarden:fp=([0-9a-f]{8,64}) -->/;

/**
 * GitHub refuses comment bodies over 65,536 characters and a longer one would be cut. A
 * suggestion that does not fit in this many is posted as a plain note instead: a cut
 * suggestion block would leave its fence open, and "Commit suggestion" would then cut the line.
 */
export const SUGGESTION_BODY_LIMIT = 60_000;

/** A backtick fence longer than any run of backticks in the content (at least three). */
function fenceFor(content: string): string {
  let longest = 0;
  for (const run of content.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Stable across pushes: what is replaced and by what, never where. */
function fingerprint(ruleId: string, path: string, original: string, replacement: string): string {
  return createHash('sha256').update([ruleId, path, original, replacement].join('\u0000')).digest('hex').slice(0, 16);
}

/** Whether `text` ends with a line end (`\n`, `\r\n` or a lone `\r`). */
function endsLine(text: string): boolean {
  return text.endsWith('\n') || text.endsWith('\r');
}

/** The line an edit starts on and the last line whose characters it touches. */
function editLines(index: LineIndex, edit: TextEdit): { first: number; last: number } {
  const first = index.point(edit.start).line;
  const last = edit.end > edit.start ? index.point(edit.end - 1).line : first;
  return { first, last };
}

/**
 * A review comment with a GitHub suggestion for a finding's fix (certain or not), or
 * undefined when it cannot be one: no fix, an edit off the finding's lines, overlapping
 * edits, or a fix that joins a line with the next one.
 *
 * The comment covers every whole line the edits touch; the suggestion block holds those
 * lines with the edits applied (empty when the fix deletes them). `source` is the head
 * text of the finding's file.
 */
export function suggestionComment(finding: Finding, source: string): ReviewCommentInput | undefined {
  const edits = [...(finding.fix?.edits ?? [])].sort((a, b) => a.start - b.start || a.end - b.end);
  if (edits.length === 0) return undefined;
  const index = new LineIndex(source);
  const allowed = spanLines(finding.span);
  let first = Infinity;
  let last = -Infinity;
  let previousEnd = -1;
  for (const edit of edits) {
    if (edit.start < 0 || edit.end < edit.start || edit.end > source.length || edit.start < previousEnd) return undefined;
    previousEnd = edit.end;
    const lines = editLines(index, edit);
    if (lines.first < allowed.first || lines.last > allowed.last) return undefined;
    first = Math.min(first, lines.first);
    last = Math.max(last, lines.last);
  }

  const from = index.lineStart(first);
  const to = index.lineEnd(last);
  const original = source.slice(from, to);
  let replacement = '';
  let at = from;
  for (const edit of edits) {
    replacement += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  replacement += source.slice(at, to);
  if (replacement === original) return undefined;
  // The lines end with a line end but the replacement does not: it would join the next line.
  if (endsLine(original) && replacement !== '' && !endsLine(replacement)) return undefined;
  // The suggestion's lines, each line end (`\r\n`, `\r` or `\n`, as LineIndex counts them) a plain `\n`.
  const lines = replacement.split(/\r\n|\r|\n/);
  if (endsLine(replacement)) lines.pop();

  const content = lines.join('\n');
  const fence = fenceFor(content);
  const block = `${fence}suggestion\n${replacement === '' ? '' : content + '\n'}${fence}`;
  const path = repoPath(finding.file);
  const kind = finding.fix!.certain ? '' : ' (please check this suggestion before accepting it)';
  const rule = `**listwarden** [${codeSpan(finding.ruleId, 100)}](${ruleDocUrl(finding.ruleId)}): ${markdownText(finding.message)}`;
  // The fingerprint goes first: whatever happens to the end of a body, a re-run finds it.
  const marker = `<!-- listwarden:fp=${fingerprint(finding.ruleId, path, original, replacement)} -->`;
  let body = [marker, `${rule}${kind}`, '', block].join('\n');
  if (body.length > SUGGESTION_BODY_LIMIT) {
    const size = replacement.length.toLocaleString('en-US');
    body = [
      marker,
      `${rule} — the fix is too long to show as a suggestion (${size} characters): run \`listwarden fix\` on the branch, or \`/listwarden fix\` in a comment, to apply it.`,
    ].join('\n');
  }

  const comment: ReviewCommentInput = { path, line: last, body };
  if (last > first) comment.start_line = first;
  return comment;
}

/** The fingerprint hidden in a suggestion comment's body, if it is one of ours. */
export function fingerprintOf(body: string): string | undefined {
  return FINGERPRINT.exec(body)?.[1];
}
