import { createHash } from 'node:crypto';
import {
  GitHubPermissionError,
  type CheckRunInput,
  type CommitSummary,
  type ExistingComment,
  type GitHubPort,
  type IssueInput,
  type IssueSummary,
  type IssueUpdate,
  type NewCommit,
  type PullFile,
  type PullInput,
  type PullSummary,
  type ReactionContent,
  type RepoPermission,
  type RepoRef,
  type ReviewCommentInput,
} from '../../../src/github/port.js';
import type { CommandRunners, CommentEvent } from '../../../src/use-cases/handle-command.js';

/**
 * An in-memory GitHub for the command use cases, faithful where it matters to them:
 * issues and pull requests share one numbering, comment ids are global and increasing,
 * refs are created atomically (a second create answers false, as GitHub's 422), a branch
 * moves only by fast-forward unless forced (422 otherwise), reactions are one per
 * (comment, content, user), labels filter issues and never pull requests, and fork pull
 * requests name their head repository. Every call is recorded in `calls`; every write
 * also in `writes`. Each call yields to the event loop first, so concurrent callers
 * interleave as they would over HTTP.
 */
export const REPO: RepoRef = { owner: 'octo', repo: 'awesome-things' };
export const FULL_NAME = `${REPO.owner}/${REPO.repo}`;

export interface FakeComment extends ExistingComment {
  issue: number;
}

export interface FakeReaction {
  commentId: number;
  content: ReactionContent;
  login: string;
}

export interface FakeReview {
  pull: number;
  commitId: string;
  body?: string;
  comments: ReviewCommentInput[];
}

interface StoredCommit {
  sha: string;
  message: string;
  parents: string[];
  tree: Map<string, string>;
}

interface StoredIssue extends IssueSummary {
  isPull: boolean;
  pull?: { headRef: string; headRepo?: string; baseRef: string; merged: boolean; fixedHeadSha?: string; fixedBaseSha?: string };
}

/** An HTTP-like error, as Octokit's RequestError carries `status`. */
export class FakeHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const WRITES = new Set([
  'createCheckRun', 'updateCheckRun', 'createReview', 'createIssueComment', 'updateIssueComment', 'createIssue', 'updateIssue', 'ensureLabel',
  'addReaction', 'createCommit', 'createBranch', 'updateBranch', 'createRef', 'deleteRef', 'createPull', 'updatePull',
]);

export interface FakeOptions {
  /** The login the token writes as (default github-actions[bot]). */
  login?: string;
  /** Whether viewerLogin() can tell the login (GITHUB_TOKEN cannot: default false). */
  knowsLogin?: boolean;
}

export class FakeGitHub implements GitHubPort {
  readonly login: string;
  readonly calls: string[] = [];
  readonly writes: string[] = [];
  readonly comments: FakeComment[] = [];
  readonly reactions: FakeReaction[] = [];
  readonly reviews: FakeReview[] = [];
  readonly reviewComments: (ExistingComment & { pull: number })[] = [];
  readonly permissions = new Map<string, RepoPermission>();
  /** Methods GitHub refuses for this token (403, as a GitHubPermissionError). */
  readonly denied = new Set<string>();
  readonly commits = new Map<string, StoredCommit>();
  readonly refs = new Map<string, string>();
  readonly issues = new Map<number, StoredIssue>();
  readonly labels = new Set<string>();
  defaultBranch = 'main';
  private nextNumber = 1;
  private nextId = 1000;
  private readonly knowsLogin: boolean;

  constructor(files: Record<string, string> = {}, options: FakeOptions = {}) {
    this.login = options.login ?? 'github-actions[bot]';
    this.knowsLogin = options.knowsLogin ?? false;
    const root = this.storeCommit('initial commit', [], new Map(Object.entries(files)));
    this.refs.set('refs/heads/main', root);
  }

  // --- test setup -------------------------------------------------------------------

  /** A commit on a branch (created when missing), files replaced; returns its sha. */
  commitTo(branch: string, files: Record<string, string>, message = 'a person edits'): string {
    const parent = this.refs.get(`refs/heads/${branch}`) ?? this.refs.get(`refs/heads/${this.defaultBranch}`)!;
    const tree = new Map(this.commits.get(parent)!.tree);
    for (const [path, content] of Object.entries(files)) tree.set(path, content);
    const sha = this.storeCommit(message, [parent], tree);
    this.refs.set(`refs/heads/${branch}`, sha);
    return sha;
  }

  /** An open pull request from `branch` (in this repository, or in `fork` as `owner/repo`). */
  openPull(branch: string, files: Record<string, string>, fork?: string): number {
    const base = this.refs.get(`refs/heads/${this.defaultBranch}`)!;
    const tree = new Map(this.commits.get(base)!.tree);
    for (const [path, content] of Object.entries(files)) tree.set(path, content);
    const head = this.storeCommit('contributor change', [base], tree);
    const number = this.nextNumber++;
    const pull = fork ? { headRef: branch, headRepo: fork, baseRef: this.defaultBranch, merged: false, fixedHeadSha: head } : { headRef: branch, headRepo: FULL_NAME, baseRef: this.defaultBranch, merged: false };
    if (!fork) this.refs.set(`refs/heads/${branch}`, head);
    this.issues.set(number, { number, title: `PR from ${branch}`, body: '', state: 'open', login: 'contributor', labels: [], createdAt: new Date(2024, 0, number).toISOString(), isPull: true, pull });
    return number;
  }

  /** An issue as some author wrote it. */
  addIssue(input: IssueInput & { login: string; state?: 'open' | 'closed' }): number {
    const number = this.nextNumber++;
    this.issues.set(number, { number, title: input.title, body: input.body, state: input.state ?? 'open', login: input.login, labels: input.labels ?? [], createdAt: new Date(2024, 0, number).toISOString(), isPull: false });
    return number;
  }

  /** A comment a person posts; returns its id. */
  addComment(issue: number, login: string, body: string): number {
    const id = this.nextId++;
    this.comments.push({ id, issue, login, body });
    return id;
  }

  repliesOn(issue: number): FakeComment[] {
    return this.comments.filter((c) => c.issue === issue && c.login === this.login);
  }

  reactionsOn(commentId: number): ReactionContent[] {
    return this.reactions.filter((r) => r.commentId === commentId).map((r) => r.content);
  }

  branchSha(branch: string): string | undefined {
    return this.refs.get(`refs/heads/${branch}`);
  }

  fileAt(ref: string, path: string): string | undefined {
    return this.commits.get(this.resolve(ref) ?? '')?.tree.get(path);
  }

  /** Writes made, apart from taking and releasing leases (commit + ref + delete). */
  visibleWrites(): string[] {
    return this.writes.filter((w) => !/^(createRef|deleteRef) refs\/listwarden\/|^createCommit lease$/.test(w));
  }

  // --- the port -----------------------------------------------------------------------

  async viewerLogin(): Promise<string | undefined> {
    await this.enter('viewerLogin');
    return this.knowsLogin ? this.login : undefined;
  }

  async getFileText(repo: RepoRef, path: string, ref: string): Promise<string | undefined> {
    await this.enter('getFileText', repo);
    const sha = this.resolve(ref);
    if (!sha) throw new FakeHttpError(404, `No commit found for the ref ${ref}`);
    return this.commits.get(sha)!.tree.get(path);
  }

  async listPullFiles(repo: RepoRef, pull: number): Promise<PullFile[]> {
    await this.enter('listPullFiles', repo);
    const summary = this.pullSummary(pull);
    if (!summary) throw new FakeHttpError(404, 'Not Found');
    const base = this.commits.get(summary.baseSha)!.tree;
    const head = this.commits.get(summary.headSha)!.tree;
    const files: PullFile[] = [];
    for (const [path, text] of head) {
      if (!base.has(path)) files.push({ filename: path, status: 'added' });
      else if (base.get(path) !== text) files.push({ filename: path, status: 'modified' });
    }
    for (const path of base.keys()) if (!head.has(path)) files.push({ filename: path, status: 'removed' });
    return files;
  }

  async listCheckRuns(): Promise<{ id: number; status: string; outputText?: string | null }[]> {
    await this.enter('listCheckRuns');
    return [];
  }

  async createCheckRun(repo: RepoRef, input: CheckRunInput): Promise<{ id: number }> {
    await this.enter('createCheckRun', repo, input.name);
    return { id: this.nextId++ };
  }

  async updateCheckRun(repo: RepoRef, id: number): Promise<void> {
    await this.enter('updateCheckRun', repo, String(id));
  }

  async listReviewComments(repo: RepoRef, pull: number): Promise<ExistingComment[]> {
    await this.enter('listReviewComments', repo);
    return this.reviewComments.filter((c) => c.pull === pull).map(({ pull: _pull, ...c }) => c);
  }

  async createReview(repo: RepoRef, pull: number, commitId: string, comments: ReviewCommentInput[], body?: string): Promise<void> {
    await this.enter('createReview', repo, `#${pull}`);
    const summary = this.pullSummary(pull);
    if (!summary) throw new FakeHttpError(404, 'Not Found');
    if (!this.commits.has(commitId)) throw new FakeHttpError(422, 'commit_id is not part of the pull request');
    this.reviews.push({ pull, commitId, comments, ...(body !== undefined ? { body } : {}) });
    for (const c of comments) this.reviewComments.push({ id: this.nextId++, pull, body: c.body, login: this.login, path: c.path, line: c.line });
  }

  async listIssueComments(repo: RepoRef, issue: number): Promise<ExistingComment[]> {
    await this.enter('listIssueComments', repo);
    if (!this.issues.has(issue)) throw new FakeHttpError(404, 'Not Found');
    return this.comments.filter((c) => c.issue === issue).map(({ issue: _issue, ...c }) => c);
  }

  async createIssueComment(repo: RepoRef, issue: number, body: string): Promise<{ id: number }> {
    await this.enter('createIssueComment', repo, `#${issue}`);
    if (!this.issues.has(issue)) throw new FakeHttpError(404, 'Not Found');
    return { id: this.addComment(issue, this.login, body) };
  }

  async updateIssueComment(repo: RepoRef, id: number, body: string): Promise<void> {
    await this.enter('updateIssueComment', repo, String(id));
    const comment = this.comments.find((c) => c.id === id);
    if (!comment) throw new FakeHttpError(404, 'Not Found');
    comment.body = body;
  }

  async listIssuesWithLabel(repo: RepoRef, label: string, state: 'open' | 'closed' | 'all'): Promise<IssueSummary[]> {
    await this.enter('listIssuesWithLabel', repo);
    return [...this.issues.values()]
      .filter((i) => !i.isPull && i.labels.includes(label) && (state === 'all' || i.state === state))
      .sort((a, b) => b.number - a.number)
      .map((i) => this.summaryOf(i));
  }

  async createIssue(repo: RepoRef, input: IssueInput): Promise<{ number: number }> {
    await this.enter('createIssue', repo);
    return { number: this.addIssue({ ...input, login: this.login }) };
  }

  async updateIssue(repo: RepoRef, number: number, update: IssueUpdate): Promise<void> {
    await this.enter('updateIssue', repo, `#${number}`);
    const issue = this.issues.get(number);
    if (!issue) throw new FakeHttpError(404, 'Not Found');
    if (update.title !== undefined) issue.title = update.title;
    if (update.body !== undefined) issue.body = update.body;
    if (update.state !== undefined) issue.state = update.state;
  }

  async ensureLabel(repo: RepoRef, name: string): Promise<void> {
    await this.enter('ensureLabel', repo, name);
    this.labels.add(name);
  }

  async addReaction(repo: RepoRef, commentId: number, content: ReactionContent): Promise<void> {
    await this.enter('addReaction', repo, content);
    if (!this.comments.some((c) => c.id === commentId)) throw new FakeHttpError(404, 'Not Found');
    // GitHub answers 200 with the existing reaction instead of adding a second one.
    if (this.reactions.some((r) => r.commentId === commentId && r.content === content && r.login === this.login)) return;
    this.reactions.push({ commentId, content, login: this.login });
  }

  async getPermission(repo: RepoRef, username: string): Promise<RepoPermission> {
    await this.enter('getPermission', repo);
    return this.permissions.get(username) ?? 'read';
  }

  async getDefaultBranch(repo: RepoRef): Promise<string> {
    await this.enter('getDefaultBranch', repo);
    return this.defaultBranch;
  }

  async listFiles(repo: RepoRef, ref: string): Promise<string[]> {
    await this.enter('listFiles', repo);
    const sha = this.resolve(ref);
    if (!sha) throw new FakeHttpError(404, 'Not Found');
    return [...this.commits.get(sha)!.tree.keys()].sort();
  }

  async getPull(repo: RepoRef, pull: number): Promise<PullSummary | undefined> {
    await this.enter('getPull', repo);
    return this.pullSummary(pull);
  }

  async getBranchSha(repo: RepoRef, branch: string): Promise<string | undefined> {
    await this.enter('getBranchSha', repo);
    return this.refs.get(`refs/heads/${branch}`);
  }

  async listCommitsBetween(repo: RepoRef, base: string, head: string): Promise<CommitSummary[]> {
    await this.enter('listCommitsBetween', repo);
    const from = this.resolve(base);
    const to = this.resolve(head);
    if (!from || !to) throw new FakeHttpError(404, 'Not Found');
    const excluded = this.ancestors(from);
    const out: CommitSummary[] = [];
    for (const sha of this.ancestors(to)) if (!excluded.has(sha)) out.push(this.commitSummary(sha));
    return out.reverse();
  }

  async createCommit(repo: RepoRef, commit: NewCommit): Promise<string> {
    const lease = commit.files.length === 0 && commit.message.startsWith('listwarden lease');
    await this.enter('createCommit', repo, lease ? 'lease' : commit.message.split('\n')[0]);
    const parent = this.commits.get(commit.parentSha);
    if (!parent) throw new FakeHttpError(422, 'parent commit does not exist');
    const tree = new Map(parent.tree);
    for (const file of commit.files) tree.set(file.path, file.content);
    return this.storeCommit(commit.message, [commit.parentSha], tree);
  }

  async createBranch(repo: RepoRef, branch: string, sha: string): Promise<void> {
    await this.enter('createBranch', repo, branch);
    if (!(await this.createRefNow(`refs/heads/${branch}`, sha))) throw new FakeHttpError(422, 'Reference already exists');
  }

  async updateBranch(repo: RepoRef, branch: string, sha: string, force: boolean): Promise<void> {
    await this.enter('updateBranch', repo, branch);
    const ref = `refs/heads/${branch}`;
    const current = this.refs.get(ref);
    if (!current) throw new FakeHttpError(422, 'Reference does not exist');
    if (!this.commits.has(sha)) throw new FakeHttpError(422, 'Object does not exist');
    if (!force && !this.ancestors(sha).has(current)) throw new FakeHttpError(422, 'Update is not a fast forward');
    this.refs.set(ref, sha);
  }

  async getRefSha(repo: RepoRef, ref: string): Promise<string | undefined> {
    await this.enter('getRefSha', repo);
    return this.refs.get(ref);
  }

  async createRef(repo: RepoRef, ref: string, sha: string): Promise<boolean> {
    await this.enter('createRef', repo, ref);
    return this.createRefNow(ref, sha);
  }

  async deleteRef(repo: RepoRef, ref: string): Promise<void> {
    await this.enter('deleteRef', repo, ref);
    this.refs.delete(ref);
  }

  async getCommit(repo: RepoRef, sha: string): Promise<CommitSummary | undefined> {
    await this.enter('getCommit', repo);
    return this.commits.has(sha) ? this.commitSummary(sha) : undefined;
  }

  async listPullsForBranch(repo: RepoRef, branch: string, state: 'open' | 'closed' | 'all'): Promise<PullSummary[]> {
    await this.enter('listPullsForBranch', repo);
    return [...this.issues.values()]
      .filter((i) => i.pull && i.pull.headRepo === FULL_NAME && i.pull.headRef === branch && (state === 'all' || i.state === state))
      .map((i) => this.pullSummary(i.number)!);
  }

  async createPull(repo: RepoRef, input: PullInput): Promise<{ number: number }> {
    await this.enter('createPull', repo, input.head);
    if (!this.refs.has(`refs/heads/${input.head}`)) throw new FakeHttpError(422, 'head: invalid');
    const number = this.nextNumber++;
    this.issues.set(number, {
      number, title: input.title, body: input.body, state: 'open', login: this.login, labels: [], createdAt: new Date(2024, 0, number).toISOString(), isPull: true,
      pull: { headRef: input.head, headRepo: FULL_NAME, baseRef: input.base, merged: false },
    });
    return { number };
  }

  async updatePull(repo: RepoRef, pull: number, update: { title?: string; body?: string; state?: 'open' | 'closed' }): Promise<void> {
    await this.enter('updatePull', repo, `#${pull}`);
    const issue = this.issues.get(pull);
    if (!issue?.pull) throw new FakeHttpError(404, 'Not Found');
    Object.assign(issue, update);
  }

  // --- internals --------------------------------------------------------------------

  private async enter(method: string, repo?: RepoRef, detail?: string): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.calls.push(method);
    if (repo && (repo.owner !== REPO.owner || repo.repo !== REPO.repo)) throw new FakeHttpError(404, 'Not Found');
    if (this.denied.has(method)) throw new GitHubPermissionError(`GitHub refused ${method} (403): Resource not accessible by integration`, 403);
    if (WRITES.has(method)) this.writes.push(detail ? `${method} ${detail}` : method);
  }

  private createRefNow(ref: string, sha: string): boolean {
    if (this.refs.has(ref)) return false;
    if (!this.commits.has(sha)) throw new FakeHttpError(422, 'Object does not exist');
    this.refs.set(ref, sha);
    return true;
  }

  private storeCommit(message: string, parents: string[], tree: Map<string, string>): string {
    const sha = createHash('sha1').update(`${this.commits.size}\0${message}\0${parents.join(',')}`).digest('hex');
    this.commits.set(sha, { sha, message, parents, tree });
    return sha;
  }

  private resolve(ref: string): string | undefined {
    if (this.commits.has(ref)) return ref;
    return this.refs.get(`refs/heads/${ref}`) ?? this.refs.get(ref);
  }

  private ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(this.commits.get(next)?.parents ?? []));
    }
    return seen;
  }

  private commitSummary(sha: string): CommitSummary {
    const c = this.commits.get(sha)!;
    return { sha, message: c.message, parents: [...c.parents] };
  }

  private summaryOf(i: StoredIssue): IssueSummary {
    return { number: i.number, title: i.title, body: i.body, state: i.state, login: i.login, labels: [...i.labels], createdAt: i.createdAt };
  }

  private pullSummary(number: number): PullSummary | undefined {
    const issue = this.issues.get(number);
    if (!issue?.pull) return undefined;
    const p = issue.pull;
    const headSha = p.fixedHeadSha ?? this.refs.get(`refs/heads/${p.headRef}`);
    const baseSha = this.refs.get(`refs/heads/${p.baseRef}`);
    if (!headSha || !baseSha) return undefined;
    return {
      number, state: issue.state, merged: p.merged, title: issue.title, body: issue.body, headRef: p.headRef, headSha,
      ...(p.headRepo ? { headRepo: p.headRepo } : {}), baseRef: p.baseRef, baseSha,
    };
  }
}

// --- fixtures for the command tests ---------------------------------------------------

/** A list on the default branch, with one old tracking parameter (not the PR's doing). */
export const BASE_LIST = [
  '# Awesome Security',
  '',
  '## Tools',
  '',
  '- [Gitleaks](https://github.com/gitleaks/gitleaks) - Finds secrets in git history.',
  '- [Semgrep](https://semgrep.dev/?utm_source=old) - Static analysis.',
  '',
].join('\n');

/** The list as a pull request changes it: a misspelled tool name and a tracking parameter, both on added lines. */
export const HEAD_LIST = BASE_LIST.replace(
  '- [Semgrep]',
  '- [Gitleak](https://github.com/gitleaks/gitleaks-action) - Runs the scan in CI.\n- [Trivy](https://trivy.dev/?utm_source=newsletter) - Scans images.\n- [Semgrep]',
);

/** Runners that record what they were asked to do and answer one line. */
export function recordingRunners(): CommandRunners & { ran: string[] } {
  const ran: string[] = [];
  return {
    ran,
    recheckPull: async (pull) => (ran.push(`recheckPull #${pull}`), `reviewed #${pull} again: no problems in the changed lines.`),
    recheckReport: async () => (ran.push('recheckReport'), 'the report is up to date: 2 dead links.'),
    fixMaintenance: async () => (ran.push('fixMaintenance'), 'updated #7 with 3 fixes.'),
    fixPull: async (pull) => (ran.push(`fixPull #${pull}`), `pushed 2 fixes to the branch of #${pull}.`),
  };
}

/** A new comment posted on an issue or PR, as the issue_comment event tells it. */
export function commentEvent(gh: FakeGitHub, issue: number, login: string, body: string, extra: { userType?: string; action?: string } = {}): CommentEvent {
  const id = gh.addComment(issue, login, body);
  const isPull = gh.issues.get(issue)?.isPull ?? false;
  return { repo: REPO, action: extra.action ?? 'created', comment: { id, body, login, userType: extra.userType ?? 'User' }, issue: { number: issue, isPull } };
}

export const NOW = () => Date.parse('2024-06-01T12:00:00Z');
