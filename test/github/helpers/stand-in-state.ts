import { StandInGit } from './stand-in-git.js';

/**
 * The in-memory GitHub the stand-in plays: repositories (their git objects and refs,
 * labels, default branch, who may do what), pulls and their files, issues, check runs,
 * reviews and their comments, issue comments and their reactions. Everything is public
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
  body: string;
  user: StandInUser;
  state: 'open' | 'closed';
  merged_at: string | null;
  closed_at: string | null;
  created_at: string;
  labels: string[];
  /** `repo`: the head's repository (`owner/name`); null when the fork is gone. */
  head: { sha: string; ref: string; repo: string | null };
  base: { sha: string; ref: string };
  /** Commits of the pull a review may be made on (the head's always may). */
  commits: string[];
  files: StandInPullFile[];
  /**
   * Whether head, base, commits and files follow the branches in the git model (pulls
   * opened through the API or `openPull`); pulls from `addPull` keep what the test gave.
   */
  live: boolean;
}

/** A plain issue (pulls are issues too, but live in `pulls`). */
export interface StandInIssue {
  owner: string;
  repo: string;
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'duplicate' | 'reopened' | null;
  /** Label names. */
  labels: string[];
  user: StandInUser;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface StandInLabel {
  id: number;
  name: string;
  /** Six hex digits, no `#`. */
  color: string;
  description: string | null;
}

export type StandInReactionContent = '+1' | '-1' | 'laugh' | 'confused' | 'heart' | 'hooray' | 'rocket' | 'eyes';

/** A reaction on an issue comment. */
export interface StandInReaction {
  owner: string;
  repo: string;
  commentId: number;
  id: number;
  content: StandInReactionContent;
  user: StandInUser;
  created_at: string;
}

/** A role in a repository; `none` for no access. */
export type StandInRole = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface StandInRepo {
  owner: string;
  repo: string;
  id: number;
  defaultBranch: string;
  /** Private repositories give users who are no collaborators `none`, public ones `read`. */
  private: boolean;
  git: StandInGit;
  labels: StandInLabel[];
  /** Lower-case login → role, for collaborators (the owner is always admin). */
  roles: Map<string, StandInRole>;
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
  /** `owner/repo` → the repository, made on first use with the stand-in's default branch. */
  readonly repos = new Map<string, StandInRepo>();
  /** `owner/repo#number` → pull. */
  readonly pulls = new Map<string, StandInPull>();
  /** `owner/repo#number` → issue. */
  readonly issues = new Map<string, StandInIssue>();
  readonly checkRuns: StandInCheckRun[] = [];
  readonly reviews: StandInReview[] = [];
  readonly reviewComments: StandInReviewComment[] = [];
  readonly issueComments: StandInIssueComment[] = [];
  readonly reactions: StandInReaction[] = [];
  /** GitHub cuts recursive trees past 100,000 entries (and 7 MB) and says `truncated`; tests may lower it. */
  treeEntryLimit = 100_000;
  private lastId = 1000;
  private clock = Date.UTC(2025, 0, 1);

  constructor(readonly defaultBranch = 'main') {}

  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  /** A timestamp one second after the previous one, so order shows in times too. */
  now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  static numberKey(owner: string, repo: string, number: number): string {
    return `${owner}/${repo}#${number}`;
  }

  /** The repository (made on first use: every repository exists, as far as the stand-in knows). */
  repo(owner: string, repo: string): StandInRepo {
    const key = `${owner}/${repo}`.toLowerCase();
    let found = this.repos.get(key);
    if (!found) {
      found = { owner, repo, id: this.nextId(), defaultBranch: this.defaultBranch, private: false, git: new StandInGit(), labels: [], roles: new Map() };
      this.repos.set(key, found);
    }
    return found;
  }

  git(owner: string, repo: string): StandInGit {
    return this.repo(owner, repo).git;
  }

  /** Whether #number is a pull or an issue of the repository. */
  hasIssue(owner: string, repo: string, number: number): boolean {
    const key = StandInState.numberKey(owner, repo, number);
    return this.pulls.has(key) || this.issues.has(key);
  }

  /** The number the next issue or pull of the repository gets (they share one sequence). */
  nextNumber(owner: string, repo: string): number {
    let max = 0;
    for (const item of [...this.issues.values(), ...this.pulls.values()]) {
      if (item.owner === owner && item.repo === repo) max = Math.max(max, item.number);
    }
    return max + 1;
  }

  /** The repository's label of that name (GitHub compares label names without case). */
  label(owner: string, repo: string, name: string): StandInLabel | undefined {
    return this.repo(owner, repo).labels.find((label) => label.name.toLowerCase() === name.toLowerCase());
  }

  /** A label, made with GitHub's grey when missing (as issue writes naming unknown labels do). */
  ensureLabel(owner: string, repo: string, name: string, color = 'ededed', description: string | null = null): StandInLabel {
    const existing = this.label(owner, repo, name);
    if (existing) return existing;
    const label: StandInLabel = { id: this.nextId(), name, color, description };
    this.repo(owner, repo).labels.push(label);
    return label;
  }

  /** Pulls of a repository, by number. */
  pullsOf(owner: string, repo: string): StandInPull[] {
    return [...this.pulls.values()].filter((p) => p.owner === owner && p.repo === repo).sort((a, b) => a.number - b.number);
  }
}
