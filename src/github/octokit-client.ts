import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import { observeResponses, type ResponseObserver } from './response-observer.js';
import { trimEndChars } from '../core/text/trim.js';

/**
 * The Octokit listwarden talks to GitHub with: REST methods, pagination, retries of
 * server errors (plugin-retry) and waits on rate limits (plugin-throttling).
 *
 * Who retries what: plugin-retry retries 5xx and network failures, (n+1)² seconds apart;
 * it never retries 4xx, 429 included, which belongs to plugin-throttling. That one waits
 * out a primary limit (`x-ratelimit-remaining: 0`, until `x-ratelimit-reset`) or a
 * secondary one ("secondary rate limit", for `retry-after`) and tries again, a bounded
 * number of times, and only when the wait is short enough; otherwise the 403/429 goes
 * to the caller. A 403 that is neither is a refusal and is never retried.
 */

export interface GitHubLog {
  warn(message: string): void;
  info(message: string): void;
}

export interface OctokitClientOptions {
  token: string;
  baseUrl?: string;
  userAgent?: string;
  /** Retries of a 5xx or network failure (default 3). */
  retries?: number;
  log?: GitHubLog;
  throttle?: {
    /** Retries after a rate limit (default 2). */
    onRateLimitRetries?: number;
    /** Longest wait for a rate limit, in seconds (default 60); a longer one fails at once. */
    maxWaitSeconds?: number;
    /**
     * Keep GitHub's advised spacing of writes: one at a time, 1 s apart, 3 s for those
     * that notify people (comments, reviews). Default true; tests turn it off.
     */
    spaceWrites?: boolean;
  };
  /** Give up on one request attempt after this long (default 60 s); it counts as a network failure. */
  timeoutMs?: number;
  /** Told of each request's outcome, after retries (the app's metrics). */
  onResponse?: ResponseObserver;
}

export const DEFAULT_BASE_URL = 'https://api.github.com';
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 429, 451];

const PluggedOctokit = Octokit.plugin(restEndpointMethods, paginateRest, retry, throttling);
export type ListwardenOctokit = InstanceType<typeof PluggedOctokit>;

const consoleLog: GitHubLog = {
  warn: (message) => console.warn(message),
  info: () => {},
};

interface LimitedRequest {
  method: string;
  url: string;
}

export function createOctokit(options: OctokitClientOptions): ListwardenOctokit {
  const log = options.log ?? consoleLog;
  const maxRetries = options.throttle?.onRateLimitRetries ?? 2;
  const maxWait = options.throttle?.maxWaitSeconds ?? 60;
  const timeoutMs = options.timeoutMs ?? 60_000;

  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: LimitedRequest, _octokit: unknown, retryCount: number): boolean => {
      const what = `${kind} rate limit on ${request.method} ${request.url}`;
      if (retryCount >= maxRetries) {
        log.warn(`GitHub ${what}: giving up after ${retryCount} ${retryCount === 1 ? 'retry' : 'retries'}`);
        return false;
      }
      if (retryAfter > maxWait) {
        log.warn(`GitHub ${what}: giving up, the limit lifts in ${retryAfter} s (more than ${maxWait} s)`);
        return false;
      }
      log.info(`GitHub ${what}: retrying in ${retryAfter} s (${retryCount + 1} of ${maxRetries})`);
      return true;
    };

  // One fresh deadline per attempt: a retry must not inherit its predecessor's spent signal.
  const timedFetch: typeof fetch = (input, init) =>
    fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });

  const unspaced =
    options.throttle?.spaceWrites === false
      ? { write: new Bottleneck.Group({ maxConcurrent: 1 }), notifications: new Bottleneck.Group({ maxConcurrent: 1 }) }
      : {};

  const octokit = new PluggedOctokit({
    auth: options.token,
    baseUrl: trimEndChars(options.baseUrl ?? DEFAULT_BASE_URL, '/'),
    userAgent: options.userAgent ?? 'listwarden',
    log: { debug: () => {}, info: (m: string) => log.info(m), warn: (m: string) => log.warn(m), error: (m: string) => log.warn(m) },
    request: { fetch: timedFetch },
    retry: { retries: options.retries ?? 3, doNotRetry: DO_NOT_RETRY },
    throttle: {
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      ...unspaced,
    },
  });
  if (options.onResponse) observeResponses(octokit, options.onResponse);
  return octokit;
}
