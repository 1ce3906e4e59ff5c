/**
 * Reading GitHub's rate-limit signals, as its documentation asks clients to:
 * `retry-after` first, then `x-ratelimit-remaining: 0` with `x-ratelimit-reset`
 * (epoch seconds), otherwise a minute for a secondary rate limit.
 */
import { parseRetryAfter } from '../http/retry-after.js';

export interface RateLimitState {
  remaining?: number;
  /** Epoch milliseconds when the quota resets. */
  resetAt?: number;
}

/** The fallback wait for a secondary rate limit without `retry-after`. */
export const SECONDARY_LIMIT_WAIT_MS = 60_000;

export function readRateLimit(headers: Headers): RateLimitState {
  const state: RateLimitState = {};
  const remaining = Number.parseInt(headers.get('x-ratelimit-remaining') ?? '', 10);
  const reset = Number.parseInt(headers.get('x-ratelimit-reset') ?? '', 10);
  if (Number.isFinite(remaining)) state.remaining = remaining;
  if (Number.isFinite(reset)) state.resetAt = reset * 1000;
  return state;
}

/** `retry-after` in milliseconds (delta seconds or an HTTP date), or undefined. */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  return parseRetryAfter(headers.get('retry-after') ?? undefined, now);
}

/** Milliseconds until the quota resets when it is exhausted, else undefined. */
export function exhaustedWaitMs(state: RateLimitState, now: number): number | undefined {
  if (state.remaining !== 0 || state.resetAt === undefined) return undefined;
  return Math.max(0, state.resetAt - now);
}

/**
 * How long to wait before retrying a response that is a rate limit, or undefined when
 * it is not one (a 403 for another reason). `limited` marks a response known to be a
 * rate limit (a 429, or GraphQL's RATE_LIMITED error).
 */
export function rateLimitWaitMs(headers: Headers, bodyText: string, limited: boolean, now: number): number | undefined {
  const after = retryAfterMs(headers, now);
  if (after !== undefined) return after;
  const exhausted = exhaustedWaitMs(readRateLimit(headers), now);
  if (exhausted !== undefined) return exhausted;
  if (limited || /rate limit/i.test(bodyText)) return SECONDARY_LIMIT_WAIT_MS;
  return undefined;
}
