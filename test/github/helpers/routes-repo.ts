import { blobSha, issueCommentJson, permissionJson, repoJson, userFor, userJson } from './stand-in-json.js';
import { compileRoute, errorReply, notFound, unprocessable, type Reply, type Route, type RouteContext } from './stand-in-router.js';
import type { StandInIssueComment, StandInRole, StandInState } from './stand-in-state.js';

/**
 * The token's user, the repository (its default branch), file contents at a revision
 * (raw or GitHub's JSON form, directories as listings, read from the git model), issue
 * comments (which pulls have too), and a user's permission.
 */

export interface RepoRouteOptions {
  /** `user`: a PAT, which may read /user. `installation`: GITHUB_TOKEN or an App's token, which may not. */
  tokenKind: 'user' | 'installation';
  /** Whether the token is read-only (GitHub then refuses the permission endpoint too). */
  readOnly(): boolean;
}

/**
 * A login's role: the owner's is admin, a collaborator's what the test set; anyone else
 * may read a public repository (GitHub answers `read` for them) and nothing of a private one.
 */
export function roleOf(state: StandInState, owner: string, repo: string, login: string): StandInRole {
  const repository = state.repo(owner, repo);
  if (login.toLowerCase() === owner.toLowerCase()) return 'admin';
  return repository.roles.get(login.toLowerCase()) ?? (repository.private ? 'none' : 'read');
}

function contents(context: RouteContext): Reply {
  const { owner = '', repo = '', path = '' } = context.params;
  const git = context.state.git(owner, repo);
  const ref = context.query.get('ref') ?? context.state.repo(owner, repo).defaultBranch;
  const commit = git.resolve(ref);
  if (!commit) return errorReply(404, `No commit found for the ref ${ref}`);
  const text = commit.files.get(path);
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
  const prefix = path === '' ? '' : `${path}/`;
  const entries = new Map<string, 'file' | 'dir'>();
  for (const key of commit.files.keys()) {
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
    compileRoute('GET', '/repos/{owner}/{repo}', ({ state, params }) => ({ status: 200, body: repoJson(state.repo(params.owner ?? '', params.repo ?? '')) })),
    compileRoute('GET', '/repos/{owner}/{repo}/collaborators/{username}/permission', ({ state, params }) => {
      if (options.readOnly()) return errorReply(403, 'Must have push access to view collaborator permission.');
      const { owner = '', repo = '', username = '' } = params;
      return { status: 200, body: permissionJson(userFor(username), roleOf(state, owner, repo, username)) };
    }),
    compileRoute('GET', '/repos/{owner}/{repo}/contents/{+path}', contents),
    compileRoute('GET', '/repos/{owner}/{repo}/contents', contents),
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
