import type { PageSignals } from './http/page-signals.js';

/**
 * The link checker's vocabulary. One status type names every verdict (as lychee does);
 * the three verdicts a maintainer acts on are alive, dead and unverifiable.
 */

export type Verdict = 'alive' | 'dead' | 'unverifiable';

/** Why a probe ended where it did: the machine-readable cause behind the verdict. */
export type ProbeCause =
  | 'ok' // 2xx (or a configured alive status)
  | 'not-found' // 404, 410
  | 'http-error' // another 4xx/5xx that is final
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'dns-not-found' // the name does not exist (ENOTFOUND, NXDOMAIN)
  | 'dns-failure' // the resolver could not answer (EAI_AGAIN, no network)
  | 'connection-refused'
  | 'network-unreachable' // no route (ENETUNREACH, EHOSTUNREACH)
  | 'connection-reset'
  | 'tls-error'
  | 'timeout'
  | 'rate-limited' // 429 after retries
  | 'bot-wall' // 999, Cloudflare's cf-mitigated challenge, and similar 403s
  | 'forbidden' // 401/403 that is not clearly a bot wall
  | 'blocked-address' // the SSRF guard refused the target (loopback, private, metadata…)
  | 'unsupported-scheme'
  | 'soft-404' // answers 200, but says or behaves like "not found" (see http/soft-404.ts)
  | 'parked-domain'; // a domain parker's or marketplace's page (see http/parked-domain.ts)

export interface RedirectHop {
  url: string;
  status: number;
}

export interface ProbeResult {
  /** The URL requested (fragment removed). */
  url: string;
  verdict: Verdict;
  cause: ProbeCause;
  /** Final HTTP status, when there was a response. */
  status?: number;
  /** Human-readable reason, e.g. "404 Not Found", "getaddrinfo ENOTFOUND example.invalid". */
  reason: string;
  /** Each hop followed: the URL that answered and its 3xx status. Empty when no redirect. */
  redirects: RedirectHop[];
  /** Where the chain ended (the URL itself when there was no redirect). */
  finalUrl: string;
  /** Every hop was 301 or 308. */
  permanentRedirect: boolean;
  /** `<title>`, `og:site_name`, `og:title` of an alive HTML page (from a bounded body prefix). */
  titles: string[];
  /** What the alive HTML page's prefix shows (title, heading, text sketch, scripts): for telling rot that answers 200. */
  page?: PageSignals;
  /** ISO time the verdict was reached. */
  checkedAt: string;
  /** HTTP requests this probe sent (HEAD, GET, retries, hops). */
  requests: number;
  /** Milliseconds the probe took, waits included. */
  durationMs: number;
}

/** Checks one URL (requests, redirects, retries). Implementations: undici; fakes in tests. */
export interface LinkProber {
  probe(url: string, signal?: AbortSignal): Promise<ProbeResult>;
}

/** What the scheduler tells a prober about the host's pace (a 429/503 slows only that host). */
export interface HostPacer {
  /** Waits until a request to this host may start; resolves with a release function. */
  acquire(host: string, signal?: AbortSignal): Promise<() => void>;
  /**
   * The host asked to slow down (429/503); wait at least this long before its next request.
   * `askedMs`: what the host asked for before the prober capped it (for messages).
   */
  backOff(host: string, delayMs: number, askedMs?: number): void;
}

export interface LinkCheckOptions {
  /** Global limit on requests in flight (default 64). */
  concurrency: number;
  /** Limit per host (default 4). */
  hostConcurrency: number;
  /** Minimum milliseconds between two request starts to one host (default 0). */
  hostIntervalMs: number;
  /** Allow loopback, private, link-local and metadata targets (tests, self-hosted use). */
  allowPrivate: boolean;
  /** Connect, header and whole-probe timeouts, in milliseconds. */
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  totalTimeoutMs: number;
  /** Retries on 5xx, 408, 429, resets and timeouts. */
  retries: number;
  /** Upper bound on a Retry-After wait. */
  maxRetryAfterMs: number;
  /** Bytes of body read at most on GET. */
  maxBodyBytes: number;
  maxRedirects: number;
  /** Statuses that count as alive besides 2xx (e.g. 206 is 2xx already; some lists accept 403). */
  aliveStatuses: number[];
  userAgent: string;
  /** Extra request headers by URL prefix (e.g. an Authorization header for one host). */
  headers: { prefix: string; headers: Record<string, string> }[];
  /** Host names or IP addresses the SSRF guard lets through although private (e.g. an intranet mirror). */
  allowHosts?: string[];
  /** Base of the exponential retry backoff, before jitter (default 500 ms). */
  retryDelayMs?: number;
  /** GET every page (no HEAD first) so alive HTML pages report their titles (default false). */
  titles?: boolean;
}

export const DEFAULT_LINK_OPTIONS: LinkCheckOptions = {
  concurrency: 64,
  hostConcurrency: 4,
  hostIntervalMs: 0,
  allowPrivate: false,
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 15_000,
  totalTimeoutMs: 30_000,
  retries: 2,
  maxRetryAfterMs: 60_000,
  maxBodyBytes: 64 * 1024,
  maxRedirects: 10,
  aliveStatuses: [],
  userAgent: 'listwarden (+https://github.com/listwarden/listwarden)',
  headers: [],
};
