import { describe, it, expect } from '@jest/globals';
import { getEventListeners } from 'node:events';
import { HostScheduler } from '../../src/links/host-scheduler.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `count` jobs per host through the scheduler; each holds its slot for `holdMs`. */
async function load(scheduler: HostScheduler, hosts: string[], count: number, holdMs: number) {
  let inFlight = 0;
  let maxInFlight = 0;
  const perHost = new Map<string, number>();
  const maxPerHost = new Map<string, number>();
  const started: { host: string; at: number }[] = [];
  const t0 = Date.now();
  await Promise.all(
    hosts.flatMap((host) =>
      Array.from({ length: count }, async () => {
        const release = await scheduler.acquire(host);
        started.push({ host, at: Date.now() - t0 });
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        perHost.set(host, (perHost.get(host) ?? 0) + 1);
        maxPerHost.set(host, Math.max(maxPerHost.get(host) ?? 0, perHost.get(host)!));
        await sleep(holdMs);
        inFlight--;
        perHost.set(host, perHost.get(host)! - 1);
        release();
      }),
    ),
  );
  return { maxInFlight, maxPerHost, started, elapsed: Date.now() - t0 };
}

describe('HostScheduler', () => {
  it('never exceeds the global or the per-host limit', async () => {
    const scheduler = new HostScheduler({ concurrency: 6, hostConcurrency: 2, hostIntervalMs: 0 });
    const result = await load(scheduler, ['a', 'b', 'c', 'd'], 5, 20);
    expect(result.maxInFlight).toBe(6);
    expect(Math.max(...result.maxPerHost.values())).toBe(2);
    expect(scheduler.stats().get('a')).toEqual({ maxActive: 2, requests: 5 });
  });

  it('slows down only the host that asked, others go on at full speed', async () => {
    const scheduler = new HostScheduler({ concurrency: 10, hostConcurrency: 2, hostIntervalMs: 0 });
    scheduler.backOff('slow', 300);
    const result = await load(scheduler, ['slow', 'fast'], 2, 10);
    const slowStarts = result.started.filter((s) => s.host === 'slow').map((s) => s.at);
    const fastStarts = result.started.filter((s) => s.host === 'fast').map((s) => s.at);
    expect(Math.min(...slowStarts)).toBeGreaterThanOrEqual(280);
    expect(Math.max(...fastStarts)).toBeLessThan(100);
  });

  it('keeps the minimum interval between starts on one host', async () => {
    const scheduler = new HostScheduler({ concurrency: 10, hostConcurrency: 10, hostIntervalMs: 50 });
    const result = await load(scheduler, ['a'], 4, 1);
    const starts = result.started.map((s) => s.at).sort((x, y) => x - y);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(45);
  });

  it('lets a waiting request be abandoned', async () => {
    const scheduler = new HostScheduler({ concurrency: 1, hostConcurrency: 1, hostIntervalMs: 0 });
    const first = await scheduler.acquire('a');
    const controller = new AbortController();
    const waiting = scheduler.acquire('a', controller.signal);
    controller.abort(new Error('budget spent'));
    await expect(waiting).rejects.toThrow('budget spent');
    first();
    const next = await scheduler.acquire('a');
    next();
  });

  it('abandons every request a run queued under one signal, with one listener on it', async () => {
    const scheduler = new HostScheduler({ concurrency: 2, hostConcurrency: 1, hostIntervalMs: 0 });
    const run = new AbortController();
    const granted: (() => void)[] = [];
    const outcomes = Array.from({ length: 3000 }, (_, i) =>
      scheduler.acquire(`h${i % 30}`, run.signal).then(
        (release) => (granted.push(release), 'granted'),
        (error: Error) => error.message,
      ),
    );
    await sleep(0);
    expect(granted).toHaveLength(2);
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(1);
    run.abort(new Error('budget spent'));
    const settled = await Promise.all(outcomes);
    expect(settled.filter((o) => o === 'budget spent')).toHaveLength(2998);
    // The hosts are free for the next run once the granted requests end.
    for (const release of granted) release();
    const next = await scheduler.acquire('h0');
    next();
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
  });

  it('stops listening to a signal once none of its requests waits', async () => {
    const scheduler = new HostScheduler({ concurrency: 4, hostConcurrency: 4, hostIntervalMs: 0 });
    const run = new AbortController();
    const releases = await Promise.all([1, 2, 3].map(() => scheduler.acquire('a', run.signal)));
    expect(getEventListeners(run.signal, 'abort')).toHaveLength(0);
    for (const release of releases) release();
  });
});
