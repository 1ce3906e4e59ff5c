import { setTimeout as delay } from 'node:timers/promises';
import { createSecureContext } from 'node:tls';
import { Agent, type Dispatcher } from './undici-agent.js';
import type {
  HostPacer,
  LinkCheckOptions,
  LinkProber,
  ProbeCause,
  ProbeResult,
  RedirectHop,
  Verdict,
} from '../types.js';
import { detectBotWall, type ResponseHeaders } from './bot-wall.js';
import { classifyError, formatSeconds } from './classify-error.js';
import { classifyStatus, statusText } from './classify-status.js';
import { readPageSignals, type PageSignals } from './page-signals.js';
import { decodePrefix, readPrefix } from './read-prefix.js';
import { requestHeaders } from './request-headers.js';
import { parseRetryAfter } from './retry-after.js';
import { checkHost, createGuardedLookup, systemLookup, type GuardPolicy, type LookupFn } from './ssrf-guard.js';
import { HostWaitRefusedError, KEEP_ALIVE_MS, type AcquireOptions } from '../host-scheduler.js';

/** A pacer that may also put a probe's follow-up requests first (HostScheduler does; others ignore it). */
type ContinuingPacer = HostPacer & { acquire(host: string, signal?: AbortSignal, options?: AcquireOptions): Promise<() => void> };

export interface UndiciProberDeps {
  /** Sends the requests (e.g. undici's MockAgent). Default: an Agent with the guarded lookup. */
  dispatcher?: Dispatcher;
  /** Resolves names for the default Agent (ignored with `dispatcher`). Default: dns.lookup. */
  lookup?: LookupFn;
  now?: () => number;
  /** Waits between retries; rejects when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
}

/** Base of the exponential retry backoff when options.retryDelayMs is unset. */
export const DEFAULT_RETRY_DELAY_MS = 500;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const HTML = /^\s*(text\/html|application\/xhtml\+xml)/i;

type Method = 'HEAD' | 'GET';

type Exchange =
  | { kind: 'response'; status: number; headers: ResponseHeaders; body?: Buffer }
  | { kind: 'error'; error: unknown }
  /** Not sent: the host asked to wait longer than a probe may (see HostScheduler.backOff). */
  | { kind: 'refused'; reason: string };

interface Final {
  kind: 'final';
  verdict: Verdict;
  cause: ProbeCause;
  reason: string;
  status?: number;
  titles?: string[];
  page?: PageSignals;
}

type HopOutcome = Final | { kind: 'redirect'; status: number; location: string };

interface ProbeState {
  url: string;
  current: URL;
  method: Method;
  redirects: RedirectHop[];
  requests: number;
  started: number;
  /** Until the first request gets its slot: the time of the call plus the total timeout. */
  deadline: number;
  lastStatus?: number;
  /** Starts the whole-probe clock (once): called when the first request gets its slot. */
  startClock?: () => void;
  /** Ends the probe: the run's signal while it waits for its first slot, then also its own clock. */
  signal?: AbortSignal;
}

function header(headers: ResponseHeaders, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
}

function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status < 600);
}

function tries(attempt: number): string {
  return attempt > 0 ? ` (after ${attempt + 1} tries)` : '';
}

/**
 * Probes one link with undici: HEAD first (GET when HEAD is refused: any HEAD status that
 * is not alive except 429/503, or a reset/garbled answer), redirects followed by hand and
 * recorded, retries with backoff and jitter (5xx, 408, 429, resets, timeouts, EAI_AGAIN),
 * every request paced per host (`url.hostname`) and every target checked by the SSRF
 * guard, on the URL and again on each resolved address. GET reads only a bounded body
 * prefix (titles of alive HTML pages, bot-wall markers of 403/429/503). A caller's abort
 * rejects the probe; the total timeout gives an unverifiable 'timeout' verdict.
 *
 * Verdicts (see classify-status.ts, classify-error.ts and bot-wall.ts):
 *   alive        2xx, aliveStatuses
 *   dead         404/410 not-found; other 4xx, 500/501/505+ after retries http-error;
 *                redirect-loop; too-many-redirects; ENOTFOUND dns-not-found;
 *                ECONNREFUSED connection-refused; certificate/handshake tls-error
 *   unverifiable 401/403/451 forbidden; 999, cf-mitigated and other bot walls bot-wall;
 *                429 rate-limited; 408 and connect/header/total timeouts timeout;
 *                502/503/504/520–530 http-error; EAI_AGAIN dns-failure;
 *                ENETUNREACH/EHOSTUNREACH network-unreachable; resets connection-reset;
 *                SSRF refusals blocked-address; non-http(s) or invalid URLs unsupported-scheme
 */
export class UndiciProber implements LinkProber {
  private readonly dispatcher: Dispatcher;
  private readonly ownAgent: Agent | undefined;
  private readonly policy: GuardPolicy;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly random: () => number;

  constructor(
    private readonly options: LinkCheckOptions,
    private readonly pacer: HostPacer,
    deps: UndiciProberDeps = {},
  ) {
    this.policy = { allowPrivate: options.allowPrivate, allowHosts: options.allowHosts ?? [] };
    this.now = deps.now ?? Date.now;
    this.sleep = deps.sleep ?? ((ms, signal) => delay(ms, undefined, signal ? { signal } : {}));
    this.random = deps.random ?? Math.random;
    if (deps.dispatcher) {
      this.dispatcher = deps.dispatcher;
    } else {
      this.ownAgent = new Agent({
        connect: {
          // One TLS context for every connection: without it each new connection builds its
          // own (loading the CA store), ~0.5 ms of CPU each that a burst of handshakes at the
          // start of a run pays all at once.
          secureContext: createSecureContext(),
          timeout: options.connectTimeoutMs,
          lookup: createGuardedLookup(deps.lookup ?? systemLookup, this.policy),
        },
        headersTimeout: options.headersTimeoutMs,
        bodyTimeout: options.headersTimeoutMs,
        // The scheduler plans connection reuse with the same figure.
        keepAliveTimeout: KEEP_ALIVE_MS,
      });
      this.dispatcher = this.ownAgent;
    }
  }

  /** Closes the Agent this prober made (not an injected dispatcher). */
  async close(): Promise<void> {
    // destroy, not close: close waits for abandoned attempts (a name lookup that outlived
    // its probe) to finish, which can take the resolver's whole timeout.
    await this.ownAgent?.destroy();
  }

  async probe(input: string, signal?: AbortSignal): Promise<ProbeResult> {
    const started = this.now();
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      return this.unstarted(input, started, `invalid URL: ${input}`);
    }
    url.hash = '';
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return this.unstarted(url.href, started, `unsupported scheme ${url.protocol}`);
    }
    const state: ProbeState = {
      url: url.href,
      current: url,
      method: this.options.titles ? 'GET' : 'HEAD',
      redirects: [],
      requests: 0,
      started,
      deadline: started + this.options.totalTimeoutMs,
    };
    signal?.throwIfAborted();
    // The whole-probe clock starts when the first request gets its slot, not now: a probe
    // queued behind many links to the same host (a list with 1,500 github.com links) must
    // not time out before it has sent anything. Its controller and timer are made then too:
    // a run queues every link at once, and thousands of idle controllers joined to the run's
    // signal cost ~100 ms before the first request could go out.
    let total: AbortController | undefined;
    let timer: NodeJS.Timeout | undefined;
    let endRace: ((reason: unknown) => void) | undefined;
    const followRun = () => total?.abort(signal?.reason);
    if (signal) state.signal = signal;
    state.startClock = () => {
      if (total) return;
      const clock = new AbortController();
      total = clock;
      state.deadline = this.now() + this.options.totalTimeoutMs;
      timer = setTimeout(() => clock.abort(new Error('probe timed out')), this.options.totalTimeoutMs);
      clock.signal.addEventListener('abort', () => endRace?.(clock.signal.reason), { once: true });
      if (signal?.aborted) clock.abort(signal.reason);
      else signal?.addEventListener('abort', followRun, { once: true });
      state.signal = clock.signal;
    };
    try {
      // undici does not abandon a connection attempt stuck in name resolution when the
      // signal aborts; racing the signal makes the probe answer at once all the same.
      // (Before the clock starts the probe only waits for a slot, which the run's signal ends.)
      const aborted = new Promise<never>((_, reject) => (endRace = reject));
      return this.finish(state, await Promise.race([this.follow(state), aborted]));
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (!total?.signal.aborted) throw error;
      const reason = `timed out after ${formatSeconds(this.options.totalTimeoutMs)} (whole probe)`;
      const final: Final = { kind: 'final', verdict: 'unverifiable', cause: 'timeout', reason };
      if (state.lastStatus !== undefined) final.status = state.lastStatus;
      return this.finish(state, final);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', followRun);
    }
  }

  /** Follows the redirect chain, one hop (with its retries) at a time. */
  private async follow(state: ProbeState): Promise<Final> {
    const seen = new Set([state.current.href]);
    for (let hop = 0; hop <= this.options.maxRedirects + 1; hop++) {
      const url = state.current;
      const blocked = checkHost(url.hostname, this.policy);
      if (blocked) return { kind: 'final', verdict: 'unverifiable', cause: 'blocked-address', reason: blocked.message };
      const outcome = await this.hop(url, state);
      if (outcome.kind === 'final') return outcome;
      const { status } = outcome;
      const final = (verdict: Verdict, cause: ProbeCause, reason: string): Final => ({
        kind: 'final',
        verdict,
        cause,
        reason,
        status,
      });
      state.redirects.push({ url: url.href, status });
      let next: URL;
      try {
        next = new URL(outcome.location, url);
      } catch {
        return final('unverifiable', 'http-error', `${statusText(status)} with an invalid Location: ${outcome.location}`);
      }
      next.hash = '';
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        return final('unverifiable', 'unsupported-scheme', `redirects to unsupported scheme ${next.protocol}`);
      }
      if (seen.has(next.href)) return final('dead', 'redirect-loop', `redirect loop at ${next.href}`);
      if (state.redirects.length > this.options.maxRedirects) {
        return final('dead', 'too-many-redirects', `more than ${this.options.maxRedirects} redirects`);
      }
      seen.add(next.href);
      state.current = next;
    }
    return { kind: 'final', verdict: 'dead', cause: 'too-many-redirects', reason: `more than ${this.options.maxRedirects} redirects` };
  }

  /** One URL of the chain: HEAD→GET fallback and retries, until a redirect or a final answer. */
  private async hop(url: URL, state: ProbeState): Promise<HopOutcome> {
    const { retries, aliveStatuses, maxRetryAfterMs } = this.options;
    let attempt = 0;
    let switched = false;
    const switchToGet = (): boolean => {
      if (state.method !== 'HEAD' || switched) return false;
      state.method = 'GET';
      switched = true;
      return true;
    };
    let last: Final = { kind: 'final', verdict: 'unverifiable', cause: 'connection-reset', reason: 'no answer' };
    // Each pass either returns, switches HEAD→GET (once) or spends a retry.
    for (let pass = 0; pass < retries + 2; pass++) {
      state.signal?.throwIfAborted();
      const exchange = await this.send(url, state);
      if (exchange.kind === 'refused') return { kind: 'final', verdict: 'unverifiable', cause: 'rate-limited', reason: exchange.reason };
      state.requests++;
      if (exchange.kind === 'error') {
        state.signal?.throwIfAborted();
        const failure = classifyError(exchange.error, this.options);
        last = { kind: 'final', ...failure, reason: failure.reason + tries(attempt) };
        if (failure.headRefused && switchToGet()) continue;
        if (!failure.retryable || attempt >= retries) return last;
        const wait = this.backoff(attempt);
        if (!this.fits(wait, state)) return last;
        attempt++;
        await this.sleep(wait, state.signal);
        if (failure.cause === 'timeout') switchToGet();
        continue;
      }
      const { status, headers } = exchange;
      state.lastStatus = status;
      const location = header(headers, 'location');
      if (REDIRECTS.has(status) && location !== '') return { kind: 'redirect', status, location };
      const contentType = header(headers, 'content-type');
      const text = exchange.body ? decodePrefix(exchange.body, contentType) : '';
      const outcome = classifyStatus(status, aliveStatuses);
      const reason = statusText(status);
      if (outcome.verdict === 'alive') {
        // One read of the page gives its titles and what tells rot that answers 200.
        const page = text !== '' && HTML.test(contentType) && status < 300 ? readPageSignals(text, url.pathname) : undefined;
        return { kind: 'final', ...outcome, reason, status, titles: page?.titles ?? [], ...(page ? { page } : {}) };
      }
      const wall = detectBotWall(status, headers, text);
      if (wall) return { kind: 'final', verdict: 'unverifiable', cause: 'bot-wall', reason: `${reason} (${wall})`, status };
      last = { kind: 'final', ...outcome, reason: reason + tries(attempt), status };
      const slowDown = status === 429 || status === 503;
      let wait = this.backoff(attempt);
      if (slowDown) {
        const asked = parseRetryAfter(headers['retry-after'], this.now());
        wait = Math.min(asked ?? wait, maxRetryAfterMs);
        this.pacer.backOff(url.hostname, wait, asked ?? wait);
        // A wait the probe cannot give: say so, never leave the link waiting.
        if (asked !== undefined && !this.fits(wait, state)) last.reason += `: asked to wait ${formatSeconds(asked)} (Retry-After), longer than a check may wait`;
      }
      if (!slowDown && switchToGet()) continue;
      if (!retryableStatus(status) || attempt >= retries || !this.fits(wait, state)) return last;
      attempt++;
      await this.sleep(wait, state.signal);
    }
    return last;
  }

  /** One request through the host pacer; the slot is held until headers and prefix are in. */
  private async send(url: URL, state: ProbeState): Promise<Exchange> {
    // A retry or a redirect hop continues a probe that already had a slot: it goes first.
    const pacer = this.pacer as ContinuingPacer;
    let release: () => void;
    try {
      release = await pacer.acquire(url.hostname, state.signal, { continuation: state.requests > 0 });
    } catch (error) {
      if (error instanceof HostWaitRefusedError) return { kind: 'refused', reason: error.message };
      throw error;
    }
    state.startClock?.();
    try {
      const method = state.method;
      const response = await this.dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method,
        headers: requestHeaders(this.options, url),
        signal: state.signal,
        headersTimeout: this.options.headersTimeoutMs,
        bodyTimeout: this.options.headersTimeoutMs,
      });
      const { statusCode: status, body } = response;
      const headers = response.headers as ResponseHeaders;
      body.on('error', () => undefined);
      if (method === 'GET' && this.wantsBody(status, headers)) {
        const remaining = Math.max(0, state.deadline - this.now());
        const prefix = await readPrefix(body, this.options.maxBodyBytes, Math.min(this.options.headersTimeoutMs, remaining));
        return { kind: 'response', status, headers, body: prefix };
      }
      body.destroy();
      return { kind: 'response', status, headers };
    } catch (error) {
      return { kind: 'error', error };
    } finally {
      release();
    }
  }

  /** A prefix is worth reading for an alive HTML page (titles) or a possible bot wall. */
  private wantsBody(status: number, headers: ResponseHeaders): boolean {
    if (REDIRECTS.has(status)) return false;
    if (classifyStatus(status, this.options.aliveStatuses).verdict === 'alive') {
      return HTML.test(header(headers, 'content-type'));
    }
    return status === 403 || status === 429 || status === 503;
  }

  private backoff(attempt: number): number {
    const base = this.options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
    const jittered = base * 2 ** attempt * (0.5 + this.random() / 2);
    return Math.round(Math.min(jittered, this.options.maxRetryAfterMs));
  }

  /** Whether waiting `ms` still leaves the probe time for another request. */
  private fits(ms: number, state: ProbeState): boolean {
    return this.now() + ms < state.deadline;
  }

  private unstarted(url: string, started: number, reason: string): ProbeResult {
    const state: ProbeState = {
      url,
      current: new URL('about:blank'),
      method: 'HEAD',
      redirects: [],
      requests: 0,
      started,
      deadline: started,
    };
    const result = this.finish(state, { kind: 'final', verdict: 'unverifiable', cause: 'unsupported-scheme', reason });
    return { ...result, finalUrl: url };
  }

  private finish(state: ProbeState, final: Final): ProbeResult {
    const end = this.now();
    const result: ProbeResult = {
      url: state.url,
      verdict: final.verdict,
      cause: final.cause,
      reason: final.reason,
      redirects: state.redirects,
      finalUrl: state.current.href,
      permanentRedirect: state.redirects.length > 0 && state.redirects.every((h) => h.status === 301 || h.status === 308),
      titles: final.titles ?? [],
      checkedAt: new Date(end).toISOString(),
      requests: state.requests,
      durationMs: Math.max(0, end - state.started),
    };
    if (final.status !== undefined) result.status = final.status;
    if (final.page) result.page = final.page;
    return result;
  }
}
