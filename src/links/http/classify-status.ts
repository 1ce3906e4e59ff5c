import { STATUS_CODES } from 'node:http';
import type { ProbeCause, Verdict } from '../types.js';

export interface StatusOutcome {
  verdict: Verdict;
  cause: ProbeCause;
}

/** Gateway and origin errors (502/503/504, Cloudflare's 520–530): the origin may be fine. */
function isGatewayError(status: number): boolean {
  return status === 502 || status === 503 || status === 504 || (status >= 520 && status <= 530);
}

/** "404 Not Found", "999", "530". */
export function statusText(status: number): string {
  const text = STATUS_CODES[status];
  return text ? `${status} ${text}` : String(status);
}

/**
 * The verdict of a final (non-redirect, retries spent) status without a bot wall:
 * 2xx and `aliveStatuses` alive; 404/410 dead; 401/403/451 forbidden; 429 rate-limited;
 * 408 a timeout; gateway 5xx unverifiable; any other 4xx/5xx dead.
 */
export function classifyStatus(status: number, aliveStatuses: readonly number[]): StatusOutcome {
  if ((status >= 200 && status < 300) || aliveStatuses.includes(status)) return { verdict: 'alive', cause: 'ok' };
  if (status === 404 || status === 410) return { verdict: 'dead', cause: 'not-found' };
  if (status === 401 || status === 403 || status === 451) return { verdict: 'unverifiable', cause: 'forbidden' };
  if (status === 429) return { verdict: 'unverifiable', cause: 'rate-limited' };
  if (status === 408) return { verdict: 'unverifiable', cause: 'timeout' };
  if (isGatewayError(status)) return { verdict: 'unverifiable', cause: 'http-error' };
  if (status >= 400 && status < 600) return { verdict: 'dead', cause: 'http-error' };
  // 1xx leftovers, a 3xx without Location, a status outside 100–599: odd, not proof of death.
  return { verdict: 'unverifiable', cause: 'http-error' };
}
