import { resolveConfig, type ResolvedConfig } from '../../../src/core/config/resolved-config.js';
import { LinkState, DEFAULT_STATE_POLICY } from '../../../src/links/link-state.js';
import { checkLists, type LinkPorts } from '../../../src/use-cases/check-lists.js';
import { FakeProber, fakeRepoLookup } from './fake-prober.js';

export const DAY = 24 * 3600_000;
/** 2024-03-04, a Monday, 06:00 UTC. */
export const START = Date.UTC(2024, 2, 4, 6, 0, 0);

/** A list with one of each kind of link rot and one static problem (a duplicate). */
export const LIST = `# Awesome Things

> Curated things.

## Tools

- [Alpha](https://alpha.example/) - Alpha does one thing.
- [Beta](https://beta.example/page) - Beta does another.
- [Gamma](https://gamma.example/old) - Gamma moved.
- [Delta](https://github.com/octo/delta) - Delta is archived.
- [Epsilon](https://walled.example/in/eps) - Behind a bot wall.
- [Alpha](https://alpha.example/) - Alpha does one thing.

## More

- [Beta mirror](https://beta.example/page#top) - The same page, linked again.
`;

export interface Farm {
  prober: FakeProber;
  state: LinkState;
  links: LinkPorts;
  clock: { now: number };
}

/** A fake link farm: Beta is dead, Gamma redirects, Delta is archived, Epsilon behind a bot wall. */
export function farm(config: ResolvedConfig = resolveConfig()): Farm {
  const clock = { now: START };
  const prober = new FakeProber(() => clock.now)
    .set('https://beta.example/page', 'dead')
    .set('https://gamma.example/old', { redirectTo: 'https://gamma.example/new' })
    .set('https://walled.example/in/eps', 'unverifiable');
  const state = LinkState.empty({ ...DEFAULT_STATE_POLICY, confirmRuns: config.report.confirmRuns, confirmSpanMs: config.report.confirmDays * DAY });
  const links: LinkPorts = {
    prober,
    state,
    now: () => clock.now,
    github: fakeRepoLookup({ 'octo/delta': { state: 'archived', isArchived: true, nameWithOwner: 'octo/delta', reason: 'archived' } }),
    wayback: { closest: async (url) => (url === 'https://beta.example/page' ? { url: 'https://web.archive.org/web/2023/https://beta.example/page' } : undefined) },
  };
  return { prober, state, links, clock };
}

/** checkLists over the fixture list. */
export async function checkFixture(f: Farm, list = LIST, config: ResolvedConfig = resolveConfig()) {
  return checkLists([{ path: 'README.md', source: list }], config, f.links);
}

/**
 * The fixture checked twice, a week apart: Beta (dead both times) is confirmed, Alpha
 * (dead the second time only) is failing.
 */
export async function twoRuns(config: ResolvedConfig = resolveConfig()) {
  const f = farm(config);
  await checkFixture(f, LIST, config);
  f.clock.now += 7 * DAY;
  f.prober.set('https://alpha.example/', 'dead');
  const result = await checkFixture(f, LIST, config);
  return { f, result };
}
