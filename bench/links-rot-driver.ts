/**
 * The rot bench's driver (bundled by bench/links-rot.mjs with esbuild, so it runs the
 * sources as they are): the loopback rot farm of the tests, scaled up with many links per
 * site, checked by the real prober (UndiciProber, HostScheduler) with and without the
 * checks for rot that answers 200, three runs on one link state: the first, a second
 * inside the TTL, a third at the TTL. Prints the confusion table and the request counts.
 */
import { checkUrls, type UrlRun } from '../src/links/check-urls.js';
import { HostScheduler } from '../src/links/host-scheduler.js';
import { UndiciProber } from '../src/links/http/undici-prober.js';
import { LinkState } from '../src/links/link-state.js';
import { RotAwareProber } from '../src/links/rot-prober.js';
import { DEFAULT_LINK_OPTIONS, type LinkCheckOptions, type LinkProber } from '../src/links/types.js';
import { ROT_CASES, SITES, startRotFarm, type RotCase } from '../test/links/helpers/rot-farm.js';

const PER_SITE = Number(process.env.ROT_BENCH_PER_SITE ?? 40);
const TTL = 7 * 24 * 3600_000;
const INVENTED = '/listwarden-no-such-page-bench';

/** The test farm's cases, and PER_SITE more of each dead or alive kind on the same sites. */
function cases(): RotCase[] {
  const more: RotCase[] = [];
  for (let i = 0; i < PER_SITE; i++) {
    more.push(
      { name: 'docs soft 404', site: 'docs', path: `/guide/removed-${i}`, truth: 'dead' },
      { name: 'German soft 404', site: 'german', path: `/alt/${i}`, truth: 'dead' },
      { name: 'redirected to the front page', site: 'homeRedirect', path: `/blog/2019/post-${i}`, truth: 'dead' },
      { name: 'front page at a gone path', site: 'homeEverywhere', path: `/docs/v1/page-${i}`, truth: 'dead' },
      { name: 'parked, deep link', site: 'parked', path: `/wiki/page-${i}`, truth: 'dead' },
      { name: 'single-page app route', site: 'spa', path: `/app/project/${i}`, truth: 'alive' },
      { name: 'login wall', site: 'loginWall', path: `/dashboard/team-${i}`, truth: 'alive' },
    );
  }
  return [...ROT_CASES, ...more];
}

function options(): LinkCheckOptions {
  return { ...DEFAULT_LINK_OPTIONS, allowPrivate: true, titles: true };
}

async function once(urls: string[], wrap: (p: LinkProber) => LinkProber, state: LinkState, now: number): Promise<{ run: UrlRun; prober: LinkProber }> {
  const opts = options();
  const inner = new UndiciProber(opts, new HostScheduler(opts));
  const prober = wrap(inner);
  try {
    const run = await checkUrls(urls, { prober, state, now: () => now });
    return { run, prober };
  } finally {
    await inner.close();
  }
}

async function main(): Promise<void> {
  const farm = await startRotFarm();
  try {
    const all = cases();
    const urls = all.map((c) => farm.url(c.site, c.path));
    const now = Date.parse('2026-03-01T00:00:00Z');
    const count = (from: number, pred: (path: string) => boolean) => farm.requests.slice(from).filter((r) => pred(r.path)).length;
    const byHost = (from: number) => {
      const m = new Map<string, number>();
      for (const r of farm.requests.slice(from)) if (r.path === INVENTED) m.set(r.address, (m.get(r.address) ?? 0) + 1);
      return m;
    };

    let from = farm.requests.length;
    const plain = await once(urls, (p) => p, LinkState.empty(), now);
    const plainRequests = count(from, () => true);

    const state = LinkState.empty();
    const rounds: { label: string; at: number }[] = [
      { label: 'first run', at: now },
      { label: 'second run, inside the TTL', at: now + TTL - 60_000 },
      { label: 'third run, at the TTL', at: now + TTL },
    ];
    console.log(`rot farm: ${all.length} links on ${Object.keys(SITES).length} hosts (${all.filter((c) => c.truth === 'dead').length} dead, ${all.filter((c) => c.truth === 'alive').length} alive, ${all.filter((c) => c.truth === 'one-sign').length} one-sign)`);
    console.log(`without the rot checks: ${plainRequests} requests, ${[...plain.run.outcomes.values()].filter((o) => o.result.verdict === 'dead').length} called dead`);
    for (const round of rounds) {
      from = farm.requests.length;
      const { run } = await once(urls, (p) => new RotAwareProber(p, { state, now: () => round.at, hostProbeTtlMs: TTL, inventedPath: INVENTED }), state, round.at);
      const total = count(from, () => true);
      const invented = count(from, (p) => p === INVENTED);
      const hosts = byHost(from);
      const most = Math.max(0, ...hosts.values());
      console.log(`\n${round.label}: ${total} requests (${invented} to an invented path, on ${hosts.size} hosts, at most ${most} per host)`);
      if (round.label === 'first run') {
        const grid = { dead: { dead: 0, unverifiable: 0, alive: 0 }, 'one-sign': { dead: 0, unverifiable: 0, alive: 0 }, alive: { dead: 0, unverifiable: 0, alive: 0 } };
        all.forEach((c, i) => grid[c.truth][run.outcomes.get(urls[i]!)!.result.verdict]++);
        console.log('confusion table (rows: truth; columns: verdict)');
        console.log('  truth      |  dead | unverifiable | alive');
        for (const truth of ['dead', 'one-sign', 'alive'] as const) {
          const row = grid[truth];
          console.log(`  ${truth.padEnd(10)} | ${String(row.dead).padStart(5)} | ${String(row.unverifiable).padStart(12)} | ${String(row.alive).padStart(5)}`);
        }
        const missed = grid.dead.unverifiable + grid.dead.alive;
        const falseDead = grid.alive.dead + grid['one-sign'].dead;
        console.log(`every dead one found: ${missed === 0 ? 'PASS' : `MISS (${missed} missed)`} · no alive one called dead: ${falseDead === 0 ? 'PASS' : `MISS (${falseDead})`}`);
        console.log(`extra requests: ${total - plainRequests} (${(((total - plainRequests) / plainRequests) * 100).toFixed(1)}% over the plain run)`);
      }
      console.log(`at most one invented-path probe per host: ${most <= 1 ? 'PASS' : 'MISS'}${round.label.startsWith('second') ? ` · none inside the TTL: ${invented === 0 ? 'PASS' : 'MISS'}` : ''}`);
    }
  } finally {
    await farm.close();
  }
}

await main();
