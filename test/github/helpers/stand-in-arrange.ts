import { isFullSha, type StandInCommit } from './stand-in-git.js';
import { userFor } from './stand-in-json.js';
import { closePull, moveRef, openPull, syncPull } from './stand-in-pull-model.js';
import {
  StandInState,
  type StandInIssue,
  type StandInIssueComment,
  type StandInLabel,
  type StandInPull,
  type StandInPullFile,
  type StandInReaction,
  type StandInReactionContent,
  type StandInReviewComment,
  type StandInRole,
} from './stand-in-state.js';

/**
 * What a test arranges in the stand-in's GitHub before the code under test runs, and
 * reads back after: files and commits on branches, refs, pulls, issues, comments,
 * labels, reactions and permissions. The API stand-in extends this class.
 */

export interface PushInput {
  /** Files to write (text) or delete (null). */
  files: Record<string, string | null>;
  message?: string;
  /** Who pushes (author and committer); default "octocat", a human. */
  login?: string;
  /** Push even when the branch has moved on: the new commit goes on `parent` and the branch is forced to it. */
  parent?: string;
}

export class StandInArrangement {
  protected readonly store: StandInState;
  private readonly tokenLogin: string;

  protected constructor(store: StandInState, tokenLogin: string) {
    this.store = store;
    this.tokenLogin = tokenLogin;
  }

  /** The in-memory GitHub, live. */
  get state(): StandInState {
    return this.store;
  }

  /** The login the token acts as. */
  get login(): string {
    return this.tokenLogin;
  }

  // ---------------------------------------------------------------------------------
  // Repositories, files, commits and refs.

  /** Sets a repository's default branch (default: the stand-in's `defaultBranch`) and whether it is private. */
  setRepository(owner: string, repo: string, settings: { defaultBranch?: string; private?: boolean }): void {
    const repository = this.store.repo(owner, repo);
    if (settings.defaultBranch !== undefined) repository.defaultBranch = settings.defaultBranch;
    if (settings.private !== undefined) repository.private = settings.private;
  }

  /**
   * Puts a file at a revision. A 40-hex sha names a commit that is changed in place (made,
   * without parents, when new): for pulls arranged with `addPull` and made-up shas. Any
   * other name is a branch (or a full ref): the file is committed on top of it, by
   * "octocat"; a new branch starts from the default branch's head (or from nothing).
   */
  setFile(owner: string, repo: string, ref: string, path: string, text: string): void {
    const git = this.store.git(owner, repo);
    if (isFullSha(ref) && (git.commits.has(ref) || git.fullRef(ref) === undefined)) {
      const commit = git.commits.get(ref) ?? git.addCommit({ sha: ref, message: 'Made up by the test', parents: [], files: new Map(), author: 'octocat', date: this.store.now() });
      git.amend(commit, path, text);
      return;
    }
    this.pushCommit(owner, repo, ref, { files: { [path]: text }, message: `Set ${path}` });
  }

  /**
   * A commit pushed to a branch by someone (default "octocat"): the files changed on top of
   * the branch's head (a new branch starts from the default branch's head). Open pulls on
   * the branch follow it, as on GitHub. Returns the new commit's sha.
   */
  pushCommit(owner: string, repo: string, branch: string, push: PushInput): string {
    const git = this.store.git(owner, repo);
    const ref = branch.startsWith('refs/') ? branch : `refs/heads/${branch}`;
    const defaultRef = `refs/heads/${this.store.repo(owner, repo).defaultBranch}`;
    const parentSha = push.parent ?? git.refs.get(ref) ?? git.refs.get(defaultRef);
    const parent = parentSha === undefined ? undefined : git.commits.get(parentSha);
    if (parentSha !== undefined && !parent) throw new Error(`pushCommit: no commit ${parentSha} in ${owner}/${repo}`);
    const files = new Map(parent?.files ?? []);
    for (const [path, text] of Object.entries(push.files)) {
      if (text === null) files.delete(path);
      else files.set(path, text);
    }
    const login = push.login ?? 'octocat';
    const commit = git.addCommit({
      message: push.message ?? `Update ${Object.keys(push.files).join(', ')}`,
      parents: parent ? [parent.sha] : [],
      files,
      author: login,
      date: this.store.now(),
    });
    moveRef(this.store, owner, repo, ref, commit.sha);
    return commit.sha;
  }

  /** Points a full ref (`refs/heads/x`, `refs/listwarden/lease-report`) at a commit, or deletes it (undefined); pulls follow. */
  setRef(owner: string, repo: string, ref: string, sha: string | undefined): void {
    moveRef(this.store, owner, repo, ref, sha);
  }

  /** The commit a branch points at, or undefined. */
  branchSha(owner: string, repo: string, branch: string): string | undefined {
    return this.store.git(owner, repo).refs.get(`refs/heads/${branch}`);
  }

  /** Every ref of a repository: full ref → sha. */
  refsOf(owner: string, repo: string): Record<string, string> {
    return Object.fromEntries([...this.store.git(owner, repo).refs].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  /** A commit (message, parents, files, author and committer logins) by sha or any revision. */
  commitAt(owner: string, repo: string, revision: string): StandInCommit | undefined {
    return this.store.git(owner, repo).resolve(revision);
  }

  /** The first-parent history of a revision, newest first. */
  historyOf(owner: string, repo: string, revision: string): StandInCommit[] {
    const git = this.store.git(owner, repo);
    const commits: StandInCommit[] = [];
    for (let commit = git.resolve(revision); commit; commit = git.commits.get(commit.parents[0] ?? '')) commits.push(commit);
    return commits;
  }

  /** A file's text at a revision, or undefined. */
  fileAt(owner: string, repo: string, revision: string, path: string): string | undefined {
    return this.store.git(owner, repo).resolve(revision)?.files.get(path);
  }

  // ---------------------------------------------------------------------------------
  // Pulls.

  /**
   * A pull as the test describes it (made-up shas welcome); it does not follow branches.
   * For a pull whose head and files come from real commits, see `openPull`.
   */
  addPull(
    owner: string,
    repo: string,
    number: number,
    pull: {
      headSha?: string;
      headRef?: string;
      baseSha?: string;
      baseRef?: string;
      title?: string;
      body?: string;
      login?: string;
      labels?: string[];
      /** `owner/repo` of the head, null for a deleted fork (default this repository). */
      headRepo?: string | null;
      state?: 'open' | 'closed';
      merged?: boolean;
      commits?: string[];
      files?: (Partial<StandInPullFile> & { filename: string })[];
    } = {},
  ): StandInPull {
    const created = this.store.now();
    const closed = pull.state === 'closed' || pull.merged === true;
    const added: StandInPull = {
      owner,
      repo,
      number,
      title: pull.title ?? `Pull ${number}`,
      body: pull.body ?? '',
      user: userFor(pull.login ?? 'octocat'),
      state: closed ? 'closed' : 'open',
      merged_at: pull.merged ? created : null,
      closed_at: closed ? created : null,
      created_at: created,
      labels: pull.labels ?? [],
      head: { sha: pull.headSha ?? 'a'.repeat(40), ref: pull.headRef ?? `branch-${number}`, repo: pull.headRepo === undefined ? `${owner}/${repo}` : pull.headRepo },
      base: { sha: pull.baseSha ?? 'b'.repeat(40), ref: pull.baseRef ?? 'main' },
      commits: pull.commits ?? [],
      files: (pull.files ?? []).map((file) => ({ status: 'modified', ...file })),
      live: false,
    };
    this.store.pulls.set(StandInState.numberKey(owner, repo, number), added);
    return added;
  }

  /**
   * A pull opened by someone (default "octocat") from a branch of this repository, or of a
   * fork with `owner:branch`, as GitHub opens it: its head, commits and files follow the
   * branches. Throws GitHub's reason when GitHub would refuse it.
   */
  openPull(owner: string, repo: string, pull: { head: string; base?: string; title?: string; body?: string; login?: string }): StandInPull {
    const opened = openPull(this.store, owner, repo, {
      head: pull.head,
      base: pull.base ?? this.store.repo(owner, repo).defaultBranch,
      title: pull.title ?? `Changes from ${pull.head}`,
      body: pull.body ?? '',
      user: userFor(pull.login ?? 'octocat'),
    });
    if (Array.isArray(opened)) throw new Error(`GitHub would refuse this pull: ${JSON.stringify(opened)}`);
    return opened;
  }

  /**
   * Closes a pull as a maintainer would; `merged` merges it first (a merge commit on the
   * base branch, when its commits are in the git model); `deleteBranch` then deletes the
   * head branch. Returns the merge commit's sha, if one was made.
   */
  closePull(owner: string, repo: string, number: number, options: { merged?: boolean; login?: string; deleteBranch?: boolean } = {}): string | undefined {
    const pull = this.pull(owner, repo, number);
    if (!pull) throw new Error(`closePull: no pull #${number} in ${owner}/${repo}`);
    return closePull(this.store, pull, { ...options, login: userFor(options.login ?? 'octocat') });
  }

  /** Merges a pull (see `closePull`). */
  mergePull(owner: string, repo: string, number: number, options: { login?: string; deleteBranch?: boolean } = {}): string | undefined {
    return this.closePull(owner, repo, number, { ...options, merged: true });
  }

  /** Reopens a closed, unmerged pull (its head follows its branch again). */
  reopenPull(owner: string, repo: string, number: number): void {
    const pull = this.pull(owner, repo, number);
    if (!pull || pull.merged_at !== null) throw new Error(`reopenPull: #${number} is missing or merged`);
    pull.state = 'open';
    pull.closed_at = null;
    syncPull(this.store, pull);
  }

  pull(owner: string, repo: string, number: number): StandInPull | undefined {
    return this.store.pulls.get(StandInState.numberKey(owner, repo, number));
  }

  /** Every pull of a repository, by number. */
  pullsOf(owner: string, repo: string): StandInPull[] {
    return this.store.pullsOf(owner, repo);
  }

  // ---------------------------------------------------------------------------------
  // Issues, comments, labels, reactions, permissions.

  /** An issue already there (by "octocat" unless `login` says; labels by name, made when missing). */
  addIssue(owner: string, repo: string, number: number, issue: Partial<Omit<StandInIssue, 'owner' | 'repo' | 'number' | 'user'>> & { login?: string } = {}): StandInIssue {
    const { login, ...rest } = issue;
    const created = this.store.now();
    const added: StandInIssue = {
      owner,
      repo,
      number,
      title: `Issue ${number}`,
      body: '',
      state: 'open',
      state_reason: null,
      labels: [],
      user: userFor(login ?? 'octocat'),
      created_at: created,
      updated_at: created,
      closed_at: rest.state === 'closed' ? created : null,
      ...rest,
    };
    for (const name of added.labels) this.store.ensureLabel(owner, repo, name);
    this.store.issues.set(StandInState.numberKey(owner, repo, number), added);
    return added;
  }

  issue(owner: string, repo: string, number: number): StandInIssue | undefined {
    return this.store.issues.get(StandInState.numberKey(owner, repo, number));
  }

  /** Every issue (not pull) of a repository, by number. */
  issuesOf(owner: string, repo: string): StandInIssue[] {
    return [...this.store.issues.values()].filter((i) => i.owner === owner && i.repo === repo).sort((a, b) => a.number - b.number);
  }

  /** An issue comment already there (by the token's login unless told). */
  addIssueComment(owner: string, repo: string, issue: number, body: string, login = this.login): StandInIssueComment {
    const created = this.store.now();
    const comment: StandInIssueComment = { owner, repo, issue, id: this.store.nextId(), body, user: userFor(login), created_at: created, updated_at: created };
    this.store.issueComments.push(comment);
    return comment;
  }

  /** Comments of an issue or pull, oldest first. */
  commentsOn(owner: string, repo: string, issue: number): StandInIssueComment[] {
    return this.store.issueComments.filter((c) => c.owner === owner && c.repo === repo && c.issue === issue);
  }

  /** A review comment already there (by the token's login unless told). */
  addReviewComment(owner: string, repo: string, pull: number, comment: { path: string; line: number | null; body: string; login?: string }): StandInReviewComment {
    const stored: StandInReviewComment = {
      owner,
      repo,
      pull,
      id: this.store.nextId(),
      review_id: null,
      commit_id: this.store.pulls.get(StandInState.numberKey(owner, repo, pull))?.head.sha ?? 'a'.repeat(40),
      path: comment.path,
      line: comment.line,
      side: 'RIGHT',
      start_line: null,
      start_side: null,
      body: comment.body,
      user: userFor(comment.login ?? this.login),
    };
    this.store.reviewComments.push(stored);
    return stored;
  }

  /** A label already in the repository (color without `#`). */
  addLabel(owner: string, repo: string, name: string, color = 'ededed', description: string | null = null): StandInLabel {
    return this.store.ensureLabel(owner, repo, name, color, description);
  }

  /** The repository's labels, in creation order. */
  labelsOf(owner: string, repo: string): StandInLabel[] {
    return [...this.store.repo(owner, repo).labels];
  }

  /** A reaction already on an issue comment (by the token's login unless told). */
  addReaction(owner: string, repo: string, commentId: number, content: StandInReactionContent, login = this.login): StandInReaction {
    const reaction: StandInReaction = { owner, repo, commentId, id: this.store.nextId(), content, user: userFor(login), created_at: this.store.now() };
    this.store.reactions.push(reaction);
    return reaction;
  }

  /** The reactions on an issue comment, oldest first. */
  reactionsOn(owner: string, repo: string, commentId: number): StandInReaction[] {
    return this.store.reactions.filter((r) => r.owner === owner && r.repo === repo && r.commentId === commentId);
  }

  /**
   * A user's role in the repository (what the collaborator-permission API answers). Without
   * one, the owner is admin and anyone else `read` (public) or `none` (private repository).
   */
  setPermission(owner: string, repo: string, login: string, role: StandInRole): void {
    this.store.repo(owner, repo).roles.set(login.toLowerCase(), role);
  }
}
