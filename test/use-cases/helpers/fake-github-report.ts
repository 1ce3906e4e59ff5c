import { createHash } from 'node:crypto';
import type {
  CheckRunInput,
  CommitSummary,
  ExistingComment,
  GitHubPort,
  IssueInput,
  IssueSummary,
  IssueUpdate,
  NewCommit,
  PullFile,
  PullInput,
  PullSummary,
  ReactionContent,
  RepoPermission,
  RepoRef,
  ReviewCommentInput,
} from '../../../src/github/port.js';

/**
 * An in-memory GitHub for the report use case, faithful where the report depends on it:
 * issues and pull requests share one numbering and comment ids one sequence; labels filter
 * issues (never pull requests) and the list is newest first; `state_reason` must fit the
 * state (GitHub answers 422 otherwise); refs are created atomically (a second create is
 * `false`, GitHub's 422) so the lease works; commits form a graph with trees; a branch
 * moves only by fast-forward unless forced. Every call is recorded in `calls`, every
 * write also in `writes`; each call yields to the event loop first, so concurrent runs
 * interleave as they would over HTTP.
 */
export const REPO: RepoRef = { owner: 'octo', repo: 'awesome-things' };
export const BOT = 'github-actions[bot]';

export class FakeHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface StoredCommit {
  sha: string;
  message: string;
  parents: string[];
  tree: Map<string, string>;
}

export interface StoredIssue extends IssueSummary {
  isPull: boolean;
  stateReason?: string | null;
  comments: ExistingComment[];
}

export interface Call {
  method: string;
  args: unknown[];
}

const WRITES = new Set([
  'createCheckRun', 'updateCheckRun', 'createReview', 'createIssueComment', 'updateIssueComment', 'createIssue', 'updateIssue', 'ensureLabel',
  'addReaction', 'createCommit', 'createBranch', 'updateBranch', 'createRef', 'deleteRef', 'createPull', 'updatePull',
]);

export class FakeGitHub implements GitHubPort {
  readonly calls: Call[] = [];
  readonly issues = new Map<number, StoredIssue>();
  readonly labels = new Map<string, { color: string; description: string }>();
  readonly refs = new Map<string, string>();
  private readonly commits = new Map<string, StoredCommit>();
  private nextNumber = 1;
  private nextCommentId = 1000;
  private clock = 0;
  defaultBranch = 'main';

  constructor(
    files: Record<string, string> = {},
    readonly login: string = BOT,
  ) {
    const root = this.storeCommit('initial', [], new Map(Object.entries(files)));
    this.refs.set('refs/heads/main', root);
  }

  /** Writes (not reads) recorded so far. */
  get writes(): Call[] {
    return this.calls.filter((c) => WRITES.has(c.method));
  }

  /** A person pushes new file contents to the default branch. */
  push(files: Record<string, string | null>, message = 'edit lists'): string {
    const head = this.refs.get(`refs/heads/${this.defaultBranch}`)!;
    const tree = new Map(this.commits.get(head)!.tree);
    for (const [path, text] of Object.entries(files)) {
      if (text === null) tree.delete(path);
      else tree.set(path, text);
    }
    const sha = this.storeCommit(message, [head], tree);
    this.refs.set(`refs/heads/${this.defaultBranch}`, sha);
    return sha;
  }

  /** An issue written by someone (the bot or a person), bypassing the call log. */
  seedIssue(issue: { title?: string; body: string; state?: 'open' | 'closed'; login?: string; labels?: string[] }): number {
    const number = this.nextNumber++;
    this.issues.set(number, {
      number,
      title: issue.title ?? 'listwarden: link-rot report',
      body: issue.body,
      state: issue.state ?? 'open',
      login: issue.login ?? this.login,
      labels: issue.labels ?? ['listwarden'],
      createdAt: new Date(Date.UTC(2024, 0, 1) + number * 1000).toISOString(),
      isPull: false,
      comments: [],
    });
    return number;
  }

  /** A person ticks a line of an issue body (a task-list box), as GitHub's UI does. */
  tick(number: number, lineIncludes: string): void {
    const issue = this.issues.get(number)!;
    const lines = issue.body.split('\n');
    const i = lines.findIndex((line) => line.includes(lineIncludes) && line.includes('- [ ]'));
    if (i < 0) throw new Error(`no unticked box with ${lineIncludes} in #${number}`);
    lines[i] = lines[i]!.replace('- [ ]', '- [x]');
    issue.body = lines.join('\n');
  }

  /** Issues listwarden would see as report issues, by number. */
  reportIssues(): StoredIssue[] {
    return [...this.issues.values()].filter((i) => !i.isPull && i.labels.includes('listwarden')).sort((a, b) => a.number - b.number);
  }

  private storeCommit(message: string, parents: string[], tree: Map<string, string>): string {
    const sha = createHash('sha1').update(`${message}\0${parents.join(',')}\0${this.clock++}`).digest('hex');
    this.commits.set(sha, { sha, message, parents, tree });
    return sha;
  }

  private async record(method: string, ...args: unknown[]): Promise<void> {
    this.calls.push({ method, args });
    await new Promise((resolve) => setImmediate(resolve));
  }

  private issue(number: number): StoredIssue {
    const issue = this.issues.get(number);
    if (!issue) throw new FakeHttpError(404, `issue #${number} not found`);
    return issue;
  }

  private resolve(ref: string): string | undefined {
    if (this.commits.has(ref)) return ref;
    return this.refs.get(`refs/heads/${ref}`) ?? this.refs.get(ref);
  }

  private isAncestor(ancestor: string, of: string): boolean {
    const seen = new Set<string>();
    const todo = [of];
    while (todo.length > 0) {
      const sha = todo.pop()!;
      if (sha === ancestor) return true;
      if (seen.has(sha)) continue;
      seen.add(sha);
      todo.push(...(this.commits.get(sha)?.parents ?? []));
    }
    return false;
  }

  // --- reads and writes of the port -------------------------------------------------

  async viewerLogin(): Promise<string | undefined> {
    await this.record('viewerLogin');
    return this.login;
  }

  async getFileText(_repo: RepoRef, path: string, ref: string): Promise<string | undefined> {
    await this.record('getFileText', path, ref);
    const sha = this.resolve(ref);
    return sha ? this.commits.get(sha)!.tree.get(path) : undefined;
  }

  async listPullFiles(_repo: RepoRef, pull: number): Promise<PullFile[]> {
    await this.record('listPullFiles', pull);
    return [];
  }

  async listCheckRuns(_repo: RepoRef, ref: string, name: string): Promise<{ id: number; status: string; outputText?: string | null }[]> {
    await this.record('listCheckRuns', ref, name);
    return [];
  }

  async createCheckRun(_repo: RepoRef, input: CheckRunInput): Promise<{ id: number }> {
    await this.record('createCheckRun', input);
    return { id: this.nextCommentId++ };
  }

  async updateCheckRun(_repo: RepoRef, id: number, input: Partial<CheckRunInput>): Promise<void> {
    await this.record('updateCheckRun', id, input);
  }

  async listReviewComments(_repo: RepoRef, pull: number): Promise<ExistingComment[]> {
    await this.record('listReviewComments', pull);
    return [];
  }

  async createReview(_repo: RepoRef, pull: number, commitId: string, comments: ReviewCommentInput[], body?: string): Promise<void> {
    await this.record('createReview', pull, commitId, comments, body);
  }

  async listIssueComments(_repo: RepoRef, issue: number): Promise<ExistingComment[]> {
    await this.record('listIssueComments', issue);
    return this.issue(issue).comments.map((c) => ({ ...c }));
  }

  async createIssueComment(_repo: RepoRef, issue: number, body: string): Promise<{ id: number }> {
    await this.record('createIssueComment', issue, body);
    const id = this.nextCommentId++;
    this.issue(issue).comments.push({ id, body, login: this.login });
    return { id };
  }

  async updateIssueComment(_repo: RepoRef, id: number, body: string): Promise<void> {
    await this.record('updateIssueComment', id, body);
    for (const issue of this.issues.values()) {
      const comment = issue.comments.find((c) => c.id === id);
      if (comment) {
        comment.body = body;
        return;
      }
    }
    throw new FakeHttpError(404, `comment ${id} not found`);
  }

  async listIssuesWithLabel(_repo: RepoRef, label: string, state: 'open' | 'closed' | 'all'): Promise<IssueSummary[]> {
    await this.record('listIssuesWithLabel', label, state);
    return [...this.issues.values()]
      .filter((i) => !i.isPull && i.labels.includes(label) && (state === 'all' || i.state === state))
      .sort((a, b) => b.number - a.number)
      .map(({ number, title, body, state: s, login, labels, createdAt }) => ({ number, title, body, state: s, login, labels: [...labels], createdAt }));
  }

  async createIssue(_repo: RepoRef, input: IssueInput): Promise<{ number: number }> {
    await this.record('createIssue', input);
    if (input.title.trim() === '') throw new FakeHttpError(422, 'title is missing');
    if (input.body.length > 65_536) throw new FakeHttpError(422, 'body is too long (maximum is 65536 characters)');
    // GitHub creates labels it does not know with a default colour.
    for (const label of input.labels ?? []) if (!this.labels.has(label)) this.labels.set(label, { color: 'ededed', description: '' });
    const number = this.nextNumber++;
    this.issues.set(number, {
      number,
      title: input.title,
      body: input.body,
      state: 'open',
      login: this.login,
      labels: [...(input.labels ?? [])],
      createdAt: new Date(Date.UTC(2024, 0, 1) + number * 1000).toISOString(),
      isPull: false,
      comments: [],
    });
    return { number };
  }

  async updateIssue(_repo: RepoRef, number: number, update: IssueUpdate): Promise<void> {
    await this.record('updateIssue', number, update);
    const issue = this.issue(number);
    if (update.body !== undefined && update.body.length > 65_536) throw new FakeHttpError(422, 'body is too long (maximum is 65536 characters)');
    if (update.state_reason) {
      const state = update.state ?? issue.state;
      const fits = update.state_reason === 'reopened' ? state === 'open' : state === 'closed';
      if (!fits) throw new FakeHttpError(422, `state_reason ${update.state_reason} does not fit state ${state}`);
    }
    if (update.title !== undefined) issue.title = update.title;
    if (update.body !== undefined) issue.body = update.body;
    if (update.state !== undefined) {
      issue.state = update.state;
      issue.stateReason = update.state_reason ?? (update.state === 'closed' ? 'completed' : null);
    }
  }

  async ensureLabel(_repo: RepoRef, name: string, color: string, description: string): Promise<void> {
    await this.record('ensureLabel', name, color, description);
    if (!/^[0-9a-fA-F]{6}$/.test(color)) throw new FakeHttpError(422, `invalid color ${color}`);
    if (!this.labels.has(name)) this.labels.set(name, { color, description });
  }

  async addReaction(_repo: RepoRef, commentId: number, content: ReactionContent): Promise<void> {
    await this.record('addReaction', commentId, content);
  }

  async getPermission(_repo: RepoRef, username: string): Promise<RepoPermission> {
    await this.record('getPermission', username);
    return username === this.login ? 'write' : 'read';
  }

  async getDefaultBranch(): Promise<string> {
    await this.record('getDefaultBranch');
    return this.defaultBranch;
  }

  async listFiles(_repo: RepoRef, ref: string): Promise<string[]> {
    await this.record('listFiles', ref);
    const sha = this.resolve(ref);
    if (!sha) throw new FakeHttpError(404, `no ref ${ref}`);
    return [...this.commits.get(sha)!.tree.keys()].sort();
  }

  async getPull(_repo: RepoRef, pull: number): Promise<PullSummary | undefined> {
    await this.record('getPull', pull);
    return undefined;
  }

  async getBranchSha(_repo: RepoRef, branch: string): Promise<string | undefined> {
    await this.record('getBranchSha', branch);
    return this.refs.get(`refs/heads/${branch}`);
  }

  async listCommitsBetween(_repo: RepoRef, base: string, head: string): Promise<CommitSummary[]> {
    await this.record('listCommitsBetween', base, head);
    const out: CommitSummary[] = [];
    let sha = this.resolve(head);
    const stop = this.resolve(base);
    while (sha && sha !== stop && !(stop && this.isAncestor(sha, stop))) {
      const commit = this.commits.get(sha)!;
      out.unshift({ sha, message: commit.message, parents: [...commit.parents] });
      sha = commit.parents[0];
    }
    return out;
  }

  async createCommit(_repo: RepoRef, commit: NewCommit): Promise<string> {
    await this.record('createCommit', commit);
    const parent = this.commits.get(commit.parentSha);
    if (!parent) throw new FakeHttpError(422, `parent ${commit.parentSha} not found`);
    const tree = new Map(parent.tree);
    for (const file of commit.files) tree.set(file.path, file.content);
    return this.storeCommit(commit.message, [commit.parentSha], tree);
  }

  async createBranch(_repo: RepoRef, branch: string, sha: string): Promise<void> {
    await this.record('createBranch', branch, sha);
    const ref = `refs/heads/${branch}`;
    if (this.refs.has(ref)) throw new FakeHttpError(422, 'Reference already exists');
    this.refs.set(ref, sha);
  }

  async updateBranch(_repo: RepoRef, branch: string, sha: string, force: boolean): Promise<void> {
    await this.record('updateBranch', branch, sha, force);
    const ref = `refs/heads/${branch}`;
    const current = this.refs.get(ref);
    if (!current) throw new FakeHttpError(422, 'Reference does not exist');
    if (!force && !this.isAncestor(current, sha)) throw new FakeHttpError(422, 'Update is not a fast forward');
    this.refs.set(ref, sha);
  }

  async getRefSha(_repo: RepoRef, ref: string): Promise<string | undefined> {
    await this.record('getRefSha', ref);
    return this.refs.get(ref);
  }

  async createRef(_repo: RepoRef, ref: string, sha: string): Promise<boolean> {
    await this.record('createRef', ref, sha);
    if (!this.commits.has(sha)) throw new FakeHttpError(422, 'Object does not exist');
    if (this.refs.has(ref)) return false;
    this.refs.set(ref, sha);
    return true;
  }

  async deleteRef(_repo: RepoRef, ref: string): Promise<void> {
    await this.record('deleteRef', ref);
    this.refs.delete(ref);
  }

  async getCommit(_repo: RepoRef, sha: string): Promise<CommitSummary | undefined> {
    await this.record('getCommit', sha);
    const commit = this.commits.get(sha);
    return commit ? { sha, message: commit.message, parents: [...commit.parents] } : undefined;
  }

  async listPullsForBranch(_repo: RepoRef, branch: string, state: 'open' | 'closed' | 'all'): Promise<PullSummary[]> {
    await this.record('listPullsForBranch', branch, state);
    return [];
  }

  async createPull(_repo: RepoRef, input: PullInput): Promise<{ number: number }> {
    await this.record('createPull', input);
    const number = this.nextNumber++;
    this.issues.set(number, { number, title: input.title, body: input.body, state: 'open', login: this.login, labels: [], createdAt: '', isPull: true, comments: [] });
    return { number };
  }

  async updatePull(_repo: RepoRef, pull: number, update: { title?: string; body?: string; state?: 'open' | 'closed' }): Promise<void> {
    await this.record('updatePull', pull, update);
    const issue = this.issue(pull);
    if (update.title !== undefined) issue.title = update.title;
    if (update.body !== undefined) issue.body = update.body;
    if (update.state !== undefined) issue.state = update.state;
  }
}
