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
  type RepoFile,
  type RepoPermission,
  type RepoRef,
  type ReviewCommentInput,
} from '../../../src/github/port.js';

/** The repository the tests work in; calls for any other answer 404. */
export const REPO: RepoRef = { owner: 'octo', repo: 'awesome-things' };
/** The login a workflow's GITHUB_TOKEN writes as. */
export const BOT = 'github-actions[bot]';
const FULL_NAME = `${REPO.owner}/${REPO.repo}`;
const MAX_BODY = 65_536;

/** What GitHub answers with a status, as Octokit's RequestError carries `status`. */
export class FakeHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface StoredCommit {
  sha: string;
  message: string;
  parents: string[];
  tree: Map<string, string>;
  authorLogin?: string;
  committerLogin?: string;
}

export interface StoredPull {
  headRef: string;
  /** `owner/repo` of the head; another one for forks. */
  headRepo: string;
  baseRef: string;
  merged: boolean;
  /** The last head seen: a fork's head, or the branch's head when the pull request closed. While open here it follows the branch. */
  headSha: string;
}

/** An issue, or a pull request (with `pull`). */
export interface StoredIssue extends IssueSummary {
  stateReason: string | null;
  pull?: StoredPull;
}

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

export interface FakeCheckRun extends CheckRunInput {
  id: number;
}

/** One call of the port; `write` is set (`method detail`) for a write GitHub went on to handle. */
export interface Call {
  method: string;
  args: unknown[];
  write?: string;
}

export interface FakeOptions {
  /** The login the token writes as (default github-actions[bot]). */
  login?: string;
  /** Whether viewerLogin() can tell the login (a GITHUB_TOKEN cannot: default false). */
  knowsLogin?: boolean;
}

const WRITES = new Set([
  'createCheckRun', 'updateCheckRun', 'createReview', 'createIssueComment', 'updateIssueComment', 'createIssue', 'updateIssue', 'ensureLabel',
  'addReaction', 'createCommit', 'createBranch', 'updateBranch', 'createRef', 'deleteRef', 'createPull', 'updatePull',
]);

/** Writes apart from taking and releasing leases (an empty lease commit, its ref and the ref's deletion). */
export function withoutLeases(writes: string[]): string[] {
  return writes.filter((w) => !/^(createRef|deleteRef) refs\/listwarden\/|^createCommit lease$/.test(w));
}

/**
 * An in-memory GitHub repository for use-case tests, faithful where the use cases depend
 * on it: commits with file trees, branches and other refs; issues and pull requests sharing
 * one numbering (a pull request is an issue for comments, and labels list issues only);
 * comment ids from one increasing sequence; one reaction per comment, content and user;
 * permissions; check runs and reviews. It refuses what GitHub refuses: 404 for a missing
 * thing or another repository, 422 when a branch would move without fast-forward and without
 * force, when a branch or an open pull request already exists, when a pull request has no
 * commits, when a merged pull request would reopen, when a body is too long or a
 * `state_reason` does not fit the state; 403 for the methods in `denied`. `createRef` answers
 * false for an existing ref (GitHub's 422, as the adapter tells it), so a lease works.
 *
 * Every call is recorded in `calls`; the writes also read as `method detail` lines in
 * `writes`. Each call yields to the event loop first, so concurrent runs interleave as
 * they would over HTTP.
 */
export class FakeGitHub implements GitHubPort {
  readonly login: string;
  readonly calls: Call[] = [];
  readonly commits = new Map<string, StoredCommit>();
  /** Fully qualified refs: `refs/heads/main`, `refs/listwarden/lease-report`. */
  readonly refs = new Map<string, string>();
  readonly issues = new Map<number, StoredIssue>();
  readonly comments: FakeComment[] = [];
  readonly reactions: FakeReaction[] = [];
  readonly reviews: FakeReview[] = [];
  readonly reviewComments: (ExistingComment & { pull: number })[] = [];
  readonly checkRuns: FakeCheckRun[] = [];
  readonly labels = new Map<string, { color: string; description: string }>();
  /** What each user may do; anyone else reads (a public repository). */
  readonly permissions = new Map<string, RepoPermission>();
  /** Methods GitHub refuses for this token (403, as a GitHubPermissionError). */
  readonly denied = new Set<string>();
  defaultBranch = 'main';
  private readonly knowsLogin: boolean;
  private nextNumber = 1;
  private nextId = 1000;

  constructor(files: Record<string, string> = {}, options: FakeOptions = {}) {
    this.login = options.login ?? BOT;
    this.knowsLogin = options.knowsLogin ?? false;
    const root = this.store({ message: 'initial commit', parents: [], tree: new Map(Object.entries(files)), authorLogin: 'maintainer', committerLogin: 'maintainer' });
    this.refs.set('refs/heads/main', root);
  }

  /** The writes so far, as `method detail` lines (`updateBranch main (force)`, `createIssueComment #3`). */
  get writes(): string[] {
    return this.calls.flatMap((c) => (c.write === undefined ? [] : [c.write]));
  }

  // --- what people do on GitHub (no calls recorded) ----------------------------------

  /** A person pushes to a branch (created from the default branch when missing); `null` deletes a file. */
  push(branch: string, files: Record<string, string | null>, options: { login?: string; message?: string } = {}): string {
    const parent = this.refs.get(`refs/heads/${branch}`) ?? this.head();
    const login = options.login ?? 'maintainer';
    const sha = this.store({ message: options.message ?? 'a person edits', parents: [parent], tree: this.treeWith(parent, files), authorLogin: login, committerLogin: login });
    this.refs.set(`refs/heads/${branch}`, sha);
    return sha;
  }

  /** A contributor opens a pull request from `branch`, in this repository or in `fork` (`owner/repo`). */
  openPull(branch: string, files: Record<string, string>, fork?: string): number {
    const base = this.head();
    const head = this.store({ message: 'contributor change', parents: [base], tree: this.treeWith(base, files), authorLogin: 'contributor', committerLogin: 'contributor' });
    if (!fork) this.refs.set(`refs/heads/${branch}`, head);
    const pull: StoredPull = { headRef: branch, headRepo: fork ?? FULL_NAME, baseRef: this.defaultBranch, merged: false, headSha: head };
    return this.addIssue({ title: `PR from ${branch}`, body: '', login: 'contributor' }, pull);
  }

  /** Merges a pull request as the green button's squash does: one commit on the base with the pull request's changes. */
  mergePull(number: number, by = 'maintainer'): string {
    const issue = this.pullIssue(number);
    if (issue.state !== 'open') throw new FakeHttpError(405, 'Pull Request is not mergeable');
    const pull = issue.pull!;
    const head = this.liveHead(issue);
    const base = this.head(pull.baseRef);
    const tree = this.treeWith(base, this.changes(this.mergeBase(base, head), head));
    const sha = this.store({ message: `${issue.title} (#${number})`, parents: [base], tree, authorLogin: by, committerLogin: 'web-flow' });
    this.refs.set(`refs/heads/${pull.baseRef}`, sha);
    this.close(issue);
    pull.merged = true;
    return sha;
  }

  /** A maintainer closes a pull request without merging it. */
  closePull(number: number): void {
    this.close(this.pullIssue(number));
  }

  /** An issue as some author wrote it. */
  addIssue(input: IssueInput & { login: string; state?: 'open' | 'closed' }, pull?: StoredPull): number {
    const number = this.nextNumber++;
    const state = input.state ?? 'open';
    this.issues.set(number, {
      number,
      title: input.title,
      body: input.body,
      state,
      stateReason: state === 'closed' ? 'completed' : null,
      login: input.login,
      labels: [...(input.labels ?? [])],
      createdAt: new Date(Date.UTC(2024, 0, 1) + number * 1000).toISOString(),
      ...(pull ? { pull } : {}),
    });
    return number;
  }

  /** A comment a person posts on an issue or pull request; returns its id. */
  addComment(issue: number, login: string, body: string): number {
    const id = this.nextId++;
    this.comments.push({ id, issue, login, body });
    return id;
  }

  /** A person ticks a task-list box of an issue body, as GitHub's UI does. */
  tick(number: number, lineIncludes: string): void {
    const issue = this.issues.get(number)!;
    const lines = issue.body.split('\n');
    const i = lines.findIndex((line) => line.includes(lineIncludes) && line.includes('- [ ]'));
    if (i < 0) throw new Error(`no unticked box with ${lineIncludes} in #${number}`);
    lines[i] = lines[i]!.replace('- [ ]', '- [x]');
    issue.body = lines.join('\n');
  }

  // --- what a test reads (no calls recorded) -----------------------------------------

  /** The head of a branch (throws when there is no such branch). */
  head(branch = this.defaultBranch): string {
    const sha = this.refs.get(`refs/heads/${branch}`);
    if (!sha) throw new Error(`no branch ${branch}`);
    return sha;
  }

  /** A file's text at a branch, a fully qualified ref or a commit. */
  fileAt(ref: string, path: string): string | undefined {
    return this.commitOf(ref)?.tree.get(path);
  }

  /** Every pull request as the API shows it, by number. */
  get pulls(): PullSummary[] {
    return [...this.issues.values()].filter((i) => i.pull).map((i) => this.pullSummary(i));
  }

  commentsOn(issue: number): FakeComment[] {
    return this.comments.filter((c) => c.issue === issue);
  }

  /** The comments the token's login wrote on an issue or pull request. */
  repliesOn(issue: number): FakeComment[] {
    return this.commentsOn(issue).filter((c) => c.login === this.login);
  }

  reactionsOn(commentId: number): ReactionContent[] {
    return this.reactions.filter((r) => r.commentId === commentId).map((r) => r.content);
  }

  // --- the port: contents, checks, reviews, comments ---------------------------------

  async viewerLogin(): Promise<string | undefined> {
    await this.enter('viewerLogin', undefined, []);
    return this.knowsLogin ? this.login : undefined;
  }

  async getFileText(repo: RepoRef, path: string, ref: string): Promise<string | undefined> {
    await this.enter('getFileText', repo, [path, ref]);
    return this.fileAt(ref, path);
  }

  /**
   * What `getFile` answers for a path instead of its text at every ref: bytes that are not
   * UTF-8, a symbolic link, a submodule (the path must still be in the tree to be listed).
   */
  readonly raw = new Map<string, RepoFile>();

  async getFile(repo: RepoRef, path: string, ref: string): Promise<RepoFile | undefined> {
    await this.enter('getFile', repo, [path, ref]);
    const text = this.fileAt(ref, path);
    if (text === undefined) return undefined;
    return this.raw.get(path) ?? { kind: 'file', bytes: new TextEncoder().encode(text) };
  }

  async listPullFiles(repo: RepoRef, pull: number): Promise<PullFile[]> {
    await this.enter('listPullFiles', repo, [pull]);
    const issue = this.pullIssue(pull);
    const head = this.liveHead(issue);
    const base = this.mergeBase(this.head(issue.pull!.baseRef), head);
    return Object.entries(this.changes(base, head)).map(([filename, text]): PullFile => ({
      filename,
      status: text === null ? 'removed' : this.commits.get(base)!.tree.has(filename) ? 'modified' : 'added',
    }));
  }

  async listCheckRuns(repo: RepoRef, ref: string, name: string): Promise<{ id: number; status: string; outputText?: string | null }[]> {
    await this.enter('listCheckRuns', repo, [ref, name]);
    const sha = this.commitOf(ref)?.sha;
    return this.checkRuns
      .filter((run) => run.head_sha === sha && run.name === name)
      .reverse()
      .map((run) => ({ id: run.id, status: run.status, outputText: run.output.text ?? null }));
  }

  async createCheckRun(repo: RepoRef, input: CheckRunInput): Promise<{ id: number }> {
    await this.enter('createCheckRun', repo, [input], input.name);
    if (!this.commits.has(input.head_sha)) throw new FakeHttpError(422, 'No commit found for SHA');
    const id = this.nextId++;
    this.checkRuns.push({ ...input, id });
    return { id };
  }

  async updateCheckRun(repo: RepoRef, id: number, input: Partial<CheckRunInput>): Promise<void> {
    await this.enter('updateCheckRun', repo, [id, input], String(id));
    const run = this.checkRuns.find((r) => r.id === id);
    if (!run) throw new FakeHttpError(404, 'Not Found');
    Object.assign(run, input);
  }

  async listReviewComments(repo: RepoRef, pull: number): Promise<ExistingComment[]> {
    await this.enter('listReviewComments', repo, [pull]);
    this.pullIssue(pull);
    return this.reviewComments.filter((c) => c.pull === pull).map(({ pull: _pull, ...c }) => c);
  }

  async createReview(repo: RepoRef, pull: number, commitId: string, comments: ReviewCommentInput[], body?: string): Promise<void> {
    await this.enter('createReview', repo, [pull, commitId, comments, body], `#${pull}`);
    this.pullIssue(pull);
    if (!this.commits.has(commitId)) throw new FakeHttpError(422, 'commit_id is not part of the pull request');
    this.reviews.push({ pull, commitId, comments, ...(body !== undefined ? { body } : {}) });
    for (const c of comments) this.reviewComments.push({ id: this.nextId++, pull, body: c.body, login: this.login, path: c.path, line: c.line });
  }

  async listIssueComments(repo: RepoRef, issue: number): Promise<ExistingComment[]> {
    await this.enter('listIssueComments', repo, [issue]);
    this.issue(issue);
    return this.commentsOn(issue).map(({ issue: _issue, ...c }) => c);
  }

  async createIssueComment(repo: RepoRef, issue: number, body: string): Promise<{ id: number }> {
    await this.enter('createIssueComment', repo, [issue, body], `#${issue}`);
    this.issue(issue);
    checkBody(body);
    return { id: this.addComment(issue, this.login, body) };
  }

  async updateIssueComment(repo: RepoRef, id: number, body: string): Promise<void> {
    await this.enter('updateIssueComment', repo, [id, body], String(id));
    const comment = this.comments.find((c) => c.id === id);
    if (!comment) throw new FakeHttpError(404, 'Not Found');
    checkBody(body);
    comment.body = body;
  }

  // --- the port: issues, labels, reactions, permissions ------------------------------

  async listIssuesWithLabel(repo: RepoRef, label: string, state: 'open' | 'closed' | 'all'): Promise<IssueSummary[]> {
    await this.enter('listIssuesWithLabel', repo, [label, state]);
    return [...this.issues.values()]
      .filter((i) => !i.pull && i.labels.includes(label) && (state === 'all' || i.state === state))
      .sort((a, b) => b.number - a.number)
      .map(({ number, title, body, state: s, login, labels, createdAt }) => ({ number, title, body, state: s, login, labels: [...labels], createdAt }));
  }

  async createIssue(repo: RepoRef, input: IssueInput): Promise<{ number: number }> {
    await this.enter('createIssue', repo, [input]);
    if (input.title.trim() === '') throw new FakeHttpError(422, 'title is missing');
    checkBody(input.body);
    // GitHub creates the labels it does not know, with a default colour.
    for (const label of input.labels ?? []) if (!this.labels.has(label)) this.labels.set(label, { color: 'ededed', description: '' });
    return { number: this.addIssue({ ...input, login: this.login }) };
  }

  async updateIssue(repo: RepoRef, number: number, update: IssueUpdate): Promise<void> {
    await this.enter('updateIssue', repo, [number, update], `#${number}`);
    const issue = this.issue(number);
    if (update.body !== undefined) checkBody(update.body);
    const state = update.state ?? issue.state;
    if (update.state_reason && (update.state_reason === 'reopened') !== (state === 'open')) {
      throw new FakeHttpError(422, `state_reason ${update.state_reason} does not fit state ${state}`);
    }
    if (update.title !== undefined) issue.title = update.title;
    if (update.body !== undefined) issue.body = update.body;
    if (update.state !== undefined && update.state !== issue.state) {
      issue.stateReason = update.state_reason ?? (update.state === 'closed' ? 'completed' : 'reopened');
      issue.state = update.state;
    } else if (update.state_reason) {
      issue.stateReason = update.state_reason;
    }
  }

  async ensureLabel(repo: RepoRef, name: string, color: string, description: string): Promise<void> {
    await this.enter('ensureLabel', repo, [name, color, description], name);
    if (!/^[0-9a-fA-F]{6}$/.test(color)) throw new FakeHttpError(422, `invalid color ${color}`);
    if (!this.labels.has(name)) this.labels.set(name, { color, description });
  }

  async addReaction(repo: RepoRef, commentId: number, content: ReactionContent): Promise<void> {
    await this.enter('addReaction', repo, [commentId, content], content);
    if (!this.comments.some((c) => c.id === commentId)) throw new FakeHttpError(404, 'Not Found');
    // GitHub answers 200 with the existing reaction instead of adding a second one.
    if (this.reactions.some((r) => r.commentId === commentId && r.content === content && r.login === this.login)) return;
    this.reactions.push({ commentId, content, login: this.login });
  }

  async getPermission(repo: RepoRef, username: string): Promise<RepoPermission> {
    await this.enter('getPermission', repo, [username]);
    return this.permissions.get(username) ?? 'read';
  }

  // --- the port: branches, commits, refs ---------------------------------------------

  async getDefaultBranch(repo: RepoRef): Promise<string> {
    await this.enter('getDefaultBranch', repo, []);
    return this.defaultBranch;
  }

  async listFiles(repo: RepoRef, ref: string): Promise<string[]> {
    await this.enter('listFiles', repo, [ref]);
    const commit = this.commitOf(ref);
    if (!commit) throw new FakeHttpError(404, 'Not Found');
    return [...commit.tree.keys()].sort();
  }

  async getBranchSha(repo: RepoRef, branch: string): Promise<string | undefined> {
    await this.enter('getBranchSha', repo, [branch]);
    return this.refs.get(`refs/heads/${branch}`);
  }

  async listCommitsBetween(repo: RepoRef, base: string, head: string): Promise<CommitSummary[]> {
    await this.enter('listCommitsBetween', repo, [base, head]);
    const from = this.commitOf(base);
    const to = this.commitOf(head);
    if (!from || !to) throw new FakeHttpError(404, 'Not Found');
    const excluded = this.ancestors(from.sha);
    const out: CommitSummary[] = [];
    const seen = new Set<string>();
    const walk = (sha: string): void => {
      if (seen.has(sha) || excluded.has(sha)) return;
      seen.add(sha);
      const commit = this.commits.get(sha)!;
      for (const parent of commit.parents) walk(parent);
      out.push({
        sha,
        message: commit.message,
        ...(commit.authorLogin ? { authorLogin: commit.authorLogin } : {}),
        ...(commit.committerLogin ? { committerLogin: commit.committerLogin } : {}),
        parents: [...commit.parents],
      });
    };
    walk(to.sha);
    return out;
  }

  async createCommit(repo: RepoRef, commit: NewCommit): Promise<string> {
    const lease = commit.files.length === 0 && commit.message.startsWith('listwarden lease');
    await this.enter('createCommit', repo, [commit], lease ? 'lease' : commit.files.map((f) => f.path).join(',') || commit.message.split('\n')[0]);
    if (!this.commits.has(commit.parentSha)) throw new FakeHttpError(422, `parent ${commit.parentSha} does not exist`);
    const files = Object.fromEntries(commit.files.map((f) => [f.path, f.content]));
    return this.store({ message: commit.message, parents: [commit.parentSha], tree: this.treeWith(commit.parentSha, files), authorLogin: this.login, committerLogin: this.login });
  }

  async createBranch(repo: RepoRef, branch: string, sha: string): Promise<void> {
    await this.enter('createBranch', repo, [branch, sha], branch);
    if (!this.setNewRef(`refs/heads/${branch}`, sha)) throw new FakeHttpError(422, 'Reference already exists');
  }

  async updateBranch(repo: RepoRef, branch: string, sha: string, force: boolean): Promise<void> {
    await this.enter('updateBranch', repo, [branch, sha, force], `${branch}${force ? ' (force)' : ''}`);
    const ref = `refs/heads/${branch}`;
    const current = this.refs.get(ref);
    if (!current) throw new FakeHttpError(422, 'Reference does not exist');
    if (!this.commits.has(sha)) throw new FakeHttpError(422, 'Object does not exist');
    if (!force && !this.ancestors(sha).has(current)) throw new FakeHttpError(422, 'Update is not a fast forward');
    this.refs.set(ref, sha);
  }

  async getRefSha(repo: RepoRef, ref: string): Promise<string | undefined> {
    await this.enter('getRefSha', repo, [ref]);
    return this.refs.get(ref);
  }

  async createRef(repo: RepoRef, ref: string, sha: string): Promise<boolean> {
    await this.enter('createRef', repo, [ref, sha], ref);
    return this.setNewRef(ref, sha);
  }

  async deleteRef(repo: RepoRef, ref: string): Promise<void> {
    await this.enter('deleteRef', repo, [ref], ref);
    this.refs.delete(ref);
  }

  /** As the git-data API answers: message and parents, no logins. */
  async getCommit(repo: RepoRef, sha: string): Promise<CommitSummary | undefined> {
    await this.enter('getCommit', repo, [sha]);
    const commit = this.commits.get(sha);
    return commit ? { sha, message: commit.message, parents: [...commit.parents] } : undefined;
  }

  // --- the port: pull requests -------------------------------------------------------

  async getPull(repo: RepoRef, pull: number): Promise<PullSummary | undefined> {
    await this.enter('getPull', repo, [pull]);
    const issue = this.issues.get(pull);
    return issue?.pull ? this.pullSummary(issue) : undefined;
  }

  async listPullsForBranch(repo: RepoRef, branch: string, state: 'open' | 'closed' | 'all'): Promise<PullSummary[]> {
    await this.enter('listPullsForBranch', repo, [branch, state]);
    return [...this.issues.values()]
      .filter((i) => i.pull?.headRepo === FULL_NAME && i.pull.headRef === branch && (state === 'all' || i.state === state))
      .sort((a, b) => b.number - a.number)
      .map((i) => this.pullSummary(i));
  }

  async createPull(repo: RepoRef, input: PullInput): Promise<{ number: number }> {
    await this.enter('createPull', repo, [input], input.head);
    const head = this.refs.get(`refs/heads/${input.head}`);
    const base = this.refs.get(`refs/heads/${input.base}`);
    if (!head || !base) throw new FakeHttpError(422, `${head ? 'base' : 'head'}: invalid`);
    if ([...this.issues.values()].some((i) => i.state === 'open' && i.pull?.headRepo === FULL_NAME && i.pull.headRef === input.head && i.pull.baseRef === input.base)) {
      throw new FakeHttpError(422, `A pull request already exists for ${REPO.owner}:${input.head}`);
    }
    if (this.ancestors(base).has(head)) {
      throw new FakeHttpError(422, `No commits between ${input.base} and ${input.head}`);
    }
    checkBody(input.body);
    const pull: StoredPull = { headRef: input.head, headRepo: FULL_NAME, baseRef: input.base, merged: false, headSha: head };
    return { number: this.addIssue({ title: input.title, body: input.body, login: this.login }, pull) };
  }

  async updatePull(repo: RepoRef, pull: number, update: { title?: string; body?: string; state?: 'open' | 'closed' }): Promise<void> {
    await this.enter('updatePull', repo, [pull, update], `#${pull} ${Object.keys(update).sort().join(',')}`);
    const issue = this.pullIssue(pull);
    if (update.state === 'open' && issue.pull!.merged) throw new FakeHttpError(422, 'Cannot reopen a merged pull request');
    if (update.body !== undefined) checkBody(update.body);
    if (update.state === 'closed' && issue.state === 'open') this.close(issue);
    if (update.title !== undefined) issue.title = update.title;
    if (update.body !== undefined) issue.body = update.body;
    if (update.state !== undefined) issue.state = update.state;
  }

  // --- internals ---------------------------------------------------------------------

  private async enter(method: string, repo: RepoRef | undefined, args: unknown[], detail?: string): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    const call: Call = { method, args };
    this.calls.push(call);
    if (repo && (repo.owner !== REPO.owner || repo.repo !== REPO.repo)) throw new FakeHttpError(404, 'Not Found');
    if (this.denied.has(method)) throw new GitHubPermissionError(`GitHub refused ${method} (403): Resource not accessible by integration`, 403);
    if (WRITES.has(method)) call.write = detail === undefined ? method : `${method} ${detail}`;
  }

  private issue(number: number): StoredIssue {
    const issue = this.issues.get(number);
    if (!issue) throw new FakeHttpError(404, 'Not Found');
    return issue;
  }

  private pullIssue(number: number): StoredIssue {
    const issue = this.issues.get(number);
    if (!issue?.pull) throw new FakeHttpError(404, 'Not Found');
    return issue;
  }

  /** Closing freezes the head: the pull request keeps the commit its branch had then. */
  private close(issue: StoredIssue): void {
    issue.pull!.headSha = this.liveHead(issue);
    issue.state = 'closed';
  }

  /** An open pull request from this repository follows its branch; others keep their last head. */
  private liveHead(issue: StoredIssue): string {
    const pull = issue.pull!;
    const branch = issue.state === 'open' && pull.headRepo === FULL_NAME ? this.refs.get(`refs/heads/${pull.headRef}`) : undefined;
    return branch ?? pull.headSha;
  }

  private pullSummary(issue: StoredIssue): PullSummary {
    const pull = issue.pull!;
    return {
      number: issue.number,
      state: issue.state,
      merged: pull.merged,
      title: issue.title,
      body: issue.body,
      headRef: pull.headRef,
      headSha: this.liveHead(issue),
      headRepo: pull.headRepo,
      baseRef: pull.baseRef,
      baseSha: this.head(pull.baseRef),
    };
  }

  private setNewRef(ref: string, sha: string): boolean {
    if (!this.commits.has(sha)) throw new FakeHttpError(422, 'Object does not exist');
    if (this.refs.has(ref)) return false;
    this.refs.set(ref, sha);
    return true;
  }

  private store(commit: Omit<StoredCommit, 'sha'>): string {
    const sha = createHash('sha1').update(`${this.commits.size}\0${commit.message}\0${commit.parents.join(',')}`).digest('hex');
    this.commits.set(sha, { ...commit, sha });
    return sha;
  }

  private treeWith(parentSha: string, files: Record<string, string | null>): Map<string, string> {
    const tree = new Map(this.commits.get(parentSha)!.tree);
    for (const [path, content] of Object.entries(files)) {
      if (content === null) tree.delete(path);
      else tree.set(path, content);
    }
    return tree;
  }

  /** The files `head` changes against `base`: new text, or null for a removed file. */
  private changes(base: string, head: string): Record<string, string | null> {
    const from = this.commits.get(base)!.tree;
    const to = this.commits.get(head)!.tree;
    const out: Record<string, string | null> = {};
    for (const [path, text] of to) if (from.get(path) !== text) out[path] = text;
    for (const path of from.keys()) if (!to.has(path)) out[path] = null;
    return out;
  }

  /** A branch name, a fully qualified ref or a sha. */
  private commitOf(ref: string): StoredCommit | undefined {
    return this.commits.get(this.refs.get(`refs/heads/${ref}`) ?? this.refs.get(ref) ?? ref);
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

  /** The newest commit both reach (what a pull request's diff starts from). */
  private mergeBase(a: string, b: string): string {
    const ofA = this.ancestors(a);
    const queue = [b];
    for (let sha = queue.shift(); sha !== undefined; sha = queue.shift()) {
      if (ofA.has(sha)) return sha;
      queue.push(...this.commits.get(sha)!.parents);
    }
    throw new FakeHttpError(404, `no common ancestor of ${a} and ${b}`);
  }
}

function checkBody(body: string): void {
  if (body.length > MAX_BODY) throw new FakeHttpError(422, `body is too long (maximum is ${MAX_BODY} characters)`);
}
