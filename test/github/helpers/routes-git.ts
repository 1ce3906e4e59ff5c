import type { StandInGit } from './stand-in-git.js';
import { gitCommitJson, refJson, repoCommitJson } from './stand-in-json.js';
import { moveRef } from './stand-in-pull-model.js';
import { compileRoute, errorReply, notFound, unprocessable, type Reply, type Route, type RouteContext } from './stand-in-router.js';

/**
 * The Git Data API over the git model: refs (get, create, update, delete), commits (get,
 * create), trees (get, recursive or not, at a tree sha or any revision; create on a base
 * tree) and comparisons. GitHub's rules beyond the schema: a ref must start with `refs/`
 * and have two slashes, must not exist to be created and must exist to be moved or
 * deleted; a move that is no fast forward needs `force`; objects named must exist; a tree
 * entry gives `content` or `sha`, not both.
 */

interface TreeBody {
  base_tree?: string;
  tree: { path?: string; mode?: string; type?: string; sha?: string | null; content?: string }[];
}

interface CommitBody {
  message: string;
  tree: string;
  parents?: string[];
  author?: { name: string; email: string; date?: string };
}

const gitOf = ({ state, params }: RouteContext): StandInGit => state.git(params.owner ?? '', params.repo ?? '');

/** The full ref of the single-ref endpoints' `{ref}` (`heads/main` → `refs/heads/main`). */
const fullRef = (context: RouteContext) => `refs/${context.params.ref ?? ''}`;

function getTree(context: RouteContext): Reply {
  const found = gitOf(context).treeOf(context.params.tree_sha ?? '');
  if (!found) return notFound();
  const recursive = ['1', 'true'].includes(context.query.get('recursive') ?? '');
  const entries = gitOf(context).treeEntries(found.files, recursive);
  const limit = context.state.treeEntryLimit;
  return { status: 200, body: { sha: found.sha, tree: entries.slice(0, limit), truncated: entries.length > limit } };
}

function createTree(context: RouteContext): Reply {
  const git = gitOf(context);
  const body = context.body as TreeBody;
  let files = new Map<string, string>();
  if (body.base_tree !== undefined) {
    const base = git.trees.get(body.base_tree);
    if (!base) return unprocessable(`base_tree ${body.base_tree} is not a valid tree`);
    files = new Map(base);
  }
  for (const [i, entry] of body.tree.entries()) {
    if (entry.type !== undefined && entry.type !== 'blob') throw new Error(`tree[${i}]: the stand-in writes blobs only`);
    if (!entry.path) return unprocessable(`tree[${i}]: path is required`);
    if (entry.content !== undefined && entry.sha !== undefined) return unprocessable(`tree[${i}]: give either content or sha, not both`);
    if (entry.sha === null) {
      files.delete(entry.path);
    } else if (entry.sha !== undefined) {
      const text = git.blobs.get(entry.sha);
      if (text === undefined) return unprocessable(`tree.sha ${entry.sha} is not a valid blob`);
      files.set(entry.path, text);
    } else {
      files.set(entry.path, entry.content ?? '');
    }
  }
  const sha = git.storeTree(files);
  return { status: 201, body: { sha, tree: git.treeEntries(files, false), truncated: false } };
}

function createCommit(context: RouteContext): Reply {
  const git = gitOf(context);
  const body = context.body as CommitBody;
  const tree = git.trees.get(body.tree);
  if (!tree) return unprocessable('Tree SHA does not exist');
  const parents = body.parents ?? [];
  if (parents.some((sha) => !git.commits.has(sha))) return unprocessable('Parent SHA does not exist or is not a commit object');
  // GitHub ties the commit to the token's account unless an author is given.
  const author = body.author ? (/^(.+)@users\.noreply\.github\.com$/.exec(body.author.email)?.[1]?.replace(/^\d+\+/, '') ?? null) : context.viewer.login;
  const commit = git.addCommit({ message: body.message, parents, files: tree, author, committer: context.viewer.login, date: body.author?.date ?? context.state.now() });
  return { status: 201, body: gitCommitJson(commit) };
}

function createRef(context: RouteContext): Reply {
  const { ref, sha } = context.body as { ref: string; sha: string };
  if (!/^refs\/[^/]+\/.+/.test(ref)) return unprocessable("ref must start with 'refs/' and have at least two slashes");
  const git = gitOf(context);
  if (!git.commits.has(sha)) return unprocessable('Object does not exist');
  if (git.refs.has(ref)) return unprocessable('Reference already exists');
  moveRef(context.state, context.params.owner ?? '', context.params.repo ?? '', ref, sha);
  return { status: 201, body: refJson(ref, sha) };
}

function updateRef(context: RouteContext): Reply {
  const ref = fullRef(context);
  const { sha, force } = context.body as { sha: string; force?: boolean };
  const git = gitOf(context);
  const current = git.refs.get(ref);
  if (current === undefined) return unprocessable('Reference does not exist');
  if (!git.commits.has(sha)) return unprocessable('Object does not exist');
  if (!force && !git.isAncestor(current, sha)) return unprocessable('Update is not a fast forward');
  moveRef(context.state, context.params.owner ?? '', context.params.repo ?? '', ref, sha);
  return { status: 200, body: refJson(ref, sha) };
}

function compare(context: RouteContext): Reply {
  const git = gitOf(context);
  const [baseName = '', headName = ''] = (context.params.basehead ?? '').split('...');
  const base = git.resolve(baseName);
  const head = git.resolve(headName);
  if (!base || !head) return notFound();
  const mergeBase = git.mergeBase(base.sha, head.sha);
  if (mergeBase === undefined) return errorReply(404, `No common ancestor between ${baseName} and ${headName}.`);
  const ahead = git.between(base.sha, head.sha);
  const behind = git.between(head.sha, base.sha);
  const status = ahead.length === 0 ? (behind.length === 0 ? 'identical' : 'behind') : behind.length === 0 ? 'ahead' : 'diverged';
  // Without paging GitHub lists at most 250 commits; with per_page/page it pages them.
  const paged = context.query.has('per_page') || context.query.has('page');
  const perPage = Math.min(100, Math.max(1, Number(context.query.get('per_page')) || 30));
  const page = Math.max(1, Number(context.query.get('page')) || 1);
  const commits = paged ? ahead.slice((page - 1) * perPage, page * perPage) : ahead.slice(0, 250);
  return {
    status: 200,
    body: {
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      merge_base_commit: repoCommitJson(git.commits.get(mergeBase) ?? head),
      base_commit: repoCommitJson(base),
      commits: commits.map(repoCommitJson),
    },
  };
}

export function gitRoutes(): Route[] {
  return [
    compileRoute('GET', '/repos/{owner}/{repo}/git/ref/{+ref}', (context) => {
      const ref = fullRef(context);
      const sha = gitOf(context).refs.get(ref);
      return sha === undefined ? notFound() : { status: 200, body: refJson(ref, sha) };
    }),
    compileRoute('POST', '/repos/{owner}/{repo}/git/refs', createRef),
    compileRoute('PATCH', '/repos/{owner}/{repo}/git/refs/{+ref}', updateRef),
    compileRoute('DELETE', '/repos/{owner}/{repo}/git/refs/{+ref}', (context) => {
      const ref = fullRef(context);
      if (!gitOf(context).refs.has(ref)) return unprocessable('Reference does not exist');
      moveRef(context.state, context.params.owner ?? '', context.params.repo ?? '', ref, undefined);
      return { status: 204 };
    }),
    compileRoute('GET', '/repos/{owner}/{repo}/git/commits/{commit_sha}', (context) => {
      // Only a full sha names a commit here (no branches, no abbreviations).
      const commit = gitOf(context).commits.get(context.params.commit_sha ?? '');
      return commit ? { status: 200, body: gitCommitJson(commit) } : notFound();
    }),
    compileRoute('POST', '/repos/{owner}/{repo}/git/commits', createCommit),
    compileRoute('GET', '/repos/{owner}/{repo}/git/trees/{+tree_sha}', getTree),
    compileRoute('POST', '/repos/{owner}/{repo}/git/trees', createTree),
    compileRoute('GET', '/repos/{owner}/{repo}/compare/{+basehead}', compare),
  ];
}
