import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { createServer } from 'node:net';
import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { Agent, MockAgent } from 'undici';
import { generate } from 'selfsigned';
import { startLinkFarm, type LinkFarm } from '../helpers/link-farm.js';
import { farmProber } from '../helpers/farm-prober.js';
import type { LookupFn } from '../../../src/links/http/ssrf-guard.js';

const GiB = 1024 ** 3;
let endlessSent = 0;

/** Writes until 1 GiB is out or the client hangs up, honouring backpressure. */
async function streamEndlessly(res: ServerResponse, contentType: string): Promise<void> {
  res.writeHead(200, { 'content-type': contentType });
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  const chunk = Buffer.alloc(64 * 1024, ' ');
  chunk.write('<html><head><title>Endless</title></head><body>');
  let closed = false;
  res.on('close', () => (closed = true));
  for (let i = 0; i < GiB / chunk.length && !closed; i++) {
    endlessSent += chunk.length;
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  res.end();
}

const failingLookup =
  (code: string): LookupFn =>
  async (host) => {
    throw Object.assign(new Error(`getaddrinfo ${code} ${host}`), { code, syscall: 'getaddrinfo', hostname: host });
  };

let farm: LinkFarm;

beforeAll(async () => {
  farm = await startLinkFarm({
    '/ok': { status: 200 },
    '/hang': () => undefined, // never answers; the farm's close ends the socket
    '/drip': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><head><title>Drip');
    },
    '/trickle': async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<title>Trickle</title>');
      for (let i = 0; i < 200 && !res.destroyed; i++) {
        res.write(' ');
        await delay(20);
      }
      res.end();
    },
    '/endless': (_req, res) => streamEndlessly(res, 'text/html'),
    '/endless-binary': (req, res) => {
      if (req.method === 'HEAD') {
        res.writeHead(405);
        res.end();
        return;
      }
      return streamEndlessly(res, 'application/octet-stream');
    },
    '/reset': (req) => void req.socket.destroy(),
    '/reset-mid-body': (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      res.write('<title>Half</title>');
      setTimeout(() => req.socket.destroy(), 20);
    },
  });
});

afterAll(() => farm.close());

describe('UndiciProber: timeouts and bodies', () => {
  it('slow headers → unverifiable timeout with the wait in the reason', async () => {
    const { prober, close } = farmProber({ headersTimeoutMs: 300, retries: 0 });
    try {
      const result = await prober.probe(farm.url('/hang'));
      expect(result).toMatchObject({
        verdict: 'unverifiable',
        cause: 'timeout',
        reason: 'timed out after 0.3 s waiting for headers',
        requests: 1,
      });
      expect(result.status).toBeUndefined();
    } finally {
      await close();
    }
  });

  it('a timed-out HEAD is retried as GET', async () => {
    const { prober, close } = farmProber({ headersTimeoutMs: 200, retries: 1 });
    try {
      const before = farm.hits('/hang').length;
      const result = await prober.probe(farm.url('/hang'));
      expect(result).toMatchObject({ cause: 'timeout', requests: 2, reason: 'timed out after 0.2 s waiting for headers (after 2 tries)' });
      expect(farm.hits('/hang').slice(before).map((r) => r.method)).toEqual(['HEAD', 'GET']);
    } finally {
      await close();
    }
  });

  it('the total timeout bounds the whole probe', async () => {
    const { prober, close } = farmProber({ headersTimeoutMs: 5_000, totalTimeoutMs: 400 });
    try {
      const started = Date.now();
      const result = await prober.probe(farm.url('/hang'));
      expect(result).toMatchObject({ verdict: 'unverifiable', cause: 'timeout', reason: 'timed out after 0.4 s (whole probe)' });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await close();
    }
  });

  it('a connect that does not complete (a lookup that never answers) → timeout', async () => {
    const { prober, close } = farmProber(
      { connectTimeoutMs: 200, retries: 0 },
      { lookup: () => new Promise(() => undefined) },
    );
    try {
      expect(await prober.probe('http://stuck.test/')).toMatchObject({
        verdict: 'unverifiable',
        cause: 'timeout',
        reason: 'timed out after 0.2 s connecting',
      });
    } finally {
      await close();
    }
  });

  it('the caller aborting rejects the probe (a cancellation is no verdict)', async () => {
    const { prober, close } = farmProber();
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error('cancelled by test')), 100);
      await expect(prober.probe(farm.url('/hang'), controller.signal)).rejects.toThrow('cancelled by test');
    } finally {
      await close();
    }
  });

  // Decision: once the status line is in, a stalled body does not change the verdict —
  // the prefix read is bounded by headersTimeoutMs (and the total timeout) and keeps what came.
  it('a body that stalls after the headers → alive, with the title read so far, no hang', async () => {
    const { prober, close } = farmProber({ titles: true, headersTimeoutMs: 300 });
    try {
      const started = Date.now();
      const result = await prober.probe(farm.url('/drip'));
      expect(result).toMatchObject({ verdict: 'alive', status: 200, titles: ['Drip'] });
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await close();
    }
  });

  it('a body that trickles forever (never idle) is cut by the same bound', async () => {
    const { prober, close } = farmProber({ titles: true, headersTimeoutMs: 300 });
    try {
      const started = Date.now();
      expect(await prober.probe(farm.url('/trickle'))).toMatchObject({ verdict: 'alive', titles: ['Trickle'] });
      expect(Date.now() - started).toBeLessThan(2_000);
      for (let i = 0; i < 100 && !farm.hits('/trickle').at(-1)!.closedEarly; i++) await delay(10);
      expect(farm.hits('/trickle').at(-1)!.closedEarly).toBe(true);
    } finally {
      await close();
    }
  });

  it('a "1 GB" HTML body: only maxBodyBytes are read, then the connection is dropped', async () => {
    const { prober, close } = farmProber({ titles: true, maxBodyBytes: 64 * 1024 });
    try {
      endlessSent = 0;
      const started = Date.now();
      const result = await prober.probe(farm.url('/endless'));
      expect(result).toMatchObject({ verdict: 'alive', titles: ['Endless'], requests: 1 });
      expect(Date.now() - started).toBeLessThan(3_000);
      for (let i = 0; i < 100 && !farm.hits('/endless').at(-1)!.closedEarly; i++) await delay(10);
      expect(farm.hits('/endless').at(-1)!.closedEarly).toBe(true);
      expect(endlessSent).toBeLessThan(32 * 1024 * 1024);
    } finally {
      await close();
    }
  });

  it('a "1 GB" non-HTML body after a refused HEAD: not read at all', async () => {
    const { prober, close } = farmProber();
    try {
      endlessSent = 0;
      expect(await prober.probe(farm.url('/endless-binary'))).toMatchObject({ verdict: 'alive', requests: 2 });
      for (let i = 0; i < 100 && !farm.hits('/endless-binary').at(-1)!.closedEarly; i++) await delay(10);
      expect(farm.hits('/endless-binary').at(-1)!.closedEarly).toBe(true);
      expect(endlessSent).toBeLessThan(32 * 1024 * 1024);
    } finally {
      await close();
    }
  });

  it('HEAD of a "1 GB" page → alive with no body at all', async () => {
    const { prober, close } = farmProber();
    try {
      expect(await prober.probe(farm.url('/endless'))).toMatchObject({ verdict: 'alive', requests: 1 });
    } finally {
      await close();
    }
  });
});

describe('UndiciProber: connection failures', () => {
  // Decision: a server that keeps dropping the connection exists but cannot be checked:
  // unverifiable connection-reset after HEAD, GET and the retries.
  it('a connection reset every time → retried, then unverifiable connection-reset', async () => {
    const { prober, close } = farmProber({ retries: 2 });
    try {
      const result = await prober.probe(farm.url('/reset'));
      expect(result).toMatchObject({ verdict: 'unverifiable', cause: 'connection-reset', requests: 4 });
      expect(result.reason).toMatch(/^connection reset: /);
      expect(farm.hits('/reset').map((r) => r.method)).toEqual(['HEAD', 'GET', 'GET', 'GET']);
    } finally {
      await close();
    }
  });

  it('a reset mid-body after a 200 → alive (the status was in)', async () => {
    const { prober, close } = farmProber({ titles: true });
    try {
      expect(await prober.probe(farm.url('/reset-mid-body'))).toMatchObject({ verdict: 'alive', titles: ['Half'] });
    } finally {
      await close();
    }
  });

  it('connection refused → dead with the socket error', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    const { prober, close } = farmProber();
    try {
      expect(await prober.probe(`http://127.0.0.1:${port}/`)).toMatchObject({
        verdict: 'dead',
        cause: 'connection-refused',
        reason: `connect ECONNREFUSED 127.0.0.1:${port}`,
        requests: 1,
      });
    } finally {
      await close();
    }
  });

  it('DNS: the name does not exist (ENOTFOUND) → dead dns-not-found, not retried', async () => {
    let lookups = 0;
    const lookup: LookupFn = (host) => {
      lookups++;
      return failingLookup('ENOTFOUND')(host);
    };
    const { prober, close } = farmProber({}, { lookup });
    try {
      expect(await prober.probe('http://example.example.example.com/')).toMatchObject({
        verdict: 'dead',
        cause: 'dns-not-found',
        reason: 'getaddrinfo ENOTFOUND example.example.example.com',
      });
      expect(lookups).toBe(1);
    } finally {
      await close();
    }
  });

  it('DNS: the resolver cannot answer (EAI_AGAIN) → retried, then unverifiable dns-failure', async () => {
    let lookups = 0;
    const lookup: LookupFn = (host) => {
      lookups++;
      return failingLookup('EAI_AGAIN')(host);
    };
    const { prober, close } = farmProber({ retries: 2 }, { lookup });
    try {
      const result = await prober.probe('https://flaky-resolver.test/');
      expect(result).toMatchObject({ verdict: 'unverifiable', cause: 'dns-failure', requests: 3 });
      expect(result.reason).toMatch(/^getaddrinfo EAI_AGAIN flaky-resolver\.test/);
      expect(lookups).toBe(3);
    } finally {
      await close();
    }
  });
});

describe('UndiciProber: TLS', () => {
  let tlsFarm: LinkFarm;
  let cert: string;

  beforeAll(async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keySize: 2048,
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    cert = pems.cert;
    tlsFarm = await startLinkFarm({ '/': { status: 200 } }, { hosts: ['127.0.0.1'], tls: { key: pems.private, cert } });
  }, 30_000);

  afterAll(() => tlsFarm.close());

  it('a self-signed certificate → dead tls-error', async () => {
    const { prober, close } = farmProber();
    try {
      const result = await prober.probe(tlsFarm.url('/'));
      expect(result).toMatchObject({ verdict: 'dead', cause: 'tls-error', requests: 1 });
      expect(result.reason).toMatch(/^TLS error: self[- ]signed certificate/);
    } finally {
      await close();
    }
  });

  it('the same server is alive through a dispatcher that trusts the certificate', async () => {
    const agent = new Agent({ connect: { ca: cert } });
    const { prober, close } = farmProber({}, { dispatcher: agent });
    try {
      expect(await prober.probe(tlsFarm.url('/'))).toMatchObject({ verdict: 'alive', status: 200 });
    } finally {
      await close();
      await agent.close();
    }
  });
});

describe('UndiciProber with undici MockAgent', () => {
  it('probes through an injected dispatcher, public names, allowPrivate off', async () => {
    const mock = new MockAgent();
    mock.disableNetConnect();
    const pool = mock.get('https://awesome.example');
    pool.intercept({ path: '/tool', method: 'HEAD' }).reply(301, '', { headers: { location: '/tool/' } });
    pool.intercept({ path: '/tool/', method: 'HEAD' }).reply(200, '');
    pool.intercept({ path: '/gone', method: 'HEAD' }).reply(410, '');
    pool.intercept({ path: '/gone', method: 'GET' }).reply(410, 'gone');
    const { prober, close } = farmProber({ allowPrivate: false }, { dispatcher: mock });
    try {
      expect(await prober.probe('https://awesome.example/tool')).toMatchObject({
        verdict: 'alive',
        permanentRedirect: true,
        finalUrl: 'https://awesome.example/tool/',
      });
      expect(await prober.probe('https://awesome.example/gone')).toMatchObject({ verdict: 'dead', cause: 'not-found' });
      // The guard still refuses private targets before the dispatcher sees them.
      expect(await prober.probe('http://10.0.0.1/')).toMatchObject({ cause: 'blocked-address', requests: 0 });
    } finally {
      await close();
      await mock.close();
    }
  });
});
