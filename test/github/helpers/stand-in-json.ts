import { createHash } from 'node:crypto';
import type { StandInCommit } from './stand-in-git.js';
import type {
  StandInCheckRun,
  StandInIssue,
  StandInIssueComment,
  StandInLabel,
  StandInPull,
  StandInReaction,
  StandInRepo,
  StandInReview,
  StandInReviewComment,
  StandInRole,
  StandInUser,
} from './stand-in-state.js';

/** The state's objects in the shapes GitHub answers with (the fields the port reads, and a few more). */

const WEB = 'https://github.com';

export function userJson(user: StandInUser) {
  return { login: user.login, id: user.id, type: user.type, html_url: `${WEB}/${user.login}` };
}

/** A login's user: "…[bot]" logins are Bots; github-actions[bot] keeps its real id. */
export function userFor(login: string): StandInUser {
  const known: Record<string, number> = { 'github-actions[bot]': 41898282 };
  const id = known[login] ?? parseInt(createHash('sha1').update(login).digest('hex').slice(0, 7), 16);
  return { login, id, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
}

/** Git's blob id of a text. */
export function blobSha(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export function checkRunJson(run: StandInCheckRun) {
  return {
    id: run.id,
    name: run.name,
    head_sha: run.head_sha,
    status: run.status,
    conclusion: run.conclusion,
    output: { ...run.output, annotations_count: run.annotations.length },
    html_url: `${WEB}/${run.owner}/${run.repo}/runs/${run.id}`,
  };
}

function repoRefJson(fullName: string | null) {
  if (fullName === null) return null;
  const [owner = '', name = ''] = fullName.split('/');
  return { full_name: fullName, name, owner: { login: owner } };
}

/** A pull as GitHub's list and get answer it (`merged` only in the get, as on GitHub). */
export function pullJson(pull: StandInPull, withMerged = false) {
  const self = `${pull.owner}/${pull.repo}`;
  const headOwner = pull.head.repo?.split('/')[0] ?? 'unknown';
  return {
    number: pull.number,
    title: pull.title,
    body: pull.body === '' ? null : pull.body,
    state: pull.state,
    user: userJson(pull.user),
    labels: pull.labels.map((name) => ({ name })),
    created_at: pull.created_at,
    closed_at: pull.closed_at,
    merged_at: pull.merged_at,
    ...(withMerged ? { merged: pull.merged_at !== null } : {}),
    head: { sha: pull.head.sha, ref: pull.head.ref, label: `${headOwner}:${pull.head.ref}`, repo: repoRefJson(pull.head.repo) },
    base: { sha: pull.base.sha, ref: pull.base.ref, label: `${pull.owner}:${pull.base.ref}`, repo: repoRefJson(self) },
    html_url: `${WEB}/${self}/pull/${pull.number}`,
  };
}

export function labelJson(label: StandInLabel) {
  return { id: label.id, name: label.name, color: label.color, description: label.description, default: false };
}

/** An issue, or a pull in the issues list (with its `pull_request` key, as GitHub lists them). */
export function issueJson(issue: StandInIssue, labels: StandInLabel[]) {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body === '' ? null : issue.body,
    state: issue.state,
    state_reason: issue.state_reason,
    user: userJson(issue.user),
    labels: labels.map(labelJson),
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    html_url: `${WEB}/${issue.owner}/${issue.repo}/issues/${issue.number}`,
  };
}

export function pullAsIssueJson(pull: StandInPull, labels: StandInLabel[]) {
  return {
    number: pull.number,
    title: pull.title,
    body: pull.body === '' ? null : pull.body,
    state: pull.state,
    state_reason: null,
    user: userJson(pull.user),
    labels: labels.map(labelJson),
    created_at: pull.created_at,
    updated_at: pull.closed_at ?? pull.created_at,
    closed_at: pull.closed_at,
    html_url: `${WEB}/${pull.owner}/${pull.repo}/pull/${pull.number}`,
    pull_request: { html_url: `${WEB}/${pull.owner}/${pull.repo}/pull/${pull.number}`, merged_at: pull.merged_at },
  };
}

export function reactionJson(reaction: StandInReaction) {
  return { id: reaction.id, user: userJson(reaction.user), content: reaction.content, created_at: reaction.created_at };
}

export function repoJson(repo: StandInRepo) {
  return {
    id: repo.id,
    name: repo.repo,
    full_name: `${repo.owner}/${repo.repo}`,
    owner: { login: repo.owner },
    private: repo.private,
    visibility: repo.private ? 'private' : 'public',
    default_branch: repo.defaultBranch,
    html_url: `${WEB}/${repo.owner}/${repo.repo}`,
  };
}

/** The collaborator-permission answer: `permission` folds maintain into write and triage into read. */
export function permissionJson(user: StandInUser, role: StandInRole) {
  const legacy: Record<StandInRole, string> = { admin: 'admin', maintain: 'write', write: 'write', triage: 'read', read: 'read', none: 'none' };
  return { permission: legacy[role], role_name: role, user: userJson(user) };
}

/** `git/commits`'s shape: names and emails (never logins), tree and parents. */
export function gitCommitJson(commit: StandInCommit) {
  const person = (login: string | null) => ({
    name: login ?? 'Someone',
    email: login ? `${login}@users.noreply.github.com` : 'someone@example.com',
    date: commit.date,
  });
  return {
    sha: commit.sha,
    message: commit.message,
    author: person(commit.author),
    committer: person(commit.committer),
    tree: { sha: commit.treeSha },
    parents: commit.parents.map((sha) => ({ sha })),
  };
}

/** A commit as comparisons and commit lists give it: the git data, and the accounts of its people. */
export function repoCommitJson(commit: StandInCommit) {
  return {
    sha: commit.sha,
    commit: gitCommitJson(commit),
    author: commit.author === null ? null : userJson(userFor(commit.author)),
    committer: commit.committer === null ? null : userJson(userFor(commit.committer)),
    parents: commit.parents.map((sha) => ({ sha })),
  };
}

export function refJson(ref: string, sha: string) {
  return { ref, object: { type: 'commit', sha } };
}

export function reviewJson(review: StandInReview) {
  return {
    id: review.id,
    user: userJson(review.user),
    body: review.body,
    state: review.state,
    commit_id: review.commit_id,
    html_url: `${WEB}/${review.owner}/${review.repo}/pull/${review.pull}#pullrequestreview-${review.id}`,
  };
}

export function reviewCommentJson(comment: StandInReviewComment) {
  return {
    id: comment.id,
    pull_request_review_id: comment.review_id,
    commit_id: comment.commit_id,
    path: comment.path,
    line: comment.line,
    side: comment.side,
    start_line: comment.start_line,
    start_side: comment.start_side,
    body: comment.body,
    user: userJson(comment.user),
    html_url: `${WEB}/${comment.owner}/${comment.repo}/pull/${comment.pull}#discussion_r${comment.id}`,
  };
}

export function issueCommentJson(comment: StandInIssueComment) {
  return {
    id: comment.id,
    body: comment.body,
    user: userJson(comment.user),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    html_url: `${WEB}/${comment.owner}/${comment.repo}/issues/${comment.issue}#issuecomment-${comment.id}`,
  };
}
