import { describe, it, expect } from '@jest/globals';
import { ARCHIVE_CONCURRENCY, findArchivedCopies, type ArchiveLookup } from '../../../src/links/wayback/archived-copies.js';

/** An archive that answers after `ms` (never, when Infinity) and records how many asks were in flight at once. */
function archive(ms: number, has: (url: string) => boolean = () => true): ArchiveLookup & { asked: string[]; maxInFlight: number } {
  let inFlight = 0;
  const fake = {
    asked: [] as string[],
    maxInFlight: 0,
    closest(url: string, _timestamp?: string, signal?: AbortSignal) {
      fake.asked.push(url);
      inFlight++;
      fake.maxInFlight = Math.max(fake.maxInFlight, inFlight);
      return new Promise<{ url: string } | undefined>((resolve) => {
        const done = (answer: { url: string } | undefined) => {
          inFlight--;
          resolve(answer);
        };
        const timer = ms < Infinity ? setTimeout(() => done(has(url) ? { url: `https://web.archive.org/web/2024/${url}` } : undefined), ms) : undefined;
        // As WaybackClient does: an aborted look-up is an undefined answer.
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          done(undefined);
        });
      });
    },
  };
  return fake;
}

const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://gone${i}.example/`);

describe('archived copies for dead links', () => {
  it(`are looked up ${ARCHIVE_CONCURRENCY} at a time, not one after another`, async () => {
    const lookup = archive(20, (url) => !url.includes('gone3.'));
    const result = await findArchivedCopies(urls(10), lookup);
    expect(lookup.maxInFlight).toBe(ARCHIVE_CONCURRENCY);
    expect(result.notLookedUp).toBe(0);
    expect(result.archived.size).toBe(9);
    expect(result.archived.get('https://gone0.example/')).toBe('https://web.archive.org/web/2024/https://gone0.example/');
    expect(result.archived.has('https://gone3.example/')).toBe(false);
  });

  it('stop at the deadline: a look-up under way is cut, none starts after, and they are counted', async () => {
    const lookup = archive(Infinity);
    const result = await findArchivedCopies(urls(10), lookup, { deadline: Date.now() + 50 });
    expect(lookup.asked).toHaveLength(ARCHIVE_CONCURRENCY);
    expect(result).toEqual({ archived: new Map(), notLookedUp: 10 });
  });

  it('none starts when the budget is already spent', async () => {
    const lookup = archive(1);
    const result = await findArchivedCopies(urls(3), lookup, { deadline: Date.now() - 1 });
    expect(lookup.asked).toEqual([]);
    expect(result.notLookedUp).toBe(3);
  });

  it('nothing to look up is no work', async () => {
    const lookup = archive(1);
    expect(await findArchivedCopies([], lookup)).toEqual({ archived: new Map(), notLookedUp: 0 });
    expect(lookup.asked).toEqual([]);
  });
});
