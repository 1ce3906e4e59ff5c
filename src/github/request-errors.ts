import { GitHubPermissionError } from './port.js';

/**
 * Reading Octokit's errors: the HTTP status, whether GitHub was rate limiting, and the
 * refusals of a write that mean "this token may not" (a fork PR's read-only GITHUB_TOKEN,
 * a PAT without the scope, a PAT on the Checks API, which only Apps may write).
 */

interface ErrorLike {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

/** The HTTP status of an Octokit error, or undefined when there was no answer. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as ErrorLike).status;
  return typeof status === 'number' && status > 0 ? status : undefined;
}

/** GitHub's own message (`{"message": …}`), without Octokit's documentation URL suffix. */
export function gitHubMessage(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const data = (error as ErrorLike).response?.data;
  if (typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string') {
    return (data as { message: string }).message;
  }
  const message = (error as ErrorLike).message;
  return typeof message === 'string' ? message : String(error);
}

/** A 403/429 that is a primary or secondary rate limit, not a refusal. */
export function isRateLimited(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== 403 && status !== 429) return false;
  const headers = (error as ErrorLike).response?.headers ?? {};
  if (String(headers['x-ratelimit-remaining']) === '0') return true;
  if (headers['retry-after'] !== undefined) return true;
  return /rate limit/i.test(gitHubMessage(error));
}

/**
 * The permission error a failed write stands for, or undefined when it is some other
 * failure. A 403 that is not a rate limit is a refusal. A 404 on a create is one too:
 * GitHub answers 404 instead of 403 where telling would leak that the target exists
 * (tokens without the scope, Apps not installed on the repository); a 404 on an update
 * means the thing updated is gone, which the caller handles as such.
 */
export function permissionErrorFor(error: unknown, method: string, what: string): GitHubPermissionError | undefined {
  const status = statusOf(error);
  const refused = (status === 403 && !isRateLimited(error)) || (status === 404 && method === 'POST');
  if (!refused || status === undefined) return undefined;
  return new GitHubPermissionError(`GitHub refused ${what} (${status}): ${gitHubMessage(error)}`, status);
}
