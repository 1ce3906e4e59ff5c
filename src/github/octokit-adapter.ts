import { MAX_COMMENT_BODY, checkRunBodies, clip } from './github-limits.js';
import { gitPort } from './octokit-adapter-git.js';
import { issuePort } from './octokit-adapter-issues.js';
import { createOctokit, type GitHubLog, type ListwardenOctokit, type OctokitClientOptions } from './octokit-client.js';
import type { ExistingComment, GitHubPort, PullFile, ReviewCommentInput } from './port.js';
import { permissionErrorFor, statusOf } from './request-errors.js';

/**
 * The GitHubPort over Octokit, for the Action (GITHUB_TOKEN, baseUrl from GITHUB_API_URL)
 * and the app (installation tokens). Lists are paginated 100 at a time; writes that GitHub
 * refuses for lack of permission throw GitHubPermissionError, so callers can fall back.
 */

export type GitHubPortOptions = OctokitClientOptions;
export type { GitHubLog };

const PER_PAGE = 100;

/** What the parts of the port share: the client, the write wrapper, body clipping and the log. */
export interface AdapterContext {
  octokit: ListwardenOctokit;
  /** Runs a write, turning GitHub's "you may not" into GitHubPermissionError. */
  write<T>(method: string, what: string, run: () => Promise<T>): Promise<T>;
  /** A comment, issue or pull-request body cut to GitHub's limit (with a warning when cut). */
  commentBody(body: string): string;
  perPage: number;
  log?: GitHubLog;
}

interface ApiComment {
  id: number | bigint;
  body?: string | null;
  user?: { login: string } | null;
  path?: string;
  line?: number | null;
}

/** GitHub's ids are int64; Octokit parses those past 2^53 as bigint, which no id comes near yet. */
function toId(id: number | bigint): number {
  return Number(id);
}

function toExisting(comment: ApiComment, withPlace: boolean): ExistingComment {
  const existing: ExistingComment = { id: toId(comment.id), body: comment.body ?? '', login: comment.user?.login ?? '' };
  if (withPlace) {
    if (comment.path !== undefined) existing.path = comment.path;
    existing.line = comment.line ?? null;
  }
  return existing;
}

/** The text of a contents-API answer: raw text, raw bytes, or the JSON form with base64 content. */
function contentText(data: unknown): string | undefined {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
  if (data instanceof Uint8Array) return new TextDecoder().decode(data);
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const file = data as { type?: string; content?: string; encoding?: string };
    if (file.type === 'file' && typeof file.content === 'string' && file.encoding === 'base64') {
      return Buffer.from(file.content, 'base64').toString('utf8');
    }
  }
  return undefined; // a directory, a symlink or submodule entry, or a file too large for the JSON form
}

export function createGitHubPort(options: GitHubPortOptions): GitHubPort {
  const octokit = createOctokit(options);
  let viewer: Promise<string | undefined> | undefined;

  /** Runs a write, turning GitHub's "you may not" into GitHubPermissionError. */
  async function write<T>(method: string, what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw permissionErrorFor(error, method, what) ?? error;
    }
  }

  function commentBody(body: string): string {
    const clipped = clip(body, MAX_COMMENT_BODY);
    if (clipped !== body) options.log?.warn(`A GitHub comment was cut to ${MAX_COMMENT_BODY} characters`);
    return clipped;
  }

  const context: AdapterContext = { octokit, write, commentBody, perPage: PER_PAGE, ...(options.log ? { log: options.log } : {}) };

  const port: GitHubPort = {
    ...issuePort(context),
    ...gitPort(context),

    viewerLogin() {
      viewer ??= octokit.rest.users.getAuthenticated().then(
        ({ data }) => data.login,
        (error: unknown) => {
          // GITHUB_TOKEN and installation tokens may not read /user: 403 (or 404 on some hosts).
          // That answer stands for the token's life; any other failure is asked again next time.
          const status = statusOf(error);
          if (status === 403 || status === 404) return undefined;
          viewer = undefined;
          throw error;
        },
      );
      return viewer;
    },

    async getFileText(repo, path, ref) {
      try {
        const { data } = await octokit.rest.repos.getContent({
          ...repo,
          path: path.replace(/^\/+/, ''),
          ref,
          headers: { accept: 'application/vnd.github.raw' },
        });
        return contentText(data);
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },

    async getFile(repo, path, ref) {
      const wanted = path.replace(/^\/+/, '');
      let data: unknown;
      try {
        ({ data } = await octokit.rest.repos.getContent({ ...repo, path: wanted, ref }));
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
      if (Array.isArray(data)) return { kind: 'directory' };
      const entry = data as { type?: string; path?: string; sha?: string; size?: number; content?: string; encoding?: string };
      if (entry.type === 'symlink') return { kind: 'symlink' };
      if (entry.type === 'submodule') return { kind: 'submodule' };
      if (entry.type !== 'file') return undefined;
      // GitHub follows a symbolic link to a file and answers with the target (its own path).
      if (entry.path !== undefined && entry.path !== wanted) return { kind: 'symlink' };
      if (entry.encoding === 'base64' && typeof entry.content === 'string') return { kind: 'file', bytes: Buffer.from(entry.content, 'base64') };
      // Past 1 MB the JSON form carries no content (encoding "none"): the blob API has it.
      if (!entry.sha) return undefined;
      const blob = await octokit.rest.git.getBlob({ ...repo, file_sha: entry.sha });
      return { kind: 'file', bytes: Buffer.from(blob.data.content, blob.data.encoding === 'base64' ? 'base64' : 'utf8') };
    },

    async listPullFiles(repo, pull) {
      const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pull, per_page: PER_PAGE });
      return files.map((file): PullFile => ({
        filename: file.filename,
        status: file.status,
        ...(file.previous_filename !== undefined ? { previousFilename: file.previous_filename } : {}),
      }));
    },

    async listCheckRuns(repo, ref, name) {
      const runs = await octokit.paginate(octokit.rest.checks.listForRef, { ...repo, ref, check_name: name, per_page: PER_PAGE });
      return runs.map((run) => ({ id: toId(run.id), status: run.status, outputText: run.output.text ?? null }));
    },

    async createCheckRun(repo, input) {
      const [first, ...rest] = checkRunBodies(input);
      const { data } = await write('POST', `creating check run "${input.name}"`, () =>
        octokit.rest.checks.create({ ...repo, ...first, name: input.name, head_sha: input.head_sha }),
      );
      for (const body of rest) {
        await write('PATCH', `adding annotations to check run ${data.id}`, () =>
          octokit.rest.checks.update({ ...repo, check_run_id: toId(data.id), ...body }),
        );
      }
      return { id: toId(data.id) };
    },

    async updateCheckRun(repo, id, input) {
      const { head_sha: _headSha, ...update } = input;
      for (const body of checkRunBodies(update)) {
        await write('PATCH', `updating check run ${id}`, () => octokit.rest.checks.update({ ...repo, check_run_id: id, ...body }));
      }
    },

    async listReviewComments(repo, pull) {
      const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, {
        ...repo,
        pull_number: pull,
        per_page: PER_PAGE,
      });
      return comments.map((comment) => toExisting(comment, true));
    },

    async createReview(repo, pull, commitId, comments, body) {
      if (comments.length === 0 && !body) return;
      await write('POST', `creating a review on #${pull}`, () =>
        octokit.rest.pulls.createReview({
          ...repo,
          pull_number: pull,
          commit_id: commitId,
          event: 'COMMENT',
          ...(body ? { body: commentBody(body) } : {}),
          comments: comments.map(reviewComment),
        }),
      );
    },

    async listIssueComments(repo, issue) {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        ...repo,
        issue_number: issue,
        per_page: PER_PAGE,
      });
      return comments.map((comment) => toExisting(comment, false));
    },

    async createIssueComment(repo, issue, body) {
      const { data } = await write('POST', `commenting on #${issue}`, () =>
        octokit.rest.issues.createComment({ ...repo, issue_number: issue, body: commentBody(body) }),
      );
      return { id: toId(data.id) };
    },

    async updateIssueComment(repo, id, body) {
      await write('PATCH', `updating comment ${id}`, () =>
        octokit.rest.issues.updateComment({ ...repo, comment_id: id, body: commentBody(body) }),
      );
    },
  };
  return port;
}

/** A line comment on the head side; a range only when it spans more than one line. */
function reviewComment(comment: ReviewCommentInput) {
  const range = comment.start_line !== undefined && comment.start_line < comment.line;
  return {
    path: comment.path,
    line: comment.line,
    side: 'RIGHT',
    ...(range ? { start_line: comment.start_line, start_side: 'RIGHT' } : {}),
    body: clip(comment.body, MAX_COMMENT_BODY),
  };
}
