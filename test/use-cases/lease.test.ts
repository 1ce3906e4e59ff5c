/**
 * The lease across runs that find it expired at the same time: however their requests
 * interleave, one run works at a time.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { GitHubPort } from '../../src/github/port.js';
import { leaseRef, withLease } from '../../src/use-cases/lease.js';
import { FakeGitHub, REPO } from './helpers/fake-github.js';

const NOW = Date.parse('2024-06-01T12:00:00.000Z');
const NAME = 'report';

/** A lease left by a holder that died, expiring at `until`. */
async function deadHolder(gh: FakeGitHub, until: string): Promise<string> {
  const sha = await gh.createCommit(REPO, { message: `listwarden lease until ${until}\n\nA lock.`, parentSha: gh.head(), files: [] });
  await gh.createRef(REPO, leaseRef(NAME), sha);
  return sha;
}

/** The port seen by one run whose every request first waits the given number of event-loop turns. */
function slowed(gh: FakeGitHub, delays: () => number): GitHubPort {
  return new Proxy(gh, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        for (let i = delays(); i > 0; i--) await new Promise((resolve) => setImmediate(resolve));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('withLease: taking over an expired lease', () => {
  it('two runs that find the same expired lease: however their requests interleave, only one works at a time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 40, maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 40, maxLength: 40 }), async (a, b) => {
        const gh = new FakeGitHub({ 'README.md': '# List\n' });
        await deadHolder(gh, '2024-06-01T11:00:00.000Z');
        let working = 0;
        let most = 0;
        let ran = 0;
        const work = async () => {
          working++;
          ran++;
          most = Math.max(most, working);
          for (let i = 0; i < 30; i++) await new Promise((resolve) => setImmediate(resolve));
          working--;
        };
        const run = (delays: number[]) => {
          let i = 0;
          return withLease(slowed(gh, () => delays[i++ % delays.length]!), REPO, NAME, { now: () => NOW, baseSha: gh.head() }, work);
        };
        await Promise.all([run(a), run(b)]);
        expect(most).toBe(1);
        expect(ran).toBeGreaterThanOrEqual(1);
        expect([...gh.refs.keys()].filter((r) => r.startsWith('refs/listwarden/'))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('a lease is taken over 1 ms after it expires, not at the very moment it does', async () => {
    for (const [now, taken] of [[NOW, false], [NOW + 1, true], [NOW - 1, false]] as const) {
      const gh = new FakeGitHub({ 'README.md': '# List\n' });
      await deadHolder(gh, new Date(NOW).toISOString());
      const result = await withLease(gh, REPO, NAME, { now: () => now, baseSha: gh.head() }, async () => 'done');
      expect(result.ran).toBe(taken);
    }
  });

  it('a holder that outlived its lease does not delete the lease of the run that took over', async () => {
    const gh = new FakeGitHub({ 'README.md': '# List\n' });
    let clock = NOW;
    let taken: string | undefined;
    await withLease(gh, REPO, NAME, { now: () => clock, baseSha: gh.head(), ttlMs: 1000 }, async () => {
      clock += 5000;
      const second = await withLease(gh, REPO, NAME, { now: () => clock, baseSha: gh.head() }, async () => {
        taken = await gh.getRefSha(REPO, leaseRef(NAME));
        return 'second';
      });
      expect(second).toEqual({ ran: true, value: 'second' });
      // The second run is done and released; a third takes the lease while the first still works.
      const third = await gh.createCommit(REPO, { message: 'listwarden lease until 2099-01-01T00:00:00.000Z', parentSha: gh.head(), files: [] });
      await gh.createRef(REPO, leaseRef(NAME), third);
    });
    expect(taken).toBeDefined();
    expect(gh.refs.has(leaseRef(NAME))).toBe(true);
  });
});
