import { blobSha, issueCommentJson, userJson } from './stand-in-json.js';
import { compileRoute, errorReply, notFound, unprocessable, type Reply, type Route, type RouteContext } from './stand-in-router.js';
import { StandInState, type StandInIssueComment } from './stand-in-state.js';

/**
 * The token's user, file contents at a ref (raw or GitHub's JSON form, directories as
 * listings), and issue comments (which pulls have too). Issues themselves are read-only
 * here for now: `issues/create` and `issues/update` have schemas in the fixture, ready for
 * routes when the app opens issues.
 */

export interface RepoRouteOptions {
  /** `user`: a PAT, which may read /user. `installation`: GITHUB_TOKEN or an App's token, which may not. */
  tokenKind: 'user' | 'installation';
  defaultBranch: string;
}

function contents(context: RouteContext, defaultBranch: string): Reply {
  const { owner = '', repo = '', path = '' } = context.params;
  const ref = context.query.get('ref') ?? defaultBranch;
  const text = context.state.files.get(StandInState.fileKey(owner, repo, ref, path));
  if (text !== undefined) {
    const accept = String(context.headers.accept ?? '');
    if (/application\/vnd\.github(?:\.v3)?\.raw/.test(accept)) {
      return { status: 200, text, headers: { 'content-type': 'text/plain; charset=utf-8' } };
    }
    const name = path.split('/').pop() ?? path;
    const base64 = Buffer.from(text, 'utf8').toString('base64');
    const content = (base64.match(/.{1,60}/g) ?? []).join('\n') + '\n';
    const sha = blobSha(text);
    return { status: 200, body: { type: 'file', encoding: 'base64', name, path, sha, size: Buffer.byteLength(text), content } };
  }
  const prefix = StandInState.fileKey(owner, repo, ref, path === '' ? '' : `${path}/`);
  const entries = new Map<string, 'file' | 'dir'>();
  for (const key of context.state.files.keys()) {
    if (!key.startsWith(prefix)) continue;
    const [first, ...more] = key.slice(prefix.length).split('/');
    if (first) entries.set(first, more.length > 0 ? 'dir' : entries.get(first) ?? 'file');
  }
  if (entries.size === 0) return notFound();
  const listing = [...entries].sort().map(([name, type]) => ({ type, name, path: path === '' ? name : `${path}/${name}` }));
  return { status: 200, body: listing };
}

function findComment({ state, params }: RouteContext): StandInIssueComment | undefined {
  return state.issueComments.find((c) => c.owner === params.owner && c.repo === params.repo && c.id === Number(params.comment_id));
}

function issueNumber({ state, params }: RouteContext): number | undefined {
  const number = Number(params.issue_number);
  return state.hasIssue(params.owner ?? '', params.repo ?? '', number) ? number : undefined;
}

export function repoRoutes(options: RepoRouteOptions): Route[] {
  return [
    compileRoute('GET', '/user', (context) =>
      options.tokenKind === 'user'
        ? { status: 200, body: userJson(context.viewer) }
        : errorReply(403, 'Resource not accessible by integration'),
    ),
    compileRoute('GET', '/repos/{owner}/{repo}/contents/{+path}', (context) => contents(context, options.defaultBranch)),
    compileRoute('GET', '/repos/{owner}/{repo}/contents', (context) => contents(context, options.defaultBranch)),
    compileRoute('GET', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (context) => {
      const comment = findComment(context);
      return comment ? { status: 200, body: issueCommentJson(comment) } : notFound();
    }),
    compileRoute('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (context) => {
      const comment = findComment(context);
      if (!comment) return notFound();
      const { body } = context.body as { body: string };
      if (body.trim() === '') return unprocessable('Body cannot be blank');
      comment.body = body;
      comment.updated_at = context.state.now();
      return { status: 200, body: issueCommentJson(comment) };
    }),
    compileRoute('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (context) => {
      const number = issueNumber(context);
      if (number === undefined) return notFound();
      const { owner, repo } = context.params;
      const comments = context.state.issueComments.filter((c) => c.owner === owner && c.repo === repo && c.issue === number);
      return context.page(comments.map(issueCommentJson));
    }),
    compileRoute('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (context) => {
      const number = issueNumber(context);
      if (number === undefined) return notFound();
      const { body } = context.body as { body: string };
      if (body.trim() === '') return unprocessable('Body cannot be blank');
      const created = context.state.now();
      const comment: StandInIssueComment = {
        owner: context.params.owner ?? '',
        repo: context.params.repo ?? '',
        issue: number,
        id: context.state.nextId(),
        body,
        user: context.viewer,
        created_at: created,
        updated_at: created,
      };
      context.state.issueComments.push(comment);
      return { status: 201, body: issueCommentJson(comment) };
    }),
  ];
}
