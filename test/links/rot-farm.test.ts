import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { checkUrls, type UrlRun } from '../../src/links/check-urls.js';
import { LinkState } from '../../src/links/link-state.js';
import { RotAwareProber } from '../../src/links/rot-prober.js';
import { farmProber } from './helpers/farm-prober.js';
import { ROT_CASES, SITES, startRotFarm, type RotFarm, type Truth } from './helpers/rot-farm.js';

const TTL = 7 * 24 * 3600_000;
const INVENTED = '/listwarden-no-such-page-test';
let farm: RotFarm;

beforeAll(async () => {
  farm = await startRotFarm();
});
afterAll(async () => farm.close());

async function runAll(state: LinkState, now: number): Promise<{ run: UrlRun; rot: RotAwareProber }> {
  const { prober, close } = farmProber({ titles: true });
  const rot = new RotAwareProber(prober, { state, now: () => now, hostProbeTtlMs: TTL, inventedPath: INVENTED });
  try {
    const run = await checkUrls(
      ROT_CASES.map((c) => farm.url(c.site, c.path)),
      { prober: rot, state, now: () => now },
    );
    return { run, rot };
  } finally {
    await close();
  }
}

/** Invented-path requests per farm address. */
function inventedByAddress(from: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const hit of farm.requests.slice(from)) if (hit.path === INVENTED) counts.set(hit.address, (counts.get(hit.address) ?? 0) + 1);
  return counts;
}

function confusion(run: UrlRun): { table: string; rows: { truth: Truth; verdict: string; cause: string; name: string }[] } {
  const rows = ROT_CASES.map((c) => {
    const outcome = run.outcomes.get(farm.url(c.site, c.path))!;
    return { truth: c.truth, verdict: outcome.result.verdict, cause: outcome.result.cause, name: c.name };
  });
  const count = (truth: Truth, verdict: string) => rows.filter((r) => r.truth === truth && r.verdict === verdict).length;
  const line = (truth: Truth) => `${truth.padEnd(9)} | ${String(count(truth, 'dead')).padStart(4)} | ${String(count(truth, 'unverifiable')).padStart(12)} | ${String(count(truth, 'alive')).padStart(5)}`;
  const table = ['truth \\ verdict | dead | unverifiable | alive', line('dead'), line('one-sign'), line('alive')].join('\n');
  return { table, rows };
}

describe('rot that answers 200, on a loopback farm', () => {
  const NOW = Date.parse('2026-03-01T00:00:00Z');
  const state = LinkState.empty();
  let first: { run: UrlRun; rot: RotAwareProber };
  let firstFrom = 0;

  beforeAll(async () => {
    firstFrom = farm.requests.length;
    first = await runAll(state, NOW);
  });

  it('finds every dead one and calls no alive one dead (confusion table)', () => {
    const { table, rows } = confusion(first.run);
    console.log(`soft-404 and parked-domain farm, ${rows.length} links:\n${table}`);
    const wrong = rows.filter((r) => (r.truth === 'dead' ? r.verdict !== 'dead' : r.truth === 'alive' ? r.verdict !== 'alive' : r.verdict !== 'unverifiable'));
    expect(wrong).toEqual([]);
    expect(rows.filter((r) => r.truth === 'dead').length).toBeGreaterThanOrEqual(8);
    expect(rows.filter((r) => r.truth === 'alive').length).toBeGreaterThanOrEqual(8);
  });

  it('gives its evidence: the parking script, the for-sale title, the two soft-404 signs', () => {
    const reason = (site: keyof typeof SITES, path: string) => first.run.outcomes.get(farm.url(site, path))!.result.reason;
    expect(reason('parked', '/')).toBe('a parked or for-sale domain: loads img.sedoparking.com; a 20-word landing page that says "this domain may be for sale"');
    expect(first.run.outcomes.get(farm.url('parked', '/'))!.result.cause).toBe('parked-domain');
    expect(reason('forSale', '/')).toBe('a parked or for-sale domain: its title says "fastcache.io is for sale | Buy this domain"');
    expect(reason('docs', '/guide/old-config')).toMatch(/^a soft 404 \(answers 200, but the page is gone\): its title says "Page Not Found \| ToolDocs"; an invented path on the same host \(http:\/\/127\.0\.0\.13:\d+\/listwarden-no-such-page-test\) gives the same page \("Page Not Found \| ToolDocs"\), \d+% of its text alike$/);
    expect(reason('homeRedirect', '/blog/2019/launch')).toMatch(/it redirects to the site's front page \(http:\/\/127\.0\.0\.15:\d+\/\); an invented path on the same host \(.*\) redirects to the same place$/);
    expect(reason('homeEverywhere', '/docs/v2/setup')).toMatch(/it serves the front page \(its canonical address is http:\/\/127\.0\.0\.16:\d+\/\); an invented path .* gives the same page/);
    expect(reason('lonely', '/legacy/tool.html')).toBe('looks like a soft 404: its title says "404 - Not Found" (one sign only, so not called dead)');
    // A permanent redirect of a deep link to the front page is folded in: one sign, a warning (not a no-redirect fix).
    expect(reason('lonely', '/old-product')).toMatch(/^looks like a soft 404: it redirects to the site's front page \(http:\/\/127\.0\.0\.20:\d+\/\) \(one sign only, so not called dead\)$/);
  });

  it('drops the titles of rot pages (the naming rules must not read "Page Not Found" as a name)', () => {
    expect(first.run.outcomes.get(farm.url('docs', '/guide/old-config'))!.result.titles).toEqual([]);
    expect(first.run.outcomes.get(farm.url('docs', '/guide/install'))!.result.titles).toEqual(['Install | ToolDocs']);
    expect(first.run.outcomes.get(farm.url('docs', '/guide/install'))!.result.page).toBeUndefined();
  });

  it('asks an invented path at most once per host, and only of hosts where a link showed a sign', () => {
    const counts = inventedByAddress(firstFrom);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const asked = [...counts.keys()].sort();
    const expected = ['docs', 'german', 'homeRedirect', 'homeEverywhere', 'lonely'].map((s) => SITES[s]!.address).sort();
    expect(asked).toEqual(expected);
    // The single-page app, the blog, the login wall and the parked hosts were never asked.
    for (const site of ['spa', 'blog', 'loginWall', 'parked', 'forSale']) expect(counts.has(SITES[site]!.address)).toBe(false);
    expect(first.rot.hostProbes).toBe(expected.length);
    // One more request than probes: the redirecting site's invented path takes a hop to its front page.
    expect(first.rot.twinRequests).toBe(expected.length + 1);
    // The links' request counts include them (the https:// twins of these http:// links fail at TLS and reach no HTTP server).
    const sent = farm.requests.length - firstFrom;
    expect([...first.run.outcomes.values()].reduce((n, o) => n + o.result.requests, 0)).toBe(sent);
  });

  it('a second run inside the TTL sends no invented-path request, with the same verdicts', async () => {
    const from = farm.requests.length;
    const second = await runAll(state, NOW + TTL - 1);
    expect(inventedByAddress(from).size).toBe(0);
    expect(second.rot.hostProbes).toBe(0);
    expect(confusion(second.run).table).toBe(confusion(first.run).table);
  });

  it('a run at the TTL asks again, once per host', async () => {
    const from = farm.requests.length;
    await runAll(state, NOW + TTL);
    const counts = inventedByAddress(from);
    expect(counts.size).toBe(5);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });
});
