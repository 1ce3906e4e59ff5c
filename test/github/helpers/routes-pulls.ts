import { rightLines } from './diff-lines.js';
import { pullJson, reviewCommentJson, reviewJson } from './stand-in-json.js';
import { openPull, syncPull } from './stand-in-pull-model.js';
import { compileRoute, errorReply, notFound, unprocessable, type Reply, type Route, type RouteContext } from './stand-in-router.js';
import { StandInState, type StandInPull, type StandInReview, type StandInReviewComment } from './stand-in-state.js';

/**
 * Pulls: the list (by state, head `owner:branch` and base, newest first), the pull (with
 * `merged`, which the list lacks), create and update (see stand-in-pull-model.ts for
 * GitHub's rules on opening one), its files, its reviews and review comments. A review is checked as
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

function listPulls(context: RouteContext): Reply {
  const { owner = '', repo = '' } = context.params;
  const { query } = context;
  const state = query.get('state') ?? 'open';
  const head = query.get('head');
  const base = query.get('base');
  const pulls = context.state.pullsOf(owner, repo).filter((pull) => {
    if (state !== 'all' && pull.state !== state) return false;
    if (base !== null && pull.base.ref !== base) return false;
    if (head === null) return true;
    const [user = '', branch] = head.split(/:(.*)/s);
    return pull.head.repo?.split('/')[0]?.toLowerCase() === user.toLowerCase() && (branch === undefined || branch === '' || pull.head.ref === branch);
  });
  const sort = query.get('sort') ?? 'created';
  const direction = query.get('direction') ?? (sort === 'created' ? 'desc' : 'asc');
  if (direction === 'desc') pulls.reverse();
  return context.page(pulls.map((pull) => pullJson(pull)));
}

function createPull(context: RouteContext): Reply {
  const { owner = '', repo = '' } = context.params;
  const body = context.body as { title?: string; body?: string; head: string; base: string };
  if (body.title === undefined || body.title.trim() === '') return errorReply(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'title', code: 'missing_field' }]);
  const opened = openPull(context.state, owner, repo, { head: body.head, base: body.base, title: body.title, body: body.body ?? '', user: context.viewer });
  if (Array.isArray(opened)) return errorReply(422, 'Validation Failed', opened);
  return { status: 201, body: pullJson(opened, true) };
}

function updatePull(context: RouteContext, pull: StandInPull): Reply {
  const body = context.body as { title?: string; body?: string; state?: 'open' | 'closed'; base?: string };
  if (body.base !== undefined && body.base !== pull.base.ref) {
    const sha = context.state.git(pull.owner, pull.repo).refs.get(`refs/heads/${body.base}`);
    if (sha === undefined) return errorReply(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
    pull.base = { ref: body.base, sha };
  }
  if (body.state === 'open' && pull.state === 'closed') {
    if (pull.merged_at !== null) return unprocessable('state cannot be changed. The pull request has been merged.');
    const [headOwner = '', headRepo = ''] = (pull.head.repo ?? '/').split('/');
    const sha = pull.live ? context.state.git(headOwner, headRepo).refs.get(`refs/heads/${pull.head.ref}`) : pull.head.sha;
    if (sha === undefined) return unprocessable(`state cannot be changed. The ${pull.head.ref} branch has been deleted.`);
    pull.head.sha = sha;
    pull.state = 'open';
    pull.closed_at = null;
  } else if (body.state === 'closed' && pull.state === 'open') {
    pull.state = 'closed';
    pull.closed_at = context.state.now();
  }
  if (body.title !== undefined) pull.title = body.title;
  if (body.body !== undefined) pull.body = body.body;
  syncPull(context.state, pull);
  return { status: 200, body: pullJson(pull, true) };
}

export function pullRoutes(): Route[] {
  const withPull = (handler: (context: RouteContext, pull: StandInPull) => Reply) => (context: RouteContext) => {
    const pull = findPull(context);
    return pull ? handler(context, pull) : notFound();
  };
  const ofPull = (pull: StandInPull) => (item: { owner: string; repo: string; pull: number }) =>
    item.owner === pull.owner && item.repo === pull.repo && item.pull === pull.number;
  return [
    compileRoute('GET', '/repos/{owner}/{repo}/pulls', listPulls),
    compileRoute('POST', '/repos/{owner}/{repo}/pulls', createPull),
    compileRoute('GET', '/repos/{owner}/{repo}/pulls/{pull_number}', withPull((_context, pull) => ({ status: 200, body: pullJson(pull, true) }))),
    compileRoute('PATCH', '/repos/{owner}/{repo}/pulls/{pull_number}', withPull(updatePull)),
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
