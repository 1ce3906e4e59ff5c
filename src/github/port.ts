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

export interface GitHubPort {
  /** The login the token acts as (e.g. "github-actions[bot]"), when it can be told. */
  viewerLogin(): Promise<string | undefined>;
  /** A file's text at a ref, or undefined when the file does not exist there. */
  getFileText(repo: RepoRef, path: string, ref: string): Promise<string | undefined>;
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
