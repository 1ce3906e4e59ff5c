import type { RepoAnswer, RepoLookup } from '../../../src/links/check-urls.js';
import type { LinkProber, ProbeResult } from '../../../src/links/types.js';

/** How a fake host answers a URL. */
export type FakeAnswer =
  | 'alive'
  | 'dead'
  | 'unverifiable'
  | 'offline'
  | { redirectTo: string; status?: 301 | 308 | 302 };

/**
 * A LinkProber that answers from a table instead of the network: URLs not in the table
 * are alive. `checkedAt` follows the test's clock, so the link state's streaks and
 * confirmation windows behave as over real days.
 */
export class FakeProber implements LinkProber {
  readonly answers = new Map<string, FakeAnswer>();
  readonly probed: string[] = [];
  /** Real milliseconds each probe takes (0: one turn of the event loop); a stop signal ends the wait. */
  delayMs = 0;

  constructor(private readonly clock: () => number) {}

  set(url: string, answer: FakeAnswer): this {
    this.answers.set(url, answer);
    return this;
  }

  async probe(url: string, signal?: AbortSignal): Promise<ProbeResult> {
    this.probed.push(url);
    await new Promise<void>((resolve) => {
      if (this.delayMs === 0) return void setImmediate(resolve);
      const timer = setTimeout(resolve, this.delayMs);
      signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
    const answer = this.answers.get(url) ?? 'alive';
    const base = { url, redirects: [], finalUrl: url, permanentRedirect: false, titles: [], checkedAt: new Date(this.clock()).toISOString(), requests: 1, durationMs: 1 };
    // Stopped (the time budget ran out): as the real prober, a timeout.
    if (signal?.aborted) return { ...base, verdict: 'unverifiable', cause: 'timeout', reason: 'stopped: the time budget ran out' };
    if (answer === 'alive') return { ...base, verdict: 'alive', cause: 'ok', status: 200, reason: '200 OK' };
    if (answer === 'dead') return { ...base, verdict: 'dead', cause: 'not-found', status: 404, reason: '404 Not Found' };
    if (answer === 'unverifiable') return { ...base, verdict: 'unverifiable', cause: 'bot-wall', status: 999, reason: 'status 999 (a bot wall)' };
    if (answer === 'offline') return { ...base, verdict: 'dead', cause: 'dns-failure', reason: `getaddrinfo EAI_AGAIN ${new URL(url).hostname}` };
    const status = answer.status ?? 301;
    return {
      ...base,
      verdict: 'alive',
      cause: 'ok',
      status: 200,
      reason: '200 OK',
      redirects: [{ url, status }],
      finalUrl: answer.redirectTo,
      permanentRedirect: status === 301 || status === 308,
      requests: 2,
    };
  }
}

/** A GitHub repository lookup answering from a table (key `owner/repo`, lower case). */
export function fakeRepoLookup(answers: Record<string, Omit<RepoAnswer, 'key'>>): RepoLookup {
  return {
    async check(repos) {
      const out = new Map<string, RepoAnswer>();
      for (const { owner, repo } of repos) {
        const key = `${owner}/${repo}`.toLowerCase();
        const answer = answers[key];
        out.set(key, answer ? { key, ...answer } : { key, state: 'ok', nameWithOwner: `${owner}/${repo}`, reason: 'ok' });
      }
      return out;
    },
  };
}
