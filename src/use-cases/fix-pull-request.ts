import { fixesLeftOut } from './fixes-left-out.js';
import { CommandError } from '../commands/command-error.js';
import type { ResolvedConfig } from '../core/config/resolved-config.js';
import { matchesAnyGlob } from '../core/config/glob.js';
import type { Finding } from '../core/findings/types.js';
import { GitHubPermissionError, type FileWrite, type GitHubPort, type PullSummary, type RepoRef, type ReviewCommentInput } from '../github/port.js';
import { statusOf } from '../github/request-errors.js';
import { changedLines } from '../review/changed-lines.js';
import { codeSpan, markdownText } from '../core/format/markdown-text.js';
import { fingerprintOf, suggestionComment } from '../review/suggestions.js';
import { tooSlowFiles } from '../core/parse/inspect-input.js';
import { checkLists, type LinkPorts, type ListFile, type RuleRunner } from './check-lists.js';
import { inProcessFixer, plainRequestFacts, type FixRunner } from './fix-job.js';
import { listWrite, readListFile } from './read-list-file.js';

/** `/listwarden fix` on a pull request. */
export interface FixPullRequest {
  repo: RepoRef;
  pull: number;
  /** Globs of the list files. */
  files: string[];
  config: ResolvedConfig;
  /** The link checker; absent → only the static rules' fixes. */
  links?: LinkPorts;
  /** Runs the parse and the rules off this thread (the app's worker pool, with its deadline); absent → here. */
  rules?: RuleRunner;
  /** Computes the fixes off this thread (the app's worker pool, with its deadline); absent → here. */
  fixes?: FixRunner;
  /** The login the token writes as, to recognize suggestions posted before. */
  botLogin?: string;
}

export interface FixPullOutcome {
  /** The commit pushed to the pull request's branch. */
  pushed?: string;
  /** Suggestions posted (when listwarden may not push). */
  suggested: number;
  /** Certain fixes found in the lists the pull request changes. */
  changes: number;
  /** One line for the reply. */
  line: string;
}

interface ListText {
  path: string;
  head: string;
  base: string | undefined;
  /** The head as read (bytes, byte order mark), to write it back. */
  file: ListFile;
}

/**
 * Applies the certain fixes to the lists a pull request changes. When its branch is in this
 * repository: one commit on top of the head, the branch fast-forwarded to it (never forced,
 * so nothing a person pushed meanwhile is lost). When listwarden may not push — the branch
 * is in a fork, or GitHub refuses the token — the fixes on the lines the pull request
 * changes are posted as one review of suggestions instead, none twice.
 *
 * Throws a `CommandError` (its message is for the commenter) when the pull request is gone
 * or closed, or its branch moved while the fixes were made.
 */
export async function fixPullRequest(github: GitHubPort, request: FixPullRequest): Promise<FixPullOutcome> {
  const { repo } = request;
  const pull = await github.getPull(repo, request.pull);
  if (!pull) throw new CommandError(`there is no pull request #${request.pull} in ${repo.owner}/${repo.repo} — check the number.`);
  if (pull.state !== 'open') {
    throw new CommandError(`#${pull.number} is ${pull.merged ? 'merged' : 'closed'}, so there is no branch to fix — run \`/listwarden fix\` on the report issue to fix the default branch.`);
  }

  const { lists, skipped } = await readLists(github, request, pull);
  // Files listwarden will not touch, said in the reply: "; README.md:3:7 is not valid UTF-8 — …".
  const notes = notesOf(skipped);
  if (lists.length === 0) {
    return { suggested: 0, changes: 0, line: `Nothing to fix: this pull request changes no list file${skipped.length > 0 ? ' listwarden can read' : ''} (${request.files.join(', ') || 'no list globs configured'}).${notes}` };
  }
  const result = await checkLists(
    lists.map((l): ListFile => ({ path: l.path, source: l.head })),
    request.config,
    request.links,
    request.rules,
  );
  const writes: FileWrite[] = [];
  const applied: Finding[] = [];
  // A list refused as too large or too slow to check is not parsed again here to fix it: say so.
  const refused = tooSlowFiles(result.findings);
  for (const problem of result.findings.filter((f) => refused.has(f.file) && f.ruleId === 'unreadable-input')) skipped.push(`${problem.file}: ${problem.message}`);
  const facts = result.evidence ? plainRequestFacts(result.evidence.facts, result.evidence.run.outcomes.keys()) : undefined;
  const fixes = request.fixes ?? inProcessFixer;
  for (const list of lists) {
    if (refused.has(list.path)) continue;
    const own = result.findings.filter((f) => f.file === list.path);
    const fixed = await fixes({ path: list.path, source: list.head, findings: own, config: request.config, ...(facts ? { facts } : {}) });
    if (fixed.tooSlow) {
      skipped.push(`${list.path}: ${fixed.tooSlow.message}`);
      continue;
    }
    // Certain fixes left out are said, as `fix` says them, so the commenter can check them by hand.
    for (const line of fixesLeftOut(list.path, fixed.rejected, fixed.refused ?? [])) skipped.push(line);
    if (fixed.output === list.head) continue;
    const written = listWrite(list.file, fixed.output);
    if ('refused' in written) {
      skipped.push(written.refused);
      continue;
    }
    writes.push(written.write);
    applied.push(...fixed.applied);
  }
  const allNotes = notesOf(skipped);
  if (writes.length === 0) return { suggested: 0, changes: 0, line: `Nothing to fix: listwarden is certain of no fix in the lists this pull request changes.${allNotes}` };
  const changes = applied.length;

  let whyNotPushed: string;
  if (pull.headRepo?.toLowerCase() !== `${repo.owner}/${repo.repo}`.toLowerCase()) {
    whyNotPushed = 'its branch is in a fork, where listwarden may not push';
  } else {
    try {
      const pushed = await push(github, repo, pull, writes, applied);
      return { pushed, suggested: 0, changes, line: `pushed ${countOf(changes, 'fix', 'fixes')} in ${countOf(writes.length, 'file', 'files')} to ${codeSpan(pull.headRef)} (${pushed.slice(0, 7)}): ${ruleCounts(applied)}.${allNotes}` };
    } catch (error) {
      if (!(error instanceof GitHubPermissionError)) throw error;
      whyNotPushed = `GitHub refused the push (${error.status}): the token may not write to this branch`;
    }
  }
  const suggested = await suggest(github, request, pull, lists, result.findings, changes, whyNotPushed);
  return { ...suggested, line: suggested.line + allNotes };
}

/** Why files were left alone, for the reply: they name the pull request's files, so through the one Markdown escaper. */
function notesOf(skipped: string[]): string {
  return skipped.map((why) => ` (${markdownText(why)})`).join('');
}

async function readLists(github: GitHubPort, request: FixPullRequest, pull: PullSummary): Promise<{ lists: ListText[]; skipped: string[] }> {
  const files = (await github.listPullFiles(request.repo, request.pull)).filter(
    (f) => f.status !== 'removed' && matchesAnyGlob(f.filename, request.files) && !matchesAnyGlob(f.filename, request.config.ignoreFiles),
  );
  const lists: ListText[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const read = await readListFile(github, request.repo, file.filename, pull.headSha);
    if (!read) continue;
    if ('skipped' in read) {
      skipped.push(read.skipped);
      continue;
    }
    const base = file.status === 'added' ? undefined : await github.getFileText(request.repo, file.previousFilename ?? file.filename, pull.baseSha);
    lists.push({ path: file.filename, head: read.file.source, base, file: read.file });
  }
  return { lists, skipped };
}

/** One commit on the head, then a fast-forward of the branch. */
async function push(github: GitHubPort, repo: RepoRef, pull: PullSummary, writes: FileWrite[], applied: Finding[]): Promise<string> {
  const message = [
    `listwarden: apply ${countOf(applied.length, 'certain fix', 'certain fixes')}`,
    '',
    `Asked for with /listwarden fix on #${pull.number}.`,
    '',
    ...writes.map((w) => `- ${w.path}: ${ruleCounts(applied.filter((f) => f.file === w.path))}`),
  ].join('\n');
  const sha = await github.createCommit(repo, { message, parentSha: pull.headSha, files: writes });
  try {
    await github.updateBranch(repo, pull.headRef, sha, false);
  } catch (error) {
    if (statusOf(error) === 422) {
      throw new CommandError(`the branch ${codeSpan(pull.headRef)} moved while listwarden was fixing it (someone pushed) — run \`/listwarden fix\` again.`);
    }
    throw error;
  }
  return sha;
}

/** The certain fixes on changed lines as one review of suggestions; the count posted. */
async function suggest(
  github: GitHubPort,
  request: FixPullRequest,
  pull: PullSummary,
  lists: ListText[],
  findings: Finding[],
  changes: number,
  whyNotPushed: string,
): Promise<FixPullOutcome> {
  const wanted: ReviewCommentInput[] = [];
  const seen = new Set<string>();
  let outsideDiff = 0;
  for (const list of lists) {
    const changed = changedLines(list.base, list.head);
    for (const finding of findings) {
      if (finding.file !== list.path || !finding.fix?.certain) continue;
      const comment = suggestionComment(finding, list.head);
      const fp = comment ? fingerprintOf(comment.body) : undefined;
      if (!comment || !fp || seen.has(fp)) continue;
      seen.add(fp);
      // GitHub takes review comments only on lines of the diff.
      let inDiff = true;
      for (let line = comment.start_line ?? comment.line; line <= comment.line; line++) if (!changed.has(line)) inDiff = false;
      if (inDiff) wanted.push(comment);
      else outsideDiff++;
    }
  }
  const elsewhere = outsideDiff > 0 ? `; ${countOf(outsideDiff, 'fix is', 'fixes are')} on lines this pull request does not change, left to the maintenance pull request` : '';
  if (wanted.length === 0) {
    return { suggested: 0, changes, line: `Not pushed (${whyNotPushed}), and no fix is on a line this pull request changes, so there is nothing to suggest${elsewhere}.` };
  }
  const posted = new Set(
    (await github.listReviewComments(request.repo, pull.number))
      .filter((c) => request.botLogin === undefined || c.login.toLowerCase() === request.botLogin.toLowerCase())
      .map((c) => fingerprintOf(c.body))
      .filter(Boolean),
  );
  const fresh = wanted.filter((c) => !posted.has(fingerprintOf(c.body)));
  if (fresh.length === 0) {
    return { suggested: 0, changes, line: `Not pushed (${whyNotPushed}); the ${countOf(wanted.length, 'suggestion is', 'suggestions are')} already on this pull request — accept them with "Commit suggestion"${elsewhere}.` };
  }
  const body = `**listwarden** could not push its fixes (${whyNotPushed}), so here they are as suggestions — accept them with "Commit suggestion" or "Add suggestion to batch".`;
  await github.createReview(request.repo, pull.number, pull.headSha, fresh, body);
  return { suggested: fresh.length, changes, line: `Not pushed (${whyNotPushed}); posted ${countOf(fresh.length, 'fix', 'fixes')} as suggestions instead${elsewhere}.` };
}

function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2× no-redirect, 1× table-rowspan". */
function ruleCounts(findings: Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return [...counts].map(([rule, n]) => `${n}× ${rule}`).join(', ');
}
