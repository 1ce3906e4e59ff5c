import { rightLines } from './diff-lines.js';
import { pullJson, reviewCommentJson, reviewJson } from './stand-in-json.js';
import { compileRoute, notFound, unprocessable, type Route, type RouteContext } from './stand-in-router.js';
import { StandInState, type StandInPull, type StandInReview, type StandInReviewComment } from './stand-in-state.js';

/**
 * Pulls: the pull, its files, its reviews and review comments. A review is checked as
 * GitHub checks it: a COMMENT review needs a body or comments, its commit must be one of
 * the pull's, each comment must name a file of the pull and, where the file's patch is
 * known, sit on a head-side line of it, a range within one hunk.
 */

interface ReviewCommentBody {
  path: string;
  body: string;
  position?: number;
  line?: number;
  side?: string;
  start_line?: number;
  start_side?: string;
}

interface ReviewBody {
  commit_id?: string;
  body?: string;
  event?: string;
  comments?: ReviewCommentBody[];
}

function findPull({ state, params }: RouteContext): StandInPull | undefined {
  return state.pulls.get(StandInState.numberKey(params.owner ?? '', params.repo ?? '', Number(params.pull_number)));
}

function commentProblems(pull: StandInPull, comment: ReviewCommentBody, i: number): string[] {
  const at = `comments[${i}] (${comment.path}:${comment.line ?? comment.position ?? '?'})`;
  const file = pull.files.find((f) => f.filename === comment.path);
  if (!file) return [`${at}: Path could not be resolved`];
  if (comment.line === undefined && comment.position === undefined) return [`${at}: Line could not be resolved`];
  const sides = ['LEFT', 'RIGHT'];
  if (comment.side !== undefined && !sides.includes(comment.side)) return [`${at}: side must be LEFT or RIGHT`];
  if (comment.start_side !== undefined && !sides.includes(comment.start_side)) return [`${at}: start_side must be LEFT or RIGHT`];
  if (comment.start_line !== undefined) {
    if (comment.line === undefined) return [`${at}: start_line needs line`];
    if (comment.start_line >= comment.line) return [`${at}: start_line must precede the end line`];
  }
  if (file.patch === undefined || comment.line === undefined || (comment.side ?? 'RIGHT') !== 'RIGHT') return [];
  const lines = rightLines(file.patch);
  const hunk = lines.get(comment.line);
  if (hunk === undefined) return [`${at}: Pull request review thread line must be part of the diff`];
  if (comment.start_line !== undefined && lines.get(comment.start_line) !== hunk) {
    return [`${at}: Pull request review thread start line must be part of the same hunk as the line`];
  }
  return [];
}

function createReview(context: RouteContext, pull: StandInPull) {
  const body = context.body as ReviewBody;
  const comments = body.comments ?? [];
  const found: string[] = [];
  if ((body.event === 'COMMENT' || body.event === 'REQUEST_CHANGES') && !body.body && comments.length === 0) {
    found.push(`A ${body.event} review needs a body or comments`);
  }
  const commit = body.commit_id ?? pull.head.sha;
  if (commit !== pull.head.sha && !pull.commits.includes(commit)) found.push(`No commit found for SHA: ${commit}`);
  comments.forEach((comment, i) => found.push(...commentProblems(pull, comment, i)));
  if (found.length > 0) return unprocessable(...found);

  const { state, viewer } = context;
  const events: Record<string, string> = { COMMENT: 'COMMENTED', APPROVE: 'APPROVED', REQUEST_CHANGES: 'CHANGES_REQUESTED' };
  const review: StandInReview = {
    owner: pull.owner,
    repo: pull.repo,
    pull: pull.number,
    id: state.nextId(),
    commit_id: commit,
    event: body.event ?? 'PENDING',
    state: events[body.event ?? ''] ?? 'PENDING',
    body: body.body ?? '',
    user: viewer,
    commentIds: [],
  };
  for (const comment of comments) {
    const stored: StandInReviewComment = {
      owner: pull.owner,
      repo: pull.repo,
      pull: pull.number,
      id: state.nextId(),
      review_id: review.id,
      commit_id: commit,
      path: comment.path,
      line: comment.line ?? null,
      side: comment.side === 'LEFT' ? 'LEFT' : 'RIGHT',
      start_line: comment.start_line ?? null,
      start_side: comment.start_line === undefined ? null : comment.start_side === 'LEFT' ? 'LEFT' : 'RIGHT',
      body: comment.body,
      user: viewer,
    };
    state.reviewComments.push(stored);
    review.commentIds.push(stored.id);
  }
  state.reviews.push(review);
  return { status: 200, body: reviewJson(review) };
}

export function pullRoutes(): Route[] {
  const withPull = (handler: (context: RouteContext, pull: StandInPull) => ReturnType<typeof notFound>) => (context: RouteContext) => {
    const pull = findPull(context);
    return pull ? handler(context, pull) : notFound();
  };
  const ofPull = (pull: StandInPull) => (item: { owner: string; repo: string; pull: number }) =>
    item.owner === pull.owner && item.repo === pull.repo && item.pull === pull.number;
  return [
    compileRoute('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', withPull((_context, pull) => ({ status: 200, body: pullJson(pull) }))),
    compileRoute('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files', withPull((context, pull) => context.page(pull.files.slice(0, 3000)))),
    compileRoute(
      'GET',
      '/repos/{owner}/{repo}/pulls/{pull_number}/comments',
      withPull((context, pull) => context.page(context.state.reviewComments.filter(ofPull(pull)).map(reviewCommentJson))),
    ),
    compileRoute(
      'GET',
      '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      withPull((context, pull) => context.page(context.state.reviews.filter(ofPull(pull)).map(reviewJson))),
    ),
    compileRoute('POST', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', withPull(createReview)),
  ];
}
