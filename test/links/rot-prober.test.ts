import { describe, it, expect } from '@jest/globals';
import { RotAwareProber } from '../../src/links/rot-prober.js';
import { LinkState } from '../../src/links/link-state.js';
import { readPageSignals } from '../../src/links/http/page-signals.js';
import type { LinkProber, ProbeResult } from '../../src/links/types.js';
import { docsNotFound, productHome } from './helpers/rot-pages.js';

const INVENTED = '/no-such-page-x';

/** A prober that answers from a table of [final URL, HTML, redirect hops], and counts what it was asked. */
function fake(table: Record<string, { html?: string; finalUrl?: string; status?: number; verdict?: ProbeResult['verdict']; fail?: boolean }>): LinkProber & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async probe(url) {
      asked.push(url);
      const row = table[url] ?? { status: 404, verdict: 'dead' };
      if (row.fail) throw new Error('run stopped');
      await new Promise((r) => setTimeout(r, 5));
      const finalUrl = row.finalUrl ?? url;
      const verdict = row.verdict ?? 'alive';
      return {
        url,
        verdict,
        cause: verdict === 'alive' ? 'ok' : 'not-found',
        status: row.status ?? 200,
        reason: '',
        redirects: finalUrl !== url ? [{ url, status: 302 }] : [],
        finalUrl,
        permanentRedirect: false,
        titles: [],
        ...(row.html ? { page: readPageSignals(row.html, new URL(finalUrl).pathname) } : {}),
        checkedAt: new Date().toISOString(),
        requests: finalUrl !== url ? 2 : 1,
        durationMs: 5,
      };
    },
  };
}

describe('RotAwareProber', () => {
  it("asks the link's own host: a deep link sent to another site's front page, like every unknown path, is dead", async () => {
    const inner = fake({
      'https://old.dev/docs/x': { finalUrl: 'https://new.dev/', html: productHome() },
      [`https://old.dev${INVENTED}`]: { finalUrl: 'https://new.dev/', html: productHome() },
    });
    const result = await new RotAwareProber(inner, { inventedPath: INVENTED }).probe('https://old.dev/docs/x');
    expect(result.verdict).toBe('dead');
    expect(result.reason).toBe(`a soft 404 (answers 200, but the page is gone): it redirects to a front page (https://new.dev/); an invented path on the same host (https://old.dev${INVENTED}) redirects to the same place`);
    expect(inner.asked).toEqual(['https://old.dev/docs/x', `https://old.dev${INVENTED}`]);
  });

  it('concurrent links of one host share one invented-path request; its requests are counted once', async () => {
    const inner = fake({
      'https://docs.dev/a': { html: docsNotFound('/a') },
      'https://docs.dev/b': { html: docsNotFound('/b') },
      'https://docs.dev/c': { html: docsNotFound('/c') },
      [`https://docs.dev${INVENTED}`]: { html: docsNotFound(INVENTED) },
    });
    const rot = new RotAwareProber(inner, { inventedPath: INVENTED });
    const results = await Promise.all(['a', 'b', 'c'].map((p) => rot.probe(`https://docs.dev/${p}`)));
    expect(results.map((r) => r.verdict)).toEqual(['dead', 'dead', 'dead']);
    expect(inner.asked.filter((u) => u.endsWith(INVENTED))).toHaveLength(1);
    expect(results.reduce((n, r) => n + r.requests, 0)).toBe(4);
    expect(rot.hostProbes).toBe(1);
  });

  it('a stopped invented-path probe leaves one sign (a warning), keeps nothing, and lets the next link ask again', async () => {
    const state = LinkState.empty();
    const inner = fake({ 'https://docs.dev/a': { html: docsNotFound('/a') }, [`https://docs.dev${INVENTED}`]: { fail: true } });
    const rot = new RotAwareProber(inner, { state, inventedPath: INVENTED });
    const result = await rot.probe('https://docs.dev/a');
    expect(result.verdict).toBe('unverifiable');
    expect(result.cause).toBe('soft-404');
    expect(state.hostProbe('https://docs.dev', Date.now(), 1e9)).toBeUndefined();
    await rot.probe('https://docs.dev/a');
    expect(inner.asked.filter((u) => u.endsWith(INVENTED))).toHaveLength(2);
  });

  it('an unverifiable answer to the invented path is not kept in the state (it says nothing about the host)', async () => {
    const state = LinkState.empty();
    const inner = fake({ 'https://docs.dev/a': { html: docsNotFound('/a') }, [`https://docs.dev${INVENTED}`]: { verdict: 'unverifiable', status: 503 } });
    await new RotAwareProber(inner, { state, inventedPath: INVENTED }).probe('https://docs.dev/a');
    expect(state.hostProbe('https://docs.dev', Date.now(), 1e9)).toBeUndefined();
  });

  it('asks nothing more of a page without a sign, a front page, or a dead link', async () => {
    const inner = fake({ 'https://ship.dev/features': { html: productHome() }, 'https://docs.dev/': { html: docsNotFound('/') } });
    const rot = new RotAwareProber(inner, { inventedPath: INVENTED });
    expect((await rot.probe('https://ship.dev/features')).verdict).toBe('alive');
    expect((await rot.probe('https://docs.dev/')).verdict).toBe('alive');
    expect((await rot.probe('https://gone.dev/x')).verdict).toBe('dead');
    expect(inner.asked).toEqual(['https://ship.dev/features', 'https://docs.dev/', 'https://gone.dev/x']);
  });
});
