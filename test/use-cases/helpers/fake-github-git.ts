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

/** What GitHub answers with a status: 404 for a missing thing, 422 for a refused change. */
export class FakeGitHubError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(`${status} ${message}`);
  }
}

interface StoredCommit {
  sha: string;
  message: string;
  parents: string[];
  tree: Map<string, string>;
  authorLogin?: string;
  committerLogin?: string;
}

interface StoredPull {
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  title: string;
  body: string;
  headRef: string;
  /** Frozen when the pull request closes; while open it follows the branch. */
  headSha: string;
  baseRef: string;
}

interface StoredIssue extends IssueSummary {
  comments: ExistingComment[];
}

/**
 * An in-memory GitHub repository for use-case tests: commits with file trees, branches and
 * other refs, pull requests (open, closed, merged) and issues sharing one number sequence,
 * and GitHub's refusals — 422 when a branch would move without fast-forward and without
 * force, when a ref or an open pull request already exists, when a pull request has no
 * commits. Every write is recorded in `writes`, so a test can prove a run wrote nothing.
 */
export class FakeGitHubGit implements GitHubPort {
  readonly commits = new Map<string, StoredCommit>();
  /** Fully qualified refs: `refs/heads/main`, `refs/listwarden/lease-maintenance`. */
  readonly refs = new Map<string, string>();
  readonly pulls: StoredPull[] = [];
  readonly issues: StoredIssue[] = [];
  readonly labels = new Set<string>();
  readonly writes: string[] = [];
  /** The login the token acts as. */
  actor: string;
  defaultBranch = 'main';
  private nextNumber = 1;
  private nextId = 1000;
  private counter = 0;

  constructor(files: Record<string, string>, options: { actor?: string } = {}) {
    this.actor = options.actor ?? 'github-actions[bot]';
    const root = this.store({ message: 'initial', parents: [], tree: new Map(Object.entries(files)), authorLogin: 'maintainer', committerLogin: 'maintainer' });
    this.refs.set('refs/heads/main', root);
  }

  // -- Test controls ------------------------------------------------------------------

  /** The head of a branch (throws when missing). */
  head(branch = this.defaultBranch): string {
    const sha = this.refs.get(`refs/heads/${branch}`);
    if (!sha) throw new Error(`no branch ${branch}`);
    return sha;
  }

  /** A file's text at a branch or commit. */
  fileAt(ref: string, path: string): string | undefined {
    return this.commitOf(ref)?.tree.get(path);
  }

  /** A person commits to a branch (a push: fast-forward only). */
  pushAs(login: string, branch: string, files: Record<string, string>, message = 'A person’s change'): string {
    const sha = this.store({ message, parents: [this.head(branch)], tree: this.treeWith(this.head(branch), files), authorLogin: login, committerLogin: login });
    this.refs.set(`refs/heads/${branch}`, sha);
    return sha;
  }

  /** Merges a pull request the way the green button's squash does: one commit on the base with the head's tree. */
  mergePull(number: number, by = 'maintainer'): string {
    const pull = this.pullByNumber(number);
    if (pull.state !== 'open') throw new FakeGitHubError(405, 'Pull Request is not mergeable');
    const head = this.commits.get(this.liveHead(pull))!;
    const sha = this.store({ message: `${pull.title} (#${number})`, parents: [this.head(pull.baseRef)], tree: new Map(head.tree), authorLogin: by, committerLogin: 'web-flow' });
    this.refs.set(`refs/heads/${pull.baseRef}`, sha);
    pull.headSha = head.sha;
    pull.state = 'closed';
    pull.merged = true;
    return sha;
  }

  /** A maintainer closes a pull request without merging it. */
  closePull(number: number): void {
    const pull = this.pullByNumber(number);
    pull.headSha = this.liveHead(pull);
    pull.state = 'closed';
  }

  pullByNumber(number: number): StoredPull {
    const pull = this.pulls.find((p) => p.number === number);
    if (!pull) throw new FakeGitHubError(404, `no pull request #${number}`);
    return pull;
  }

  // -- Repository contents ------------------------------------------------------------

  async viewerLogin(): Promise<string | undefined> {
    return this.actor;
  }

  async getDefaultBranch(_repo: RepoRef): Promise<string> {
    return this.defaultBranch;
  }

  async getFileText(_repo: RepoRef, path: string, ref: string): Promise<string | undefined> {
    return this.commitOf(ref)?.tree.get(path);
  }

  async listFiles(_repo: RepoRef, ref: string): Promise<string[]> {
    const commit = this.commitOf(ref);
    if (!commit) throw new FakeGitHubError(404, `no ref ${ref}`);
    return [...commit.tree.keys()].sort();
  }

  async getBranchSha(_repo: RepoRef, branch: string): Promise<string | undefined> {
    return this.refs.get(`refs/heads/${branch}`);
  }

  async getCommit(_repo: RepoRef, sha: string): Promise<CommitSummary | undefined> {
    const commit = this.commits.get(sha);
    return commit ? summary(commit) : undefined;
  }

  async listCommitsBetween(_repo: RepoRef, base: string, head: string): Promise<CommitSummary[]> {
    const baseCommit = this.commitOf(base);
    const headCommit = this.commitOf(head);
    if (!baseCommit || !headCommit) throw new FakeGitHubError(404, `no commit ${!baseCommit ? base : head}`);
    const fromBase = this.ancestors(baseCommit.sha);
    const out: StoredCommit[] = [];
    const seen = new Set<string>();
    const walk = (sha: string) => {
      if (seen.has(sha) || fromBase.has(sha)) return;
      seen.add(sha);
      const commit = this.commits.get(sha)!;
      for (const parent of commit.parents) walk(parent);
      out.push(commit);
    };
    walk(headCommit.sha);
    return out.map(summary);
  }

  async createCommit(_repo: RepoRef, commit: NewCommit): Promise<string> {
    if (!this.commits.has(commit.parentSha)) throw new FakeGitHubError(422, `parent ${commit.parentSha} does not exist`);
    this.writes.push(`createCommit ${commit.files.map((f) => f.path).join(',')}`);
    const files = Object.fromEntries(commit.files.map((f) => [f.path, f.content]));
    return this.store({ message: commit.message, parents: [commit.parentSha], tree: this.treeWith(commit.parentSha, files), authorLogin: this.actor, committerLogin: this.actor });
  }

  async createBranch(_repo: RepoRef, branch: string, sha: string): Promise<void> {
    if (!(await this.createRef(_repo, `refs/heads/${branch}`, sha))) throw new FakeGitHubError(422, 'Reference already exists');
  }

  async updateBranch(_repo: RepoRef, branch: string, sha: string, force: boolean): Promise<void> {
    const ref = `refs/heads/${branch}`;
    const current = this.refs.get(ref);
    if (!current) throw new FakeGitHubError(422, 'Reference does not exist');
    if (!this.commits.has(sha)) throw new FakeGitHubError(422, 'Object does not exist');
    if (!force && !this.ancestors(sha).has(current)) throw new FakeGitHubError(422, 'Update is not a fast forward');
    this.writes.push(`updateBranch ${branch}${force ? ' (force)' : ''}`);
    this.refs.set(ref, sha);
  }

  async getRefSha(_repo: RepoRef, ref: string): Promise<string | undefined> {
    return this.refs.get(ref);
  }

  async createRef(_repo: RepoRef, ref: string, sha: string): Promise<boolean> {
    if (!this.commits.has(sha)) throw new FakeGitHubError(422, 'Object does not exist');
    if (this.refs.has(ref)) return false;
    this.writes.push(`createRef ${ref}`);
    this.refs.set(ref, sha);
    return true;
  }

  async deleteRef(_repo: RepoRef, ref: string): Promise<void> {
    if (this.refs.delete(ref)) this.writes.push(`deleteRef ${ref}`);
  }

  // -- Pull requests ------------------------------------------------------------------

  async getPull(_repo: RepoRef, number: number): Promise<PullSummary | undefined> {
    const pull = this.pulls.find((p) => p.number === number);
    return pull ? this.pullSummary(pull) : undefined;
  }

  async listPullsForBranch(_repo: RepoRef, branch: string, state: 'open' | 'closed' | 'all'): Promise<PullSummary[]> {
    return this.pulls
      .filter((p) => p.headRef === branch && (state === 'all' || p.state === state))
      .sort((a, b) => b.number - a.number)
      .map((p) => this.pullSummary(p));
  }

  async createPull(_repo: RepoRef, input: PullInput): Promise<{ number: number }> {
    const head = this.refs.get(`refs/heads/${input.head}`);
    if (!head) throw new FakeGitHubError(422, `head ${input.head} does not exist`);
    if (this.pulls.some((p) => p.state === 'open' && p.headRef === input.head && p.baseRef === input.base)) {
      throw new FakeGitHubError(422, `A pull request already exists for ${input.head}`);
    }
    if ((await this.listCommitsBetween(_repo, input.base, input.head)).length === 0) throw new FakeGitHubError(422, `No commits between ${input.base} and ${input.head}`);
    const number = this.nextNumber++;
    this.writes.push(`createPull #${number}`);
    this.pulls.push({ number, state: 'open', merged: false, title: input.title, body: input.body, headRef: input.head, headSha: head, baseRef: input.base });
    return { number };
  }

  async updatePull(_repo: RepoRef, number: number, update: { title?: string; body?: string; state?: 'open' | 'closed' }): Promise<void> {
    const pull = this.pullByNumber(number);
    if (update.state === 'open' && pull.merged) throw new FakeGitHubError(422, 'Cannot reopen a merged pull request');
    this.writes.push(`updatePull #${number} ${Object.keys(update).sort().join(',')}`);
    if (update.state === 'closed' && pull.state === 'open') pull.headSha = this.liveHead(pull);
    if (update.title !== undefined) pull.title = update.title;
    if (update.body !== undefined) pull.body = update.body;
    if (update.state !== undefined) pull.state = update.state;
  }

  async listPullFiles(_repo: RepoRef, number: number): Promise<PullFile[]> {
    const pull = this.pullByNumber(number);
    const base = this.commitOf(pull.baseRef)!.tree;
    const head = this.commits.get(this.liveHead(pull))!.tree;
    const files: PullFile[] = [];
    for (const [path, text] of head) {
      if (!base.has(path)) files.push({ filename: path, status: 'added' });
      else if (base.get(path) !== text) files.push({ filename: path, status: 'modified' });
    }
    for (const path of base.keys()) if (!head.has(path)) files.push({ filename: path, status: 'removed' });
    return files;
  }

  // -- Issues, comments, labels -------------------------------------------------------

  async listIssuesWithLabel(_repo: RepoRef, label: string, state: 'open' | 'closed' | 'all'): Promise<IssueSummary[]> {
    return this.issues
      .filter((i) => i.labels.includes(label) && (state === 'all' || i.state === state))
      .sort((a, b) => b.number - a.number)
      .map(({ comments: _comments, ...issue }) => ({ ...issue, labels: [...issue.labels] }));
  }

  async createIssue(_repo: RepoRef, input: IssueInput): Promise<{ number: number }> {
    const number = this.nextNumber++;
    this.writes.push(`createIssue #${number}`);
    this.issues.push({ number, title: input.title, body: input.body, state: 'open', login: this.actor, labels: [...(input.labels ?? [])], createdAt: new Date(0).toISOString(), comments: [] });
    return { number };
  }

  async updateIssue(_repo: RepoRef, number: number, update: IssueUpdate): Promise<void> {
    const issue = this.issues.find((i) => i.number === number);
    if (!issue) throw new FakeGitHubError(404, `no issue #${number}`);
    this.writes.push(`updateIssue #${number}`);
    if (update.title !== undefined) issue.title = update.title;
    if (update.body !== undefined) issue.body = update.body;
    if (update.state !== undefined) issue.state = update.state;
  }

  async ensureLabel(_repo: RepoRef, name: string): Promise<void> {
    if (this.labels.has(name)) return;
    this.writes.push(`ensureLabel ${name}`);
    this.labels.add(name);
  }

  async addReaction(_repo: RepoRef, commentId: number, content: ReactionContent): Promise<void> {
    this.writes.push(`addReaction ${commentId} ${content}`);
  }

  async getPermission(): Promise<RepoPermission> {
    return 'write';
  }

  /** Comments on an issue or a pull request (pull requests are issues for comments). */
  commentsOn(number: number): ExistingComment[] {
    const issue = this.issues.find((i) => i.number === number);
    if (issue) return issue.comments;
    this.pullByNumber(number);
    let holder = this.pullComments.get(number);
    if (!holder) this.pullComments.set(number, (holder = []));
    return holder;
  }

  private readonly pullComments = new Map<number, ExistingComment[]>();

  async listIssueComments(_repo: RepoRef, number: number): Promise<ExistingComment[]> {
    return this.commentsOn(number).map((c) => ({ ...c }));
  }

  async createIssueComment(_repo: RepoRef, number: number, body: string): Promise<{ id: number }> {
    const comments = this.commentsOn(number);
    const id = this.nextId++;
    this.writes.push(`createIssueComment #${number}`);
    comments.push({ id, body, login: this.actor });
    return { id };
  }

  async updateIssueComment(_repo: RepoRef, id: number, body: string): Promise<void> {
    const all = [...this.issues.flatMap((i) => i.comments), ...[...this.pullComments.values()].flat()];
    const comment = all.find((c) => c.id === id);
    if (!comment) throw new FakeGitHubError(404, `no comment ${id}`);
    this.writes.push(`updateIssueComment ${id}`);
    comment.body = body;
  }

  // -- Checks and reviews (unused by the maintenance work; kept honest) --------------

  async listCheckRuns(): Promise<{ id: number; status: string; outputText?: string | null }[]> {
    return [];
  }

  async createCheckRun(_repo: RepoRef, input: CheckRunInput): Promise<{ id: number }> {
    this.writes.push(`createCheckRun ${input.name}`);
    return { id: this.nextId++ };
  }

  async updateCheckRun(_repo: RepoRef, id: number): Promise<void> {
    this.writes.push(`updateCheckRun ${id}`);
  }

  async listReviewComments(): Promise<ExistingComment[]> {
    return [];
  }

  async createReview(_repo: RepoRef, pull: number, _commitId: string, comments: ReviewCommentInput[]): Promise<void> {
    this.writes.push(`createReview #${pull} (${comments.length})`);
  }

  // -- Internals ----------------------------------------------------------------------

  private store(commit: Omit<StoredCommit, 'sha'>): string {
    const sha = createHash('sha1')
      .update(`${this.counter++}\0${commit.message}\0${commit.parents.join(',')}`)
      .digest('hex');
    this.commits.set(sha, { ...commit, sha });
    return sha;
  }

  private treeWith(parentSha: string, files: Record<string, string>): Map<string, string> {
    const tree = new Map(this.commits.get(parentSha)!.tree);
    for (const [path, content] of Object.entries(files)) tree.set(path, content);
    return tree;
  }

  /** A branch name, a fully qualified ref or a sha. */
  private commitOf(ref: string): StoredCommit | undefined {
    const sha = this.refs.get(`refs/heads/${ref}`) ?? this.refs.get(ref) ?? ref;
    return this.commits.get(sha);
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

  private liveHead(pull: StoredPull): string {
    return pull.state === 'open' ? (this.refs.get(`refs/heads/${pull.headRef}`) ?? pull.headSha) : pull.headSha;
  }

  private pullSummary(pull: StoredPull): PullSummary {
    return {
      number: pull.number,
      state: pull.state,
      merged: pull.merged,
      title: pull.title,
      body: pull.body,
      headRef: pull.headRef,
      headSha: this.liveHead(pull),
      headRepo: 'octo/awesome-things',
      baseRef: pull.baseRef,
      baseSha: this.head(pull.baseRef),
    };
  }
}

function summary(commit: StoredCommit): CommitSummary {
  return {
    sha: commit.sha,
    message: commit.message,
    ...(commit.authorLogin ? { authorLogin: commit.authorLogin } : {}),
    ...(commit.committerLogin ? { committerLogin: commit.committerLogin } : {}),
    parents: [...commit.parents],
  };
}
