/**
 * What listwarden asks of GitHub. The use cases depend on this port only; the Octokit
 * adapter implements it for the Action and the Probot app, and tests use a local stand-in
 * of the REST API. Every write is idempotent at the use-case level: it first finds its
 * earlier self (a hidden marker, the bot's login) and updates it instead of creating a twin.
 */

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface PullFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previousFilename?: string;
}

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
  annotations?: Annotation[];
}

export interface CheckRunInput {
  name: string;
  head_sha: string;
  status: 'in_progress' | 'completed';
  conclusion?: 'success' | 'failure' | 'neutral';
  output: CheckRunOutput;
}

export interface ReviewCommentInput {
  path: string;
  /** Line in the head version (RIGHT side). */
  line: number;
  /** First line of a multi-line comment. */
  start_line?: number;
  body: string;
}

export interface ExistingComment {
  id: number;
  body: string;
  login: string;
  /** For review comments: the file and line they sit on. */
  path?: string;
  line?: number | null;
}

/** A write GitHub refused because the token may not do it (fork PRs, read-only tokens). */
export class GitHubPermissionError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * A path at a ref as the contents API tells it: a file's exact bytes (never decoded on the
 * way), or what else stands there — a symbolic link (also when GitHub follows it to its
 * target), a submodule or a directory, which listwarden never reads as a list nor writes.
 */
export type RepoFile = { kind: 'file'; bytes: Uint8Array } | { kind: 'symlink' | 'submodule' | 'directory' };

export interface GitHubPort {
  /** The login the token acts as (e.g. "github-actions[bot]"), when it can be told. */
  viewerLogin(): Promise<string | undefined>;
  /** A file's text at a ref, or undefined when the file does not exist there. */
  getFileText(repo: RepoRef, path: string, ref: string): Promise<string | undefined>;
  /** A path's bytes at a ref (or what else is there), undefined when nothing is. */
  getFile(repo: RepoRef, path: string, ref: string): Promise<RepoFile | undefined>;
  listPullFiles(repo: RepoRef, pull: number): Promise<PullFile[]>;
  /** Check runs of a commit with this name (to update the earlier one instead of adding a twin). */
  listCheckRuns(repo: RepoRef, ref: string, name: string): Promise<{ id: number; status: string; outputText?: string | null }[]>;
  createCheckRun(repo: RepoRef, input: CheckRunInput): Promise<{ id: number }>;
  updateCheckRun(repo: RepoRef, id: number, input: Partial<CheckRunInput>): Promise<void>;
  listReviewComments(repo: RepoRef, pull: number): Promise<ExistingComment[]>;
  /** One review (event COMMENT) carrying the given line comments. */
  createReview(repo: RepoRef, pull: number, commitId: string, comments: ReviewCommentInput[], body?: string): Promise<void>;
  listIssueComments(repo: RepoRef, issue: number): Promise<ExistingComment[]>;
  createIssueComment(repo: RepoRef, issue: number, body: string): Promise<{ id: number }>;
  updateIssueComment(repo: RepoRef, id: number, body: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------
// Issues, labels, reactions and permissions (the scheduled report and slash commands).

export interface IssueSummary {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  /** The author's login. */
  login: string;
  labels: string[];
  createdAt: string;
}

export interface IssueInput {
  title: string;
  body: string;
  labels?: string[];
}

export interface IssueUpdate {
  title?: string;
  body?: string;
  state?: 'open' | 'closed';
  state_reason?: 'completed' | 'not_planned' | 'reopened';
}

export type ReactionContent = '+1' | 'eyes' | 'rocket' | 'confused';

/** The collaborator-permission API's answer (`permission`); `none` for no access. */
export type RepoPermission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

// ---------------------------------------------------------------------------------------
// Branches, commits and pull requests (maintenance PRs, fixes pushed to a PR branch).

export interface PullSummary {
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  title: string;
  body: string;
  headRef: string;
  headSha: string;
  /** `owner/repo` of the head; differs from the base repository for forks; undefined when the fork is gone. */
  headRepo?: string;
  baseRef: string;
  baseSha: string;
}

export interface CommitSummary {
  sha: string;
  message: string;
  /** GitHub logins of the author and committer, when GitHub could tie them to accounts. */
  authorLogin?: string;
  committerLogin?: string;
  parents: string[];
}

export interface FileWrite {
  path: string;
  /** The whole new text (a leading U+FEFF writes a byte order mark). Written as UTF-8, keeping the file's mode. */
  content: string;
}

export interface NewCommit {
  message: string;
  /** The commit the new one follows. */
  parentSha: string;
  files: FileWrite[];
}

export interface PullInput {
  title: string;
  body: string;
  /** Branch name in this repository. */
  head: string;
  base: string;
}

export interface GitHubPort {
  /** Issues (never pull requests) carrying the label, newest first. */
  listIssuesWithLabel(repo: RepoRef, label: string, state: 'open' | 'closed' | 'all'): Promise<IssueSummary[]>;
  createIssue(repo: RepoRef, input: IssueInput): Promise<{ number: number }>;
  updateIssue(repo: RepoRef, number: number, update: IssueUpdate): Promise<void>;
  /** Creates the label when the repository lacks it (an existing one is left as it is). */
  ensureLabel(repo: RepoRef, name: string, color: string, description: string): Promise<void>;
  /** A reaction on an issue or pull-request comment (not a review comment). */
  addReaction(repo: RepoRef, commentId: number, content: ReactionContent): Promise<void>;
  /** What a user may do in the repository, from the collaborator-permission API. */
  getPermission(repo: RepoRef, username: string): Promise<RepoPermission>;

  getDefaultBranch(repo: RepoRef): Promise<string>;
  /** Every file path at a ref (recursive tree), `/`-separated. */
  listFiles(repo: RepoRef, ref: string): Promise<string[]>;
  getPull(repo: RepoRef, pull: number): Promise<PullSummary | undefined>;
  /** The commit a branch points at, or undefined when there is no such branch. */
  getBranchSha(repo: RepoRef, branch: string): Promise<string | undefined>;
  /** Commits reachable from `head` and not from `base` (oldest first). */
  listCommitsBetween(repo: RepoRef, base: string, head: string): Promise<CommitSummary[]>;
  /**
   * A commit (tree on top of the parent's, with the files replaced); returns its sha. Moves
   * no branch. A replaced file keeps its mode (an executable stays one); a path that is a
   * symbolic link or a submodule in the parent is refused (throws), never overwritten.
   */
  createCommit(repo: RepoRef, commit: NewCommit): Promise<string>;
  createBranch(repo: RepoRef, branch: string, sha: string): Promise<void>;
  /** Moves a branch; without `force` only fast-forward (GitHub answers 422 otherwise). */
  updateBranch(repo: RepoRef, branch: string, sha: string, force: boolean): Promise<void>;
  /** The commit a fully qualified ref (`refs/listwarden/lease-report`) points at, or undefined. */
  getRefSha(repo: RepoRef, ref: string): Promise<string | undefined>;
  /** Creates a fully qualified ref; false when it already exists (GitHub's 422), so it can serve as a lock. */
  createRef(repo: RepoRef, ref: string, sha: string): Promise<boolean>;
  /** Deletes a fully qualified ref; a missing one is not an error. */
  deleteRef(repo: RepoRef, ref: string): Promise<void>;
  /** A commit's message and parents, or undefined when there is no such commit. */
  getCommit(repo: RepoRef, sha: string): Promise<CommitSummary | undefined>;
  /** Pull requests whose head is this repository's branch. */
  listPullsForBranch(repo: RepoRef, branch: string, state: 'open' | 'closed' | 'all'): Promise<PullSummary[]>;
  createPull(repo: RepoRef, input: PullInput): Promise<{ number: number }>;
  updatePull(repo: RepoRef, pull: number, update: { title?: string; body?: string; state?: 'open' | 'closed' }): Promise<void>;
}
