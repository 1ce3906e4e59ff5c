import { patchOf } from './diff-lines.js';
import { StandInGit } from './stand-in-git.js';
import { StandInState, type StandInPull, type StandInPullFile, type StandInUser } from './stand-in-state.js';

/**
 * How branches and pulls move together, as on GitHub: moving a ref moves the head (or
 * base) of the open pulls on that branch and recomputes their commits and files; deleting
 * a pull's head branch closes it; opening a pull follows GitHub's rules (both branches
 * exist, commits between them, no open twin for the same head and base); merging makes a
 * merge commit on the base branch. The head's commits are copied into the base
 * repository (GitHub's `refs/pull/N/head`), so a fork's pull is computed there too.
 */

/** GitHub's validation errors, as its 422 answers carry them. */
export type PullRefusal = { resource: string; code: string; field?: string; message?: string }[];

const headRepoOf = (pull: StandInPull) => {
  const [owner = '', repo = ''] = (pull.head.repo ?? '/').split('/');
  return { owner, repo };
};

/** Recomputes a live pull's commits and files from the git model. */
export function syncPull(state: StandInState, pull: StandInPull): void {
  if (!pull.live) return;
  const git = state.git(pull.owner, pull.repo);
  if (pull.head.repo !== null) {
    const from = headRepoOf(pull);
    const headGit = state.git(from.owner, from.repo);
    if (headGit !== git) {
      for (const sha of headGit.ancestry(pull.head.sha)) {
        const commit = headGit.commits.get(sha);
        if (commit && !git.commits.has(sha)) {
          git.commits.set(sha, commit);
          git.storeTree(commit.files);
        }
      }
    }
    git.refs.set(`refs/pull/${pull.number}/head`, pull.head.sha);
  }
  pull.commits = git.between(pull.base.sha, pull.head.sha).map((c) => c.sha);
  const ancestor = git.commits.get(git.mergeBase(pull.base.sha, pull.head.sha) ?? '')?.files ?? new Map<string, string>();
  const head = git.commits.get(pull.head.sha)?.files ?? new Map<string, string>();
  const files: StandInPullFile[] = [];
  for (const filename of [...new Set([...ancestor.keys(), ...head.keys()])].sort()) {
    const before = ancestor.get(filename);
    const after = head.get(filename);
    if (before === after) continue;
    const status = before === undefined ? 'added' : after === undefined ? 'removed' : 'modified';
    files.push({ filename, status, patch: patchOf(before ?? '', after ?? '') });
  }
  pull.files = files;
}

/**
 * Points a ref at a commit (or deletes it with undefined) and carries the open pulls
 * along: their head or base follows the branch; a deleted head branch closes its pulls.
 */
export function moveRef(state: StandInState, owner: string, repo: string, ref: string, sha: string | undefined): void {
  const git = state.git(owner, repo);
  if (sha === undefined) git.refs.delete(ref);
  else git.refs.set(ref, sha);
  const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
  if (branch === undefined) return;
  const fullName = `${owner}/${repo}`;
  for (const pull of state.pulls.values()) {
    if (!pull.live || pull.state !== 'open') continue;
    const isHead = pull.head.repo === fullName && pull.head.ref === branch;
    const isBase = pull.owner === owner && pull.repo === repo && pull.base.ref === branch;
    if (!isHead && !isBase) continue;
    if (sha === undefined) {
      if (isHead) {
        pull.state = 'closed';
        pull.closed_at = state.now();
      }
      continue;
    }
    if (isHead) pull.head.sha = sha;
    if (isBase) pull.base.sha = sha;
    syncPull(state, pull);
  }
}

export interface OpenPullInput {
  /** `branch`, or `owner:branch` for a fork's branch (the fork has the same repository name). */
  head: string;
  base: string;
  title: string;
  body: string;
  user: StandInUser;
}

/** Opens a live pull as GitHub would, or says why GitHub would refuse it. */
export function openPull(state: StandInState, owner: string, repo: string, input: OpenPullInput): StandInPull | PullRefusal {
  const [headOwner, headBranch] = input.head.includes(':') ? (input.head.split(/:(.*)/s) as [string, string]) : [owner, input.head];
  const headGit = state.git(headOwner, repo);
  const git = state.git(owner, repo);
  const headSha = headGit.refs.get(`refs/heads/${headBranch}`);
  const baseSha = git.refs.get(`refs/heads/${input.base}`);
  const refused: PullRefusal = [];
  if (headSha === undefined) refused.push({ resource: 'PullRequest', field: 'head', code: 'invalid' });
  if (baseSha === undefined) refused.push({ resource: 'PullRequest', field: 'base', code: 'invalid' });
  if (headSha === undefined || baseSha === undefined) return refused;
  const headRepo = `${headOwner}/${repo}`;
  const twin = state
    .pullsOf(owner, repo)
    .find((p) => p.state === 'open' && p.head.repo === headRepo && p.head.ref === headBranch && p.base.ref === input.base);
  if (twin) return [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${headOwner}:${headBranch}.` }];
  const created = state.now();
  const pull: StandInPull = {
    owner,
    repo,
    number: state.nextNumber(owner, repo),
    title: input.title,
    body: input.body,
    user: input.user,
    state: 'open',
    merged_at: null,
    closed_at: null,
    created_at: created,
    labels: [],
    head: { sha: headSha, ref: headBranch, repo: headRepo },
    base: { sha: baseSha, ref: input.base },
    commits: [],
    files: [],
    live: true,
  };
  syncPull(state, pull);
  if (pull.commits.length === 0) {
    git.refs.delete(`refs/pull/${pull.number}/head`);
    return [{ resource: 'PullRequest', code: 'custom', message: `No commits between ${input.base} and ${headBranch}` }];
  }
  state.pulls.set(StandInState.numberKey(owner, repo, pull.number), pull);
  return pull;
}

/**
 * Closes a pull; `merged` merges it first: a merge commit on the base branch (the head's
 * changes over the base's, path by path), as GitHub's merge button makes. Returns the
 * merge commit's sha when one was made.
 */
export function closePull(state: StandInState, pull: StandInPull, options: { merged?: boolean; login: StandInUser; deleteBranch?: boolean }): string | undefined {
  if (pull.state === 'closed') throw new Error(`#${pull.number} is closed already`);
  let mergeSha: string | undefined;
  const git = state.git(pull.owner, pull.repo);
  const base = git.commits.get(git.refs.get(`refs/heads/${pull.base.ref}`) ?? pull.base.sha);
  const head = git.commits.get(pull.head.sha);
  const at = state.now();
  pull.state = 'closed';
  pull.closed_at = at;
  if (options.merged) pull.merged_at = at;
  if (options.merged && base && head) {
    const ancestor = git.commits.get(git.mergeBase(base.sha, head.sha) ?? '')?.files ?? new Map<string, string>();
    const merge = git.addCommit({
      message: `Merge pull request #${pull.number} from ${pull.head.repo?.split('/')[0] ?? 'unknown'}/${pull.head.ref}\n\n${pull.title}`,
      parents: [base.sha, head.sha],
      files: StandInGit.merge(ancestor, base.files, head.files),
      author: options.login.login,
      committer: 'web-flow', // GitHub's account for what its web UI commits
      date: at,
    });
    mergeSha = merge.sha;
    moveRef(state, pull.owner, pull.repo, `refs/heads/${pull.base.ref}`, merge.sha);
  }
  if (options.deleteBranch && pull.head.repo !== null) {
    const from = headRepoOf(pull);
    moveRef(state, from.owner, from.repo, `refs/heads/${pull.head.ref}`, undefined);
  }
  return mergeSha;
}
