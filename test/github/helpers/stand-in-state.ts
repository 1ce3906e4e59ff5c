/**
 * The in-memory GitHub the stand-in plays: files at refs, pulls and their files, issues,
 * check runs, reviews and their comments, issue comments, and refs. Everything is public
 * so tests can arrange it and read it back; ids come from one counter, as on GitHub
 * where no two objects of a kind share one.
 */

export interface StandInUser {
  login: string;
  id: number;
  type: 'Bot' | 'User';
}

export interface StandInPullFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
  /** Unified diff of the file; when set, review comments must sit on its head-side lines. */
  patch?: string;
}

export interface StandInPull {
  owner: string;
  repo: string;
  number: number;
  title: string;
  head: { sha: string; ref: string };
  base: { sha: string; ref: string };
  /** Commits of the pull a review may be made on (the head's always may). */
  commits: string[];
  files: StandInPullFile[];
}

/** A plain issue (pulls are issues too, but live in `pulls`). Later: create and update. */
export interface StandInIssue {
  owner: string;
  repo: string;
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
}

export interface StandInAnnotation {
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

export interface StandInCheckRun {
  owner: string;
  repo: string;
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  /** Every annotation of the run: GitHub appends those of each update to the earlier ones. */
  annotations: StandInAnnotation[];
  /** How many requests wrote the run (create, then updates). */
  writes: number;
}

export interface StandInReview {
  owner: string;
  repo: string;
  pull: number;
  id: number;
  commit_id: string;
  event: string;
  state: string;
  body: string;
  user: StandInUser;
  commentIds: number[];
}

export interface StandInReviewComment {
  owner: string;
  repo: string;
  pull: number;
  id: number;
  review_id: number | null;
  commit_id: string;
  path: string;
  line: number | null;
  side: 'LEFT' | 'RIGHT';
  start_line: number | null;
  start_side: 'LEFT' | 'RIGHT' | null;
  body: string;
  user: StandInUser;
}

export interface StandInIssueComment {
  owner: string;
  repo: string;
  issue: number;
  id: number;
  body: string;
  user: StandInUser;
  created_at: string;
  updated_at: string;
}

export class StandInState {
  /** `owner/repo@ref:path` → text. */
  readonly files = new Map<string, string>();
  /** `owner/repo#number` → pull. */
  readonly pulls = new Map<string, StandInPull>();
  /** `owner/repo#number` → issue. */
  readonly issues = new Map<string, StandInIssue>();
  /** `owner/repo:refs/heads/name` → sha. For later: branches the app creates. */
  readonly refs = new Map<string, string>();
  readonly checkRuns: StandInCheckRun[] = [];
  readonly reviews: StandInReview[] = [];
  readonly reviewComments: StandInReviewComment[] = [];
  readonly issueComments: StandInIssueComment[] = [];
  private lastId = 1000;
  private clock = Date.UTC(2025, 0, 1);

  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  /** A timestamp one second after the previous one, so order shows in times too. */
  now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  static fileKey(owner: string, repo: string, ref: string, path: string): string {
    return `${owner}/${repo}@${ref}:${path}`;
  }

  static numberKey(owner: string, repo: string, number: number): string {
    return `${owner}/${repo}#${number}`;
  }

  /** Whether #number is a pull or an issue of the repository. */
  hasIssue(owner: string, repo: string, number: number): boolean {
    const key = StandInState.numberKey(owner, repo, number);
    return this.pulls.has(key) || this.issues.has(key);
  }
}
