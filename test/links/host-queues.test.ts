import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { ServerResponse } from 'node:http';
import { HostScheduler } from '../../src/links/host-scheduler.js';
import { UndiciProber } from '../../src/links/http/undici-prober.js';
import { startLinkFarm, type LinkFarm } from './helpers/link-farm.js';
import { farmOptions } from './helpers/farm-prober.js';

/**
 * Many links to one host (a list with 1,500 github.com links) queue behind that host's
 * limit. Waiting in that queue is not the probe's own time: the whole-probe timeout starts
 * with the first request, and a probe's retries and redirect hops go ahead of the queue.
 * (bench/links-bench.mjs found 849 of 1,500 such links "timed out after 30 s" unsent.)
 * And the slots a run asks for all at once go round-robin over its hosts.
 */
describe('HostScheduler and UndiciProber queues', () => {
  let farm: LinkFarm;
  beforeAll(async () => {
    const slow = (res: ServerResponse, status: number, headers: Record<string, string> = {}): void => {
      setTimeout(() => {
        res.writeHead(status, headers);
        res.end();
      }, 40);
    };
    farm = await startLinkFarm({
      '/page': (_req, res) => slow(res, 200),
      '/busy': (_req, res, ctx) => (ctx.hit === 1 ? slow(res, 429, { 'retry-after': '0' }) : slow(res, 200)),
      '/old': (_req, res, ctx) => slow(res, 301, { location: ctx.farm.url('/page?moved') }),
    });
  });
  afterAll(async () => farm.close());

  /** Probes `perHost` links on each host through one scheduler; returns the farm's figures. */
  async function probeHosts(hosts: LinkFarm, perHost: Record<string, number>, limits: { concurrency: number; hostConcurrency: number }) {
    const options = farmOptions({ ...limits, titles: true });
    const prober = new UndiciProber(options, new HostScheduler(options));
    try {
      const urls = Object.entries(perHost).flatMap(([host, n]) => Array.from({ length: n }, (_, i) => hosts.url(`/page?n=${i}`, host)));
      const results = await Promise.all(urls.map((url) => prober.probe(url)));
      expect(results.every((r) => r.verdict === 'alive')).toBe(true);
    } finally {
      await prober.close();
    }
  }

  it('a probe that waits for its slot longer than the total timeout is not timed out', async () => {
    // 12 probes, one at a time, 40 ms each: the last waits ~440 ms, over a 300 ms total timeout.
    const options = farmOptions({ hostConcurrency: 1, totalTimeoutMs: 300, titles: true });
    const prober = new UndiciProber(options, new HostScheduler(options));
    try {
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => prober.probe(farm.url(`/page?n=${i}`))));
      expect(results.map((r) => r.verdict)).toEqual(Array(12).fill('alive'));
    } finally {
      await prober.close();
    }
  });

  it("a probe's retry and redirect hop go ahead of the host's queued first requests", async () => {
    const options = farmOptions({ hostConcurrency: 1, totalTimeoutMs: 300, titles: true });
    const prober = new UndiciProber(options, new HostScheduler(options));
    try {
      const first = [prober.probe(farm.url('/busy')), prober.probe(farm.url('/old'))];
      const queued = Array.from({ length: 10 }, (_, i) => prober.probe(farm.url(`/page?q=${i}`)));
      const [busy, old] = await Promise.all(first);
      expect(busy).toMatchObject({ verdict: 'alive', requests: 2 });
      expect(old).toMatchObject({ verdict: 'alive', requests: 2, permanentRedirect: true });
      expect((await Promise.all(queued)).every((r) => r.verdict === 'alive')).toBe(true);
    } finally {
      await prober.close();
    }
  });

  it('the scheduler serves continuations before first requests, in their own order', async () => {
    const scheduler = new HostScheduler({ concurrency: 1, hostConcurrency: 1, hostIntervalMs: 0 });
    const held = await scheduler.acquire('a');
    const order: string[] = [];
    const take = (name: string, continuation: boolean) =>
      scheduler.acquire('a', undefined, { continuation }).then((release) => {
        order.push(name);
        release();
      });
    const all = [take('first-1', false), take('first-2', false), take('retry-1', true), take('hop-1', true)];
    held();
    await Promise.all(all);
    expect(order).toEqual(['retry-1', 'hop-1', 'first-1', 'first-2']);
  });

  it('slots asked for all at once go round-robin over the hosts, not in asking order', async () => {
    const scheduler = new HostScheduler({ concurrency: 4, hostConcurrency: 4, hostIntervalMs: 0 });
    const granted: string[] = [];
    const releases: (() => void)[] = [];
    const all = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'].map((host) =>
      scheduler.acquire(host).then((release) => {
        granted.push(host);
        releases.push(release);
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(granted.sort()).toEqual(['a', 'a', 'b', 'b']);
    while (releases.length > 0) releases.shift()!();
    await new Promise((r) => setImmediate(r));
    while (releases.length > 0) releases.shift()!();
    await Promise.all(all);
  });

  describe('connections', () => {
    const names = ['127.0.0.11', '127.0.0.12', '127.0.0.13', '127.0.0.14', '127.0.0.15', '127.0.0.16'];
    let many: LinkFarm;
    beforeAll(async () => {
      many = await startLinkFarm(
        {
          '/page': (_req, res) => {
            setTimeout(() => {
              res.writeHead(200, { 'content-type': 'text/html' });
              res.end('<title>Page</title>');
            }, 15);
          },
        },
        { hosts: names },
      );
    });
    afterAll(async () => many.close());

    it('a host whose connection is idle gets the next slot, so each host is connected to once', async () => {
      // 2 hosts share 2 slots. A freed slot handed straight back to its host would find the
      // client still putting the connection back (undici does so a turn later) and open a
      // second one: another TCP connect and, on https, another handshake.
      const two = names.slice(0, 2);
      const before = many.connections();
      await probeHosts(many, Object.fromEntries(two.map((h) => [h, 10])), { concurrency: 2, hostConcurrency: 4 });
      expect(many.connections() - before).toBe(two.length);
    });

    it('a host with most of the waiting links still gets up to its limit at once', async () => {
      const before = new Map(names.map((h) => [h, many.connections(h)]));
      const [big, ...small] = names;
      await probeHosts(many, { [big!]: 40, ...Object.fromEntries(small.map((h) => [h, 2])) }, { concurrency: 8, hostConcurrency: 4 });
      expect(many.maxInFlight(big)).toBe(4);
      for (const host of small) expect(many.connections(host) - before.get(host)!).toBe(1);
    });
  });
});
