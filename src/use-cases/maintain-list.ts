import type { ResolvedConfig } from '../core/config/resolved-config.js';
import type { Finding } from '../core/findings/types.js';
import type { CommitSummary, FileWrite, GitHubPort, PullSummary, RepoRef } from '../github/port.js';
import type { MaintenanceChange } from '../maintenance/change-list.js';
import type { FixRunner } from './fix-job.js';
import { planMaintenance, type MaintenancePlan } from '../maintenance/plan-maintenance.js';
import { commitMessage, MAINTENANCE_TRAILER, pullBody, pullTitle, readFingerprint } from '../maintenance/pull-body.js';
import { MAINTENANCE_BRANCH } from '../report/identity.js';
import type { LinkEvidence, ListFile } from './check-lists.js';
import { withLease } from './lease.js';

export type { MaintenanceChange } from '../maintenance/change-list.js';

export interface MaintenanceRequest {
  repo: RepoRef;
  config: ResolvedConfig;
  defaultBranch: string;
  /** The default branch's head the fixes are made on. */
  baseSha: string;
  /** The lists' text at baseSha. */
  files: ListFile[];
  /** From checkLists on those files (with links when checked). */
  findings: Finding[];
  /** Link outcomes: status codes, redirect chains, GitHub API answers, archived copies, confirmedDead. */
  evidence?: LinkEvidence;
  /** From the report memory: never touch these. */
  ignoredUrls?: string[];
  ignoredRules?: string[];
  /** The login listwarden writes as; asked of GitHub when absent. */
  botLogin?: string;
  now: () => number;
  /** Compute everything, write nothing, log what would be done. */
  dryRun?: boolean;
  log?: (line: string) => void;
  /** Web address of the GitHub server, for links to lines in the body (default https://github.com). */
  serverUrl?: string;
  /** Computes the fixes off this thread (the app's worker pool, with its deadline); absent → here. */
  fixes?: FixRunner;
}

export interface MaintenanceOutcome {
  action: 'opened' | 'updated' | 'unchanged' | 'nothing-to-fix' | 'person-pushed' | 'rejected-before' | 'skipped';
  pull?: number;
  changes: MaintenanceChange[];
  /** One sentence for the report or a command reply, e.g. why it stopped. */
  note?: string;
}

/** GitHub's committer for commits made in its web interface on a person's behalf. */
const WEB_FLOW = 'web-flow';

function sameLogin(a: string, b: string): boolean {
  const norm = (login: string) => login.toLowerCase().replace(/\[bot\]$/, '');
  return norm(a) === norm(b);
}

/**
 * A commit listwarden made: it carries the trailer, and (when the bot's login is known)
 * no person is its author or committer. Anything else on the branch is a person's work.
 */
export function isListwardenCommit(commit: CommitSummary, botLogin: string | undefined): boolean {
  if (!commit.message.split(/\r?\n/).some((line) => line.trim() === MAINTENANCE_TRAILER)) return false;
  if (!botLogin) return true;
  if (commit.authorLogin !== undefined && !sameLogin(commit.authorLogin, botLogin)) return false;
  if (commit.committerLogin !== undefined && !sameLogin(commit.committerLogin, botLogin) && commit.committerLogin !== WEB_FLOW) return false;
  return true;
}

/** The writes of one run; a dry run logs them instead. */
interface Writer {
  commit(message: string, parentSha: string, files: FileWrite[]): Promise<string>;
  moveBranch(sha: string, exists: boolean): Promise<void>;
  openPull(title: string, body: string, base: string): Promise<number | undefined>;
  editPull(pull: number, update: { title?: string; body?: string }): Promise<void>;
  closePull(pull: number, comment: string): Promise<void>;
}

function realWriter(github: GitHubPort, repo: RepoRef): Writer {
  return {
    commit: (message, parentSha, files) => github.createCommit(repo, { message, parentSha, files }),
    moveBranch: (sha, exists) => (exists ? github.updateBranch(repo, MAINTENANCE_BRANCH, sha, true) : github.createBranch(repo, MAINTENANCE_BRANCH, sha)),
    openPull: async (title, body, base) => (await github.createPull(repo, { title, body, head: MAINTENANCE_BRANCH, base })).number,
    editPull: (pull, update) => github.updatePull(repo, pull, update),
    closePull: async (pull, comment) => {
      await github.createIssueComment(repo, pull, comment);
      await github.updatePull(repo, pull, { state: 'closed' });
    },
  };
}

function dryWriter(log: (line: string) => void): Writer {
  return {
    commit: async (_message, parentSha, files) => {
      log(`dry run: would commit ${files.map((f) => f.path).join(', ')} on ${parentSha.slice(0, 7)}`);
      return '(dry run)';
    },
    moveBranch: async (_sha, exists) => log(`dry run: would ${exists ? 'force-move' : 'create'} branch ${MAINTENANCE_BRANCH}`),
    openPull: async (title) => {
      log(`dry run: would open a pull request "${title}"`);
      return undefined;
    },
    editPull: async (pull) => log(`dry run: would update pull request #${pull}`),
    closePull: async (pull) => log(`dry run: would close pull request #${pull} (nothing left to fix)`),
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The maintenance pull request: the certain fixes on one branch (`listwarden/maintenance`)
 * and one pull request, updated in place. A person's commits on the branch are never
 * overwritten; a set of changes closed unmerged is never proposed again; two runs at once
 * do the work once (a lease). See the cases in `decide`.
 */
export async function maintainList(github: GitHubPort, request: MaintenanceRequest): Promise<MaintenanceOutcome> {
  const log = request.log ?? (() => undefined);
  const plan = await planMaintenance(request);
  log(`maintenance: ${plural(plan.changes.length, 'certain change')} in ${plural(plan.writes.length, 'file')}`);
  for (const why of plan.refused) log(`maintenance: ${why}`);
  for (const why of plan.fixesLeftOut) log(`maintenance: ${why}`);
  for (const path of plan.unexplained) log(`maintenance: ${path} left out — listwarden could not account for every edit line by line (please report this as a bug)`);
  for (const left of plan.leftAlone) log(`maintenance: ${left.file}:${left.line} ${left.url} left for a person — ${left.why}`);

  if (request.dryRun) {
    const outcome = await decide(github, request, plan, dryWriter(log), log);
    return outcome.note ? { ...outcome, note: `dry run, nothing written: ${outcome.note}` } : outcome;
  }
  const leased = await withLease(github, request.repo, 'maintenance', { now: request.now, baseSha: request.baseSha }, () =>
    decide(github, request, plan, realWriter(github, request.repo), log),
  );
  if (leased.ran) return leased.value;
  return {
    action: 'skipped',
    changes: plan.changes,
    note: `another listwarden run is working on the maintenance pull request${leased.heldUntil ? ` (until ${leased.heldUntil})` : ''}; nothing is done twice`,
  };
}

async function decide(github: GitHubPort, request: MaintenanceRequest, plan: MaintenancePlan, write: Writer, log: (line: string) => void): Promise<MaintenanceOutcome> {
  const { repo, baseSha } = request;
  const { changes } = plan;
  const botLogin = request.botLogin ?? (await github.viewerLogin().catch(() => undefined));
  const pulls = (await github.listPullsForBranch(repo, MAINTENANCE_BRANCH, 'all')).sort((a, b) => b.number - a.number);
  const open = pulls.find((p) => p.state === 'open');
  const branchSha = await github.getBranchSha(repo, MAINTENANCE_BRANCH);
  const commits = branchSha ? await github.listCommitsBetween(repo, baseSha, MAINTENANCE_BRANCH) : [];

  // 1. A person's commits are never overwritten — unless a closed pull request keeps them (its head is the branch's head).
  const personal = commits.filter((c) => !isListwardenCommit(c, botLogin));
  const keptByClosedPull = branchSha !== undefined && pulls.some((p) => p.state === 'closed' && p.headSha === branchSha);
  if (personal.length > 0 && !keptByClosedPull) {
    log(`maintenance: ${plural(personal.length, 'commit')} on ${MAINTENANCE_BRANCH} by a person (${personal.map((c) => c.sha.slice(0, 7)).join(', ')}): not touching the branch`);
    return {
      action: 'person-pushed',
      ...(open ? { pull: open.number } : {}),
      changes,
      note: open
        ? `A person pushed to ${MAINTENANCE_BRANCH}; leaving it alone — merge or close #${open.number} and the next run starts over`
        : `A person pushed to ${MAINTENANCE_BRANCH}; leaving it alone — delete that branch (or merge its work) and the next run starts over`,
    };
  }

  // 2. Without link verdicts this run, an open pull request's link fixes would look stale: leave it be.
  if (open && request.evidence?.run.networkUnavailable) {
    return { action: 'unchanged', pull: open.number, changes, note: `the network was unavailable, so #${open.number} is left as it is until links can be checked again` };
  }

  // 3. Nothing to fix: a pull request still open has been overtaken (its changes were made another way).
  if (changes.length === 0) {
    if (open && plan.unexplained.length === 0) {
      await write.closePull(
        open.number,
        `listwarden finds nothing left to fix on \`${request.defaultBranch}\` (the changes were made another way, the links recovered, or they are now ignored), so this pull request is no longer needed. Closing it.`,
      );
      return { action: 'nothing-to-fix', pull: open.number, changes, note: `nothing is left to fix; closed #${open.number}` };
    }
    const left = plan.leftAlone.length;
    return { action: 'nothing-to-fix', changes, ...(left > 0 ? { note: `nothing listwarden is certain of; ${plural(left, 'confirmed dead link')} ${left === 1 ? 'needs' : 'need'} a person` } : {}) };
  }

  // 4. A pull request with exactly these changes was closed unmerged: "not these changes".
  const declined = pulls.find((p) => p.state === 'closed' && !p.merged && readFingerprint(p.body) === plan.fingerprint);
  if (declined) {
    return {
      action: 'rejected-before',
      pull: declined.number,
      changes,
      note: `the same ${plural(changes.length, 'change')} were declined in #${declined.number} (closed unmerged); listwarden does not propose them again`,
    };
  }

  const title = pullTitle(changes);
  const body = pullBody({ repo, baseSha, changes, leftAlone: plan.leftAlone, ...(request.serverUrl ? { serverUrl: request.serverUrl } : {}) });

  // 5. The open pull request already holds these changes, on the current base.
  if (open && readFingerprint(open.body) === plan.fingerprint && onCurrentBase(commits, baseSha, branchSha, open)) {
    if (open.title === title && open.body === body) return { action: 'unchanged', pull: open.number, changes, note: `#${open.number} already holds these ${plural(changes.length, 'change')}` };
    await write.editPull(open.number, { title, body });
    return { action: 'updated', pull: open.number, changes, note: `updated the description of #${open.number}` };
  }

  // 6. One fresh commit on the base with every fixed file; the branch moved to it (ours only, see 1).
  const sha = await write.commit(commitMessage(changes), baseSha, plan.writes);
  await write.moveBranch(sha, branchSha !== undefined);
  if (open) {
    await write.editPull(open.number, { title, body });
    return { action: 'updated', pull: open.number, changes, note: `updated #${open.number}: ${plural(changes.length, 'change')}` };
  }
  const number = await write.openPull(title, body, request.defaultBranch);
  return { action: 'opened', ...(number !== undefined ? { pull: number } : {}), changes, note: `${number !== undefined ? `opened #${number}` : 'would open a pull request'} with ${plural(changes.length, 'change')}` };
}

/** The branch is exactly one listwarden commit on top of the base, and the pull request shows it. */
function onCurrentBase(commits: CommitSummary[], baseSha: string, branchSha: string | undefined, open: PullSummary): boolean {
  return commits.length === 1 && commits[0]!.parents[0] === baseSha && commits[0]!.sha === branchSha && open.headSha === branchSha;
}
