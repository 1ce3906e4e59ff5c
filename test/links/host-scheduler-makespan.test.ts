/**
 * The slowest host sets a run's end: the scheduler gives a host on the critical path its
 * full per-host limit before the fast hosts' queues are empty. Driven by a fake clock and
 * releases by hand, so what is asserted is the order of grants, not a timing.
 */
import { describe, it, expect } from '@jest/globals';
import { HostScheduler } from '../../src/links/host-scheduler.js';

const tick = () => new Promise((r) => setImmediate(r));

function world(options: { concurrency: number; hostConcurrency: number }) {
  let now = 0;
  const scheduler = new HostScheduler({ ...options, hostIntervalMs: 0, now: () => now });
  const held = new Map<string, (() => void)[]>();
  const queued = new Map<string, number>();
  const ask = (host: string, count: number) => {
    queued.set(host, (queued.get(host) ?? 0) + count);
    for (let i = 0; i < count; i++) {
      void scheduler.acquire(host).then((release) => {
        queued.set(host, queued.get(host)! - 1);
        held.set(host, [...(held.get(host) ?? []), release]);
      });
    }
  };
  /** Ends the requests these hosts have in flight now (not those granted meanwhile). */
  const releaseAll = async (hosts: string[]) => {
    const releases = hosts.flatMap((host) => {
      const mine = held.get(host) ?? [];
      held.set(host, []);
      return mine;
    });
    for (const release of releases) release();
    await tick();
    await tick();
  };
  return {
    scheduler,
    ask,
    releaseAll,
    inFlight: (host: string) => held.get(host)?.length ?? 0,
    waiting: (host: string) => queued.get(host) ?? 0,
    advance: (ms: number) => (now += ms),
  };
}

describe('HostScheduler: the slowest host first', () => {
  it('gives a host that answers 10× slower its full per-host limit while the fast hosts still wait', async () => {
    const w = world({ concurrency: 4, hostConcurrency: 2 });
    const fast = Array.from({ length: 10 }, (_, i) => `fast${i}`);
    w.ask('slow', 8);
    for (const host of fast) w.ask(host, 8);
    await tick();
    await tick();
    expect(w.inFlight('slow')).toBe(1);
    // The fast hosts answer every 10 ms; the slow host's first request is still out after 100 ms.
    for (let round = 0; round < 10; round++) {
      w.advance(10);
      await w.releaseAll(fast);
    }
    expect(w.inFlight('slow')).toBe(2);
    // …while every fast host still has links waiting.
    for (const host of fast) expect(w.waiting(host)).toBeGreaterThan(0);
    expect(w.scheduler.stats().get('slow')!.maxActive).toBe(2);
  });

  it('never gives any host more than its per-host limit, critical or not', async () => {
    const w = world({ concurrency: 8, hostConcurrency: 3 });
    w.ask('slow', 20);
    w.ask('fast', 20);
    await tick();
    for (let round = 0; round < 30; round++) {
      w.advance(10);
      await w.releaseAll(['fast']);
      expect(w.inFlight('slow')).toBeLessThanOrEqual(3);
      expect(w.inFlight('fast')).toBeLessThanOrEqual(3);
    }
    expect(w.inFlight('slow')).toBe(3);
  });

  it('hosts that answer alike are served as before: one connection each while many hosts wait', async () => {
    const w = world({ concurrency: 4, hostConcurrency: 2 });
    const hosts = Array.from({ length: 10 }, (_, i) => `h${i}`);
    for (const host of hosts) w.ask(host, 8);
    await tick();
    for (let round = 0; round < 10; round++) {
      w.advance(10);
      await w.releaseAll(hosts);
      for (const host of hosts) expect(w.inFlight(host)).toBeLessThanOrEqual(1);
    }
  });
});
