import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { setTimeout as delay } from 'node:timers/promises';
import { startLinkFarm, type LinkFarm } from '../helpers/link-farm.js';
import { farmProber } from '../helpers/farm-prober.js';
import { TestPacer } from '../helpers/test-pacer.js';

let farm: LinkFarm;

beforeAll(async () => {
  farm = await startLinkFarm({
    '/busy': (_req, res, ctx) => {
      res.writeHead(ctx.hit === 1 ? 429 : 200, ctx.hit === 1 ? { 'retry-after': '1' } : {});
      res.end();
    },
    '/neighbour': { status: 200 },
    '/maintenance-once': (_req, res, ctx) => {
      res.writeHead(ctx.hit === 1 ? 503 : 200);
      res.end();
    },
    '/broken': { status: 500 },
    '/maintenance': { status: 503 },
    '/bad-gateway': { status: 502 },
    '/rate-limited': { status: 429 },
    '/request-timeout': { status: 408 },
    '/invalid-retry-after': (_req, res, ctx) => {
      res.writeHead(ctx.hit <= 2 ? 429 : 200, { 'retry-after': '2s' });
      res.end();
    },
    '/date-retry-after': (_req, res, ctx) => {
      res.writeHead(ctx.hit === 1 ? 503 : 200, { 'retry-after': 'Wed, 21 Oct 2015 07:28:01 GMT' });
      res.end();
    },
    '/huge-retry-after': (_req, res, ctx) => {
      res.writeHead(ctx.hit === 1 ? 429 : 200, { 'retry-after': '86400' });
      res.end();
    },
    '/closed-for-a-day': { status: 429, headers: { 'retry-after': '86400' } },
    '/reset-once': (req, res, ctx) => {
      if (ctx.hit <= 2) req.socket.destroy();
      else res.end('ok');
    },
    '/slow': async (_req, res) => {
      await delay(60);
      res.end('ok');
    },
  });
});

afterAll(() => farm.close());

describe('UndiciProber: retries and pacing', () => {
  it('429 with Retry-After: 1, then 200 → alive; the host waits ≥ 1 s, other hosts do not', async () => {
    const { prober, pacer, close } = farmProber({}, {}, new TestPacer());
    try {
      const busy = prober.probe(farm.url('/busy'));
      // Once the 429 is in, a second link on the same host must wait for the back-off,
      // while a link on another host goes at once.
      for (let i = 0; i < 100 && pacer.backOffs.length === 0; i++) await delay(10);
      const [result, neighbour, elsewhere] = await Promise.all([
        busy,
        prober.probe(farm.url('/neighbour')),
        prober.probe(farm.url('/neighbour', '127.0.0.2')),
      ]);
      expect(result).toMatchObject({ verdict: 'alive', status: 200, requests: 2 });
      expect(neighbour.verdict).toBe('alive');
      expect(elsewhere.verdict).toBe('alive');
      expect(pacer.backOffs).toEqual([{ host: '127.0.0.1', delayMs: 1000 }]);
      const [first, retry] = farm.hits('/busy');
      expect(retry!.at - first!.at).toBeGreaterThanOrEqual(950);
      expect(farm.hits('/neighbour', '127.0.0.1')[0]!.at - first!.at).toBeGreaterThanOrEqual(950);
      expect(farm.hits('/neighbour', '127.0.0.2')[0]!.at - first!.at).toBeLessThan(900);
    } finally {
      await close();
    }
  });

  it('503 then 200 → alive, the host told to back off by the own delay', async () => {
    const { prober, pacer, close } = farmProber();
    try {
      expect(await prober.probe(farm.url('/maintenance-once'))).toMatchObject({ verdict: 'alive', requests: 2 });
      expect(pacer.backOffs).toHaveLength(1);
      expect(pacer.backOffs[0]!.delayMs).toBeGreaterThanOrEqual(10);
      expect(pacer.backOffs[0]!.delayMs).toBeLessThanOrEqual(20);
    } finally {
      await close();
    }
  });

  it('a persistent 500 → dead http-error after the retries (HEAD, then GET and 2 retries)', async () => {
    const { prober, close } = farmProber({ retries: 2 });
    try {
      const result = await prober.probe(farm.url('/broken'));
      expect(result).toMatchObject({ verdict: 'dead', cause: 'http-error', status: 500, requests: 4 });
      expect(result.reason).toBe('500 Internal Server Error (after 3 tries)');
      expect(farm.hits('/broken').map((r) => r.method)).toEqual(['HEAD', 'GET', 'GET', 'GET']);
    } finally {
      await close();
    }
  });

  it('a persistent 503 → unverifiable (maintenance), retried on HEAD', async () => {
    const { prober, close } = farmProber({ retries: 2 });
    try {
      const result = await prober.probe(farm.url('/maintenance'));
      expect(result).toMatchObject({ verdict: 'unverifiable', cause: 'http-error', status: 503, requests: 3 });
    } finally {
      await close();
    }
  });

  it('a persistent 502 → unverifiable', async () => {
    const { prober, close } = farmProber({ retries: 1 });
    try {
      expect(await prober.probe(farm.url('/bad-gateway'))).toMatchObject({ verdict: 'unverifiable', status: 502 });
    } finally {
      await close();
    }
  });

  it('a persistent 429 → unverifiable rate-limited', async () => {
    const { prober, pacer, close } = farmProber({ retries: 2 });
    try {
      const result = await prober.probe(farm.url('/rate-limited'));
      expect(result).toMatchObject({ verdict: 'unverifiable', cause: 'rate-limited', status: 429, requests: 3 });
      expect(pacer.backOffs).toHaveLength(3);
    } finally {
      await close();
    }
  });

  it('a persistent 408 → unverifiable timeout', async () => {
    const { prober, close } = farmProber({ retries: 1 });
    try {
      expect(await prober.probe(farm.url('/request-timeout'))).toMatchObject({ verdict: 'unverifiable', cause: 'timeout', status: 408 });
    } finally {
      await close();
    }
  });

  it('an invalid Retry-After ("2s") falls back to the own backoff', async () => {
    const { prober, pacer, close } = farmProber({ retries: 3 });
    try {
      const started = Date.now();
      expect(await prober.probe(farm.url('/invalid-retry-after'))).toMatchObject({ verdict: 'alive' });
      expect(Date.now() - started).toBeLessThan(1500);
      expect(pacer.backOffs.every((b) => b.delayMs < 100)).toBe(true);
    } finally {
      await close();
    }
  });

  it('reads a Retry-After HTTP date (against the injected clock)', async () => {
    const clock = Date.parse('2015-10-21T07:28:00.700Z');
    const { prober, pacer, close } = farmProber({}, { now: () => clock });
    try {
      const result = await prober.probe(farm.url('/date-retry-after'));
      expect(result).toMatchObject({ verdict: 'alive', checkedAt: '2015-10-21T07:28:00.700Z', durationMs: 0 });
      expect(pacer.backOffs).toEqual([{ host: '127.0.0.1', delayMs: 300 }]);
    } finally {
      await close();
    }
  });

  it('caps Retry-After at maxRetryAfterMs', async () => {
    const { prober, pacer, close } = farmProber({ maxRetryAfterMs: 200 });
    try {
      expect(await prober.probe(farm.url('/huge-retry-after'))).toMatchObject({ verdict: 'alive' });
      expect(pacer.backOffs).toEqual([{ host: '127.0.0.1', delayMs: 200 }]);
    } finally {
      await close();
    }
  });

  it('does not wait past the total timeout: answers with what it has', async () => {
    const { prober, close } = farmProber({ totalTimeoutMs: 500, maxRetryAfterMs: 60_000 });
    try {
      const started = Date.now();
      const result = await prober.probe(farm.url('/closed-for-a-day'));
      expect(result).toMatchObject({ verdict: 'unverifiable', cause: 'rate-limited', requests: 1 });
      expect(Date.now() - started).toBeLessThan(450);
    } finally {
      await close();
    }
  });

  it('resets are retried: HEAD reset → GET reset → GET 200 → alive', async () => {
    const { prober, close } = farmProber({ retries: 2 });
    try {
      expect(await prober.probe(farm.url('/reset-once'))).toMatchObject({ verdict: 'alive', requests: 3 });
    } finally {
      await close();
    }
  });

  it('uses injected sleep and jitter: exponential backoff', async () => {
    const waits: number[] = [];
    const { prober, close } = farmProber(
      { retries: 3, retryDelayMs: 100 },
      { sleep: async (ms) => void waits.push(ms), random: () => 0.5 },
    );
    try {
      await prober.probe(farm.url('/broken'));
      expect(waits).toEqual([75, 150, 300]);
    } finally {
      await close();
    }
  });

  it('keeps the per-host limit the pacer gives', async () => {
    const { prober, close } = farmProber({}, {}, new TestPacer(2));
    try {
      const before = farm.requests.length;
      const results = await Promise.all(Array.from({ length: 8 }, () => prober.probe(farm.url('/slow'))));
      expect(results.every((r) => r.verdict === 'alive')).toBe(true);
      expect(farm.requests.length - before).toBe(8);
      expect(farm.maxInFlight('127.0.0.1')).toBeLessThanOrEqual(2);
    } finally {
      await close();
    }
  });
});
