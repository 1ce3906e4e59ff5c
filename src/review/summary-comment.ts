import type { Finding, Severity } from '../core/findings/types.js';
import { ruleDocUrl } from '../core/format/rule-docs.js';
import { codeSpan, linkDestination, markdownText } from '../core/format/markdown-text.js';
import { repoPath } from './repo-path.js';

/** Hidden first line of the sticky summary comment, by which a re-run finds and updates it. */
export const SUMMARY_MARKER = '<!-- listwarden:summary -->';

/** GitHub refuses comment bodies over 65,536 characters; this leaves room to spare. */
export const SUMMARY_COMMENT_LIMIT = 60_000;

export interface SummaryInput {
  /** Findings on lines the pull request changes. */
  gating: Finding[];
  /** Findings the list already had (and info findings). */
  existing: Finding[];
  /** The list files checked. */
  files: string[];
  /** Lines about the link checks ("network unavailable: 79 links not checked"). */
  linkNotes?: string[];
  /** Where the full report is (a workflow run, an artifact, the weekly report issue). */
  reportUrl?: string;
  /** The head commit checked. */
  sha: string;
}

export interface RenderOptions {
  /** Start with SUMMARY_MARKER (the sticky comment does; the job summary need not). */
  marker: boolean;
  /** Most characters of the result; the finding lists are cut to fit. */
  limit: number;
}

const ICON: Record<Severity, string> = { error: '🔴', warning: '🟡', info: '🔵' };
const MAX_FILES_SHOWN = 10;
const MAX_NOTES_SHOWN = 20;
const MAX_RULE_ROWS = 50;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function byPlace(a: Finding, b: Finding): number {
  const fa = repoPath(a.file);
  const fb = repoPath(b.file);
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (
    a.span.start.line - b.span.start.line ||
    a.span.start.column - b.span.start.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

function item(f: Finding): string {
  const where = codeSpan(`${repoPath(f.file)}:${f.span.start.line}`, 300);
  // The rule links to its documentation in the table above; here it is plain, to fit more.
  return `- ${ICON[f.severity]} ${where} ${codeSpan(f.ruleId, 100)} ${markdownText(f.message)}`;
}

function ruleTable(gating: Finding[], existing: Finding[]): string[] {
  const counts = new Map<string, { gating: number; existing: number }>();
  for (const [list, key] of [[gating, 'gating'], [existing, 'existing']] as const) {
    for (const f of list) {
      const c = counts.get(f.ruleId) ?? { gating: 0, existing: 0 };
      c[key]++;
      counts.set(f.ruleId, c);
    }
  }
  const rows = [...counts].sort(
    ([ra, a], [rb, b]) => b.gating - a.gating || b.existing - a.existing || (ra < rb ? -1 : ra > rb ? 1 : 0),
  );
  const out = ['| Rule | In this PR | Elsewhere |', '| --- | ---: | ---: |'];
  for (const [rule, c] of rows.slice(0, MAX_RULE_ROWS)) {
    out.push(`| [${codeSpan(rule, 100, { inTable: true })}](${ruleDocUrl(rule)}) | ${c.gating} | ${c.existing} |`);
  }
  if (rows.length > MAX_RULE_ROWS) {
    const rest = rows.slice(MAX_RULE_ROWS);
    const sum = (k: 'gating' | 'existing') => rest.reduce((n, [, c]) => n + c[k], 0);
    out.push(`| ${plural(rest.length, 'more rule')} | ${sum('gating')} | ${sum('existing')} |`);
  }
  return out;
}

/**
 * Renders the review summary: headline, table by rule, the problems this pull request
 * causes, then the ones the list already had, folded away. Deterministic: the same
 * findings and commit give the same text. When it would exceed `limit`, the finding lists
 * are cut and a line points to the full report.
 */
export function renderSummary(input: SummaryInput, options: RenderOptions): string {
  const gating = [...input.gating].sort(byPlace);
  const existing = [...input.existing].sort(byPlace);
  const head: string[] = [];
  if (options.marker) head.push(SUMMARY_MARKER);
  head.push('## listwarden', '');
  head.push(
    gating.length === 0
      ? '✅ **No problems in the lines this PR changes.**'
      : `❌ **${plural(gating.length, 'problem')} in the lines this PR changes.**`,
    '',
  );
  if (gating.length + existing.length > 0) head.push(...ruleTable(gating, existing), '');
  const notes = input.linkNotes ?? [];
  if (notes.length > 0) {
    head.push('**Link checks**', '');
    for (const note of notes.slice(0, MAX_NOTES_SHOWN)) head.push(`- ${markdownText(note, 500)}`);
    if (notes.length > MAX_NOTES_SHOWN) head.push(`- …and ${plural(notes.length - MAX_NOTES_SHOWN, 'more note')}`);
    head.push('');
  }

  const files = input.files.map(repoPath);
  const shown = files.slice(0, MAX_FILES_SHOWN).map((f) => codeSpan(f, 200)).join(', ');
  const more = files.length > MAX_FILES_SHOWN ? ` and ${files.length - MAX_FILES_SHOWN} more` : '';
  const sha = markdownText(input.sha.replace(/`/g, ''), 64);
  const foot = ['', `<sub>Checked ${plural(files.length, 'file')}${files.length > 0 ? `: ${shown}${more}` : ''} at commit ${sha}.</sub>`];

  const reportUrl = input.reportUrl ? linkDestination(input.reportUrl.slice(0, 2000)) : undefined;
  const cutLine = (omitted: number) =>
    `_…and ${plural(omitted, 'more problem')} not shown here (too many for one comment)${reportUrl ? ` — see the [full report](${reportUrl})` : ' — run `listwarden check` for all of them'}._`;

  const gatingHead = gating.length > 0 ? ['### Problems in the lines this PR changes', ''] : [];
  const existingHead =
    existing.length > 0
      ? [
          `<details><summary>${plural(existing.length, 'existing problem')} elsewhere in the list (not caused by this PR; see the weekly report)</summary>`,
          '',
        ]
      : [];
  const existingFoot = existing.length > 0 ? ['', '</details>'] : [];

  const size = (lines: string[]) => lines.reduce((n, l) => n + l.length + 1, 0);
  // Room for the fixed parts and one cut line, whatever is left out.
  let budget =
    options.limit -
    size(head) -
    size(foot) -
    size(gatingHead) -
    size(existingHead) -
    size(existingFoot) -
    2 * (cutLine(gating.length + existing.length).length + 2) -
    8;

  const take = (list: Finding[]): { lines: string[]; omitted: number } => {
    const lines: string[] = [];
    for (const f of list) {
      const line = item(f);
      if (line.length + 1 > budget) break;
      budget -= line.length + 1;
      lines.push(line);
    }
    return { lines, omitted: list.length - lines.length };
  };

  const out = [...head];
  if (gating.length > 0) {
    const g = take(gating);
    out.push(...gatingHead, ...g.lines);
    if (g.omitted > 0) {
      out.push('', cutLine(g.omitted));
      budget = 0; // the existing problems are left to the full report
    }
    out.push('');
  }
  if (existing.length > 0) {
    const e = take(existing);
    out.push(...existingHead, ...e.lines);
    if (e.omitted > 0) out.push('', cutLine(e.omitted));
    out.push(...existingFoot);
  }
  out.push(...foot);
  return out.join('\n') + '\n';
}

/** The body of the sticky pull-request comment (under GitHub's size limit). */
export function summaryComment(input: SummaryInput): string {
  return renderSummary(input, { marker: true, limit: SUMMARY_COMMENT_LIMIT });
}
