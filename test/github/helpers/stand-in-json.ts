import { createHash } from 'node:crypto';
import type {
  StandInCheckRun,
  StandInIssueComment,
  StandInPull,
  StandInReview,
  StandInReviewComment,
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

export function pullJson(pull: StandInPull) {
  return {
    number: pull.number,
    title: pull.title,
    state: 'open',
    head: { sha: pull.head.sha, ref: pull.head.ref },
    base: { sha: pull.base.sha, ref: pull.base.ref },
    html_url: `${WEB}/${pull.owner}/${pull.repo}/pull/${pull.number}`,
  };
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
