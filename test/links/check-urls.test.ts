import { describe, it, expect } from '@jest/globals';
import { checkUrls, type RepoAnswer } from '../../src/links/check-urls.js';
import { LinkState } from '../../src/links/link-state.js';
import type { LinkProber, ProbeResult } from '../../src/links/types.js';

function probeResult(url: string, over: Partial<ProbeResult> = {}): ProbeResult {
  return { url, verdict: 'alive', cause: 'ok', status: 200, reason: '200 OK', redirects: [], finalUrl: url, permanentRedirect: false, titles: [], checkedAt: new Date().toISOString(), requests: 1, durationMs: 1, ...over };
}

/** A prober that answers from a table and counts what it was asked. */
function fakeProber(answers: Record<string, Partial<ProbeResult>> = {}, delayMs = 0): LinkProber & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async probe(url, signal) {
      asked.push(url);
      if (delayMs > 0) {
        await new Promise<void>((resolve, reject) => {
          const t = setTimeout(resolve, delayMs);
          signal?.addEventListener('abort', () => {
            clearTimeout(t);
            reject(signal.reason);
          });
        });
      }
      return probeResult(url, answers[url] ?? {});
    },
  };
}

describe('checkUrls', () => {
  it('reuses alive verdicts within the TTL: a second run sends no request for them', async () => {
    const state = LinkState.empty();
    const prober = fakeProber({ 'https://b.dev/': { verdict: 'dead', cause: 'not-found', status: 404 } });
    await checkUrls(['https://a.dev/', 'https://b.dev/'], { prober, state });
    expect(prober.asked).toEqual(['https://a.dev/', 'https://b.dev/']);
    const second = fakeProber({ 'https://b.dev/': { verdict: 'dead', cause: 'not-found', status: 404 } });
    const run = await checkUrls(['https://a.dev/', 'https://b.dev/'], { prober: second, state });
    expect(second.asked).toEqual(['https://b.dev/']);
    expect(run.fromCache).toBe(1);
    expect(run.outcomes.get('https://a.dev/')?.fromCache).toBe(true);
  });

  it('says the network is unavailable, when the network probe says so, instead of calling every link dead', async () => {
    const prober = fakeProber({
      'https://a.dev/': { verdict: 'unverifiable', cause: 'dns-failure', reason: 'getaddrinfo EAI_AGAIN a.dev' },
      'https://b.dev/': { verdict: 'unverifiable', cause: 'network-unreachable', reason: 'connect ENETUNREACH' },
    });
    const run = await checkUrls(['https://a.dev/', 'https://b.dev/'], { prober, networkCheck: async () => false });
    expect(run.networkUnavailable).toBe(true);
    expect(run.notChecked).toBe(2);
    expect(run.outcomes.size).toBe(0);
  });

  it('asks whether the internet is reachable before calling unresolvable names dead', async () => {
    const answers = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`https://host${i}.dev/`, { verdict: 'dead' as const, cause: 'dns-not-found' as const, reason: 'getaddrinfo ENOTFOUND' }]),
    );
    const urls = Object.keys(answers);
    const down = await checkUrls(urls, { prober: fakeProber(answers), networkCheck: async () => false });
    expect(down.networkUnavailable).toBe(true);
    expect(down.notChecked).toBe(10);
    const up = await checkUrls(urls.slice(0, 1), { prober: fakeProber(answers), networkCheck: async () => true });
    expect(up.networkUnavailable).toBe(false);
    expect(up.outcomes.get('https://host0.dev/')?.result.verdict).toBe('dead');
  });

  it('checks the stalest URLs first and leaves the rest when the budget is spent', async () => {
    const state = LinkState.empty({ aliveTtlMs: 1, confirmRuns: 2, confirmSpanMs: 0, keepRuns: 5 });
    state.record(probeResult('https://new.dev/', { checkedAt: '2026-11-20T00:00:00Z' }));
    state.record(probeResult('https://old.dev/', { checkedAt: '2026-01-01T00:00:00Z' }));
    const prober = fakeProber({}, 0);
    await checkUrls(['https://new.dev/', 'https://old.dev/', 'https://never.dev/'], { prober, state, now: () => Date.parse('2026-11-21T00:00:00Z') });
    expect(prober.asked).toEqual(['https://never.dev/', 'https://old.dev/', 'https://new.dev/']);

    const slow = fakeProber({}, 200);
    const run = await checkUrls(['https://a.dev/', 'https://b.dev/'], { prober: slow, budgetMs: 50 });
    expect(run.leftForNextRun).toBe(2);
    expect(run.outcomes.size).toBe(0);
  });

  it('asks the GitHub API about repositories and turns renames into permanent redirects', async () => {
    const answers = new Map<string, RepoAnswer>([
      ['old/tool', { key: 'old/tool', state: 'renamed', nameWithOwner: 'new/tool', url: 'https://github.com/new/tool', reason: 'moved to new/tool' }],
      ['gone/repo', { key: 'gone/repo', state: 'missing', reason: 'Could not resolve to a Repository' }],
      ['flaky/repo', { key: 'flaky/repo', state: 'unknown', reason: '502 from the API' }],
    ]);
    const prober = fakeProber();
    const run = await checkUrls(['https://github.com/old/tool/tree/main/docs', 'https://github.com/gone/repo', 'https://github.com/flaky/repo'], {
      prober,
      github: { check: async () => answers },
    });
    expect(run.outcomes.get('https://github.com/old/tool/tree/main/docs')?.result).toMatchObject({ permanentRedirect: true, finalUrl: 'https://github.com/new/tool/tree/main/docs' });
    expect(run.outcomes.get('https://github.com/gone/repo')?.result.verdict).toBe('dead');
    // Unknown to the API: checked over HTTP instead.
    expect(prober.asked).toEqual(['https://github.com/flaky/repo']);
  });

  it('also checks the https:// twin of an http:// link', async () => {
    const prober = fakeProber();
    const run = await checkUrls(['http://plain.dev/'], { prober });
    expect(prober.asked).toEqual(['http://plain.dev/', 'https://plain.dev/']);
    expect(run.outcomes.get('http://plain.dev/')?.https?.verdict).toBe('alive');
  });
});
