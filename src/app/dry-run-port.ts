import type { GitHubPort } from '../github/port.js';

/**
 * A read-only GitHubPort for repositories without `.github/listwarden.yml`: every read goes
 * to GitHub, every write is only logged ("would …") and recorded, so a maintainer can see
 * in the app's log what listwarden would do before opting in by adding the file.
 *
 * Writes answer as GitHub would for a fresh object (an id of 0, a made-up commit sha), so
 * a use case carries on to its later steps and each of them is logged too.
 */
export interface DryRunWrite {
  /** The port method, e.g. `createCheckRun`. */
  method: string;
  /** One line for people: what would have been written where. */
  summary: string;
  /** The arguments after the repository (bodies included), for a debug log. */
  args: unknown[];
}

/** The part of Probot's (pino) logger a dry run writes to. */
export interface DryRunLog {
  info(fields: object, message: string): void;
  debug(fields: object, message: string): void;
}

export interface DryRunPort extends GitHubPort {
  /** Every write that was not made, in order. */
  readonly writes: readonly DryRunWrite[];
}

/** A stand-in sha for commits a dry run does not create (40 hex digits, clearly not real). */
export const DRY_RUN_SHA = '0'.repeat(40);

const clipLine = (text: string, max = 80) => {
  const line = text.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('<!--'))?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

export function dryRunPort(real: GitHubPort, log: DryRunLog): DryRunPort {
  const writes: DryRunWrite[] = [];
  let slug = '';
  function would(method: string, summary: string, args: unknown[]): void {
    writes.push({ method, summary, args });
    log.info({ dryRun: true, method, repository: slug }, `dry run (no .github/listwarden.yml): would ${summary} — add the file to let listwarden write`);
    log.debug({ dryRun: true, method, repository: slug, args }, `dry run: the ${method} not sent, in full`);
  }
  const at = (repo: { owner: string; repo: string }) => {
    slug = `${repo.owner}/${repo.repo}`;
    return slug;
  };

  const port: DryRunPort = {
    get writes() {
      return writes;
    },
    viewerLogin: () => real.viewerLogin(),
    getFileText: (repo, path, ref) => real.getFileText(repo, path, ref),
    getFile: (repo, path, ref) => real.getFile(repo, path, ref),
    listPullFiles: (repo, pull) => real.listPullFiles(repo, pull),
    listCheckRuns: (repo, ref, name) => real.listCheckRuns(repo, ref, name),
    listReviewComments: (repo, pull) => real.listReviewComments(repo, pull),
    listIssueComments: (repo, issue) => real.listIssueComments(repo, issue),
    listIssuesWithLabel: (repo, label, state) => real.listIssuesWithLabel(repo, label, state),
    getPermission: (repo, username) => real.getPermission(repo, username),
    getDefaultBranch: (repo) => real.getDefaultBranch(repo),
    listFiles: (repo, ref) => real.listFiles(repo, ref),
    getPull: (repo, pull) => real.getPull(repo, pull),
    getBranchSha: (repo, branch) => real.getBranchSha(repo, branch),
    listCommitsBetween: (repo, base, head) => real.listCommitsBetween(repo, base, head),
    getRefSha: (repo, ref) => real.getRefSha(repo, ref),
    getCommit: (repo, sha) => real.getCommit(repo, sha),
    listPullsForBranch: (repo, branch, state) => real.listPullsForBranch(repo, branch, state),

    async createCheckRun(repo, input) {
      const verdict = input.conclusion ? ` (${input.conclusion}: ${input.output.title})` : '';
      would('createCheckRun', `create check run "${input.name}" on ${at(repo)}@${input.head_sha.slice(0, 7)}${verdict}, ${input.output.annotations?.length ?? 0} annotation(s)`, [input]);
      return { id: 0 };
    },
    async updateCheckRun(repo, id, input) {
      would('updateCheckRun', `update check run ${id} on ${at(repo)}${input.conclusion ? ` (${input.conclusion})` : ''}`, [id, input]);
    },
    async createReview(repo, pull, commitId, comments, body) {
      would('createReview', `post a review with ${comments.length} suggestion(s) on ${at(repo)}#${pull}`, [pull, commitId, comments, body]);
    },
    async createIssueComment(repo, issue, body) {
      would('createIssueComment', `comment on ${at(repo)}#${issue}: "${clipLine(body)}"`, [issue, body]);
      return { id: 0 };
    },
    async updateIssueComment(repo, id, body) {
      would('updateIssueComment', `edit comment ${id} on ${at(repo)}: "${clipLine(body)}"`, [id, body]);
    },
    async createIssue(repo, input) {
      would('createIssue', `open issue "${input.title}" on ${at(repo)}`, [input]);
      return { number: 0 };
    },
    async updateIssue(repo, number, update) {
      const what = [update.state ? `state ${update.state}` : '', update.title !== undefined ? 'title' : '', update.body !== undefined ? 'body' : ''].filter(Boolean).join(', ');
      would('updateIssue', `update issue ${at(repo)}#${number} (${what})`, [number, update]);
    },
    async ensureLabel(repo, name, color, description) {
      would('ensureLabel', `create label "${name}" on ${at(repo)} if missing`, [name, color, description]);
    },
    async addReaction(repo, commentId, content) {
      would('addReaction', `react ${content} to comment ${commentId} on ${at(repo)}`, [commentId, content]);
    },
    async createCommit(repo, commit) {
      would('createCommit', `commit ${commit.files.map((f) => f.path).join(', ') || 'nothing'} on ${at(repo)} ("${clipLine(commit.message)}")`, [commit]);
      return DRY_RUN_SHA;
    },
    async createBranch(repo, branch, sha) {
      would('createBranch', `create branch ${branch} on ${at(repo)}`, [branch, sha]);
    },
    async updateBranch(repo, branch, sha, force) {
      would('updateBranch', `move branch ${branch} on ${at(repo)}${force ? ' (force)' : ''}`, [branch, sha, force]);
    },
    async createRef(repo, ref, sha) {
      would('createRef', `create ref ${ref} on ${at(repo)}`, [ref, sha]);
      return true;
    },
    async deleteRef(repo, ref) {
      would('deleteRef', `delete ref ${ref} on ${at(repo)}`, [ref]);
    },
    async createPull(repo, input) {
      would('createPull', `open pull request "${input.title}" (${input.head} → ${input.base}) on ${at(repo)}`, [input]);
      return { number: 0 };
    },
    async updatePull(repo, pull, update) {
      would('updatePull', `update pull request ${at(repo)}#${pull}${update.state ? ` (state ${update.state})` : ''}`, [pull, update]);
    },
  };
  return port;
}
