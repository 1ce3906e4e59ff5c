/**
 * "Network unavailable" is decided by a probe of the network itself, never by the list's
 * own links failing: links that all fail on one host, or on two, are reported by the usual
 * rules unless the probe says the machine has no network.
 */
import { describe, it, expect } from '@jest/globals';
import { checkUrls, SUSPECT_AFTER } from '../../src/links/check-urls.js';
import type { LinkProber, ProbeCause, ProbeResult, Verdict } from '../../src/links/types.js';

function result(url: string, verdict: Verdict, cause: ProbeCause): ProbeResult {
  return { url, verdict, cause, reason: cause, redirects: [], finalUrl: url, permanentRedirect: false, titles: [], checkedAt: new Date(0).toISOString(), requests: 1, durationMs: 1 };
}

/**
 * Answers in list order, one at a time (each after the one before), so the n-th answer is
 * known; answers after a stop (the run's signal) are aborted.
 */
function orderedProber(answer: (url: string, index: number) => [Verdict, ProbeCause]): LinkProber & { answered: number } {
  let previous = Promise.resolve();
  let index = 0;
  const prober = {
    answered: 0,
    probe(url: string, signal?: AbortSignal): Promise<ProbeResult> {
      const mine = index++;
      const turn = previous.then(async () => {
        await new Promise((r) => setImmediate(r));
        signal?.throwIfAborted();
        prober.answered++;
        const [verdict, cause] = answer(url, mine);
        return result(url, verdict, cause);
      });
      previous = turn.then(() => undefined, () => undefined);
      return turn;
    },
  };
  return prober;
}

const urls = (n: number, host = (i: number) => `h${i}.test`) => Array.from({ length: n }, (_, i) => `https://${host(i)}/page${i}`);

describe('the network is unavailable only when a probe of the network says so', () => {
  it('links on ONE unresolvable host are reported dead (no probe configured)', async () => {
    const run = await checkUrls(urls(3, () => 'gone.test'), { prober: orderedProber(() => ['dead', 'dns-not-found']) });
    expect(run.networkUnavailable).toBe(false);
    expect(run.notChecked).toBe(0);
    expect([...run.outcomes.values()].map((o) => o.result.verdict)).toEqual(['dead', 'dead', 'dead']);
  });

  it('links on TWO unresolvable hosts are reported too: the count of failing hosts decides nothing', async () => {
    const list = ['https://a.test/', 'https://b.test/'];
    const run = await checkUrls(list, { prober: orderedProber(() => ['dead', 'dns-not-found']) });
    expect(run.networkUnavailable).toBe(false);
    expect(run.outcomes.size).toBe(2);
  });

  it('links on one host that refuses connections are reported dead when the probe reaches the network', async () => {
    let asked = 0;
    const run = await checkUrls(urls(3, () => '127.0.0.1'), {
      prober: orderedProber(() => ['dead', 'connection-refused']),
      networkCheck: async () => (asked++, true),
    });
    expect(asked).toBeGreaterThan(0);
    expect(run.networkUnavailable).toBe(false);
    expect([...run.outcomes.values()].map((o) => o.result.cause)).toEqual(['connection-refused', 'connection-refused', 'connection-refused']);
  });

  it('the same links are "not checked" when the probe fails', async () => {
    const run = await checkUrls(urls(3, () => '127.0.0.1'), { prober: orderedProber(() => ['dead', 'connection-refused']), networkCheck: async () => false });
    expect(run.networkUnavailable).toBe(true);
    expect(run.notChecked).toBe(3);
    expect(run.outcomes.size).toBe(0);
  });

  it('a failing probe decides nothing once one host was reached', async () => {
    const run = await checkUrls(urls(3), {
      prober: orderedProber((_url, i) => (i === 2 ? ['dead', 'not-found'] : ['dead', 'dns-not-found'])),
      networkCheck: async () => false,
    });
    expect(run.networkUnavailable).toBe(false);
    expect(run.outcomes.size).toBe(3);
  });
});

describe(`the network is probed after ${SUSPECT_AFTER} links in a row reach no host`, () => {
  it(`probes at the ${SUSPECT_AFTER}th unreached link and stops the run there when the network is down`, async () => {
    let askedAt = -1;
    const prober = orderedProber(() => ['unverifiable', 'dns-failure']);
    const run = await checkUrls(urls(20), { prober, networkCheck: async () => ((askedAt = prober.answered), false) });
    expect(askedAt).toBe(SUSPECT_AFTER);
    expect(run.networkUnavailable).toBe(true);
    expect(run.notChecked).toBe(20);
    // The rest were not waited for one by one.
    expect(prober.answered).toBeLessThan(20);
  });

  it(`does not probe after ${SUSPECT_AFTER - 1} unreached links when the next one answers`, async () => {
    let asked = 0;
    const prober = orderedProber((_url, i) => (i < SUSPECT_AFTER - 1 ? ['unverifiable', 'dns-failure'] : ['alive', 'ok']));
    const run = await checkUrls(urls(20), { prober, networkCheck: async () => (asked++, false) });
    expect(asked).toBe(0);
    expect(run.networkUnavailable).toBe(false);
    expect(run.outcomes.size).toBe(20);
  });

  it('a list shorter than that is probed after all its links', async () => {
    let askedAt = -1;
    const prober = orderedProber(() => ['unverifiable', 'network-unreachable']);
    const run = await checkUrls(urls(SUSPECT_AFTER - 1), { prober, networkCheck: async () => ((askedAt = prober.answered), false) });
    expect(askedAt).toBe(SUSPECT_AFTER - 1);
    expect(run.notChecked).toBe(SUSPECT_AFTER - 1);
  });
});
