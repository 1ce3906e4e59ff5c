import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import type { ServerResponse } from 'node:http';
import { startLinkFarm, type LinkFarm } from '../helpers/link-farm.js';
import { farmProber } from '../helpers/farm-prober.js';

const redirect = (res: ServerResponse, status: number, location: string) => {
  res.writeHead(status, { location });
  res.end();
};

let farm: LinkFarm;
const { prober, pacer, close } = farmProber();

beforeAll(async () => {
  farm = await startLinkFarm({
    '/final': { status: 200 },
    '/p1': (_req, res) => redirect(res, 301, '/p2'),
    '/p2': (_req, res) => redirect(res, 308, '/final'),
    '/t302': (_req, res) => redirect(res, 302, '/final'),
    '/t307': (_req, res) => redirect(res, 307, '/final'),
    '/t303': (_req, res) => redirect(res, 303, '/final'),
    '/mixed': (_req, res) => redirect(res, 301, '/t302'),
    '/dir/rel': (_req, res) => redirect(res, 301, '../final?from=rel'),
    '/query-only': (_req, res) => redirect(res, 302, '?page=2'),
    '/cross-host': (_req, res, ctx) => redirect(res, 301, `//127.0.0.2:${ctx.farm.port('127.0.0.2')}/final`),
    '/fragment': (_req, res) => redirect(res, 302, '/final#top'),
    '/self': (_req, res) => redirect(res, 302, '/self'),
    '/loop-a': (_req, res) => redirect(res, 302, '/loop-b'),
    '/loop-b': (_req, res) => redirect(res, 301, '/loop-a'),
    '/chain': (_req, res, ctx) => {
      const n = Number(ctx.url.searchParams.get('n') ?? '0');
      redirect(res, 302, n > 0 ? `/chain?n=${n - 1}` : '/final');
    },
    '/to-ftp': (_req, res) => redirect(res, 302, 'ftp://example.org/file'),
    '/to-dead': (_req, res) => redirect(res, 301, '/nothing-here'),
    '/no-location': { status: 302 },
    '/to-private': (_req, res, ctx) => redirect(res, 302, ctx.farm.url('/final', '127.0.0.2')),
    '/to-localhost': (_req, res, ctx) => redirect(res, 302, `http://localhost:${ctx.farm.port('127.0.0.2')}/final`),
    '/to-metadata': (_req, res) => redirect(res, 302, 'http://169.254.169.254/latest/meta-data/'),
    '/to-rebind': (_req, res, ctx) => redirect(res, 302, `http://rebind.test:${ctx.farm.port('127.0.0.2')}/final`),
    '/to-allowed-name': (_req, res, ctx) => redirect(res, 302, `http://intranet.test:${ctx.farm.port('127.0.0.2')}/final`),
  });
});

afterAll(async () => {
  await close();
  await farm.close();
});

describe('UndiciProber: redirects', () => {
  it('301 → 308 → 200: alive, permanent, chain and finalUrl recorded', async () => {
    const result = await prober.probe(farm.url('/p1'));
    expect(result).toMatchObject({ verdict: 'alive', status: 200, permanentRedirect: true, finalUrl: farm.url('/final'), requests: 3 });
    expect(result.redirects).toEqual([
      { url: farm.url('/p1'), status: 301 },
      { url: farm.url('/p2'), status: 308 },
    ]);
  });

  it.each([
    ['/t302', 302],
    ['/t307', 307],
    ['/t303', 303],
  ])('%s (temporary) → alive, not permanent', async (path, status) => {
    const result = await prober.probe(farm.url(path));
    expect(result).toMatchObject({ verdict: 'alive', permanentRedirect: false, finalUrl: farm.url('/final') });
    expect(result.redirects).toEqual([{ url: farm.url(path), status }]);
  });

  it('a chain with one temporary hop is not permanent', async () => {
    const result = await prober.probe(farm.url('/mixed'));
    expect(result.permanentRedirect).toBe(false);
    expect(result.redirects.map((h) => h.status)).toEqual([301, 302]);
  });

  it('resolves relative, query-only and protocol-relative Locations', async () => {
    expect((await prober.probe(farm.url('/dir/rel'))).finalUrl).toBe(farm.url('/final?from=rel'));
    expect((await prober.probe(farm.url('/query-only'))).finalUrl).toBe(farm.url('/query-only?page=2'));
    const cross = await prober.probe(farm.url('/cross-host'));
    expect(cross).toMatchObject({ verdict: 'alive', finalUrl: farm.url('/final', '127.0.0.2') });
  });

  it('every hop goes through the pacer under its own host', async () => {
    const before = pacer.acquired.length;
    await prober.probe(farm.url('/cross-host'));
    expect(pacer.acquired.slice(before).map((a) => a.host)).toEqual(['127.0.0.1', '127.0.0.2']);
  });

  it('drops a fragment from the Location', async () => {
    expect((await prober.probe(farm.url('/fragment'))).finalUrl).toBe(farm.url('/final'));
  });

  it('a redirect to itself → dead redirect-loop', async () => {
    const result = await prober.probe(farm.url('/self'));
    expect(result).toMatchObject({ verdict: 'dead', cause: 'redirect-loop', status: 302, requests: 1 });
    expect(result.reason).toBe(`redirect loop at ${farm.url('/self')}`);
  });

  it('A → B → A → dead redirect-loop', async () => {
    const result = await prober.probe(farm.url('/loop-a'));
    expect(result).toMatchObject({ verdict: 'dead', cause: 'redirect-loop', requests: 2 });
    expect(result.redirects.map((h) => h.url)).toEqual([farm.url('/loop-a'), farm.url('/loop-b')]);
  });

  it('exactly maxRedirects hops is fine; one more → dead too-many-redirects', async () => {
    const short = farmProber({ maxRedirects: 5 });
    try {
      expect(await short.prober.probe(farm.url('/chain?n=4'))).toMatchObject({ verdict: 'alive' });
      const result = await short.prober.probe(farm.url('/chain?n=5'));
      expect(result).toMatchObject({ verdict: 'dead', cause: 'too-many-redirects', reason: 'more than 5 redirects' });
      expect(result.redirects).toHaveLength(6);
    } finally {
      await short.close();
    }
  });

  it('a redirect to a dead page → dead, the chain kept', async () => {
    const result = await prober.probe(farm.url('/to-dead'));
    expect(result).toMatchObject({ verdict: 'dead', cause: 'not-found', finalUrl: farm.url('/nothing-here'), permanentRedirect: true });
  });

  it('a redirect to another scheme → unverifiable unsupported-scheme', async () => {
    expect(await prober.probe(farm.url('/to-ftp'))).toMatchObject({
      verdict: 'unverifiable',
      cause: 'unsupported-scheme',
      reason: 'redirects to unsupported scheme ftp:',
    });
  });

  it('a 3xx without Location is not followed and not called dead', async () => {
    expect(await prober.probe(farm.url('/no-location'))).toMatchObject({ verdict: 'unverifiable', status: 302, redirects: [] });
  });
});

describe('UndiciProber: redirects into blocked addresses', () => {
  // The farm lives on loopback, so these probers block private targets but allow the
  // first farm host by name (allowHosts): 127.0.0.2 plays "the private network".
  const guarded = farmProber(
    { allowPrivate: false, allowHosts: ['127.0.0.1', 'intranet.test'] },
    {
      lookup: async (host) => {
        if (host === 'rebind.test') return [{ address: '10.1.2.3', family: 4 }];
        if (host === 'intranet.test') return [{ address: '127.0.0.2', family: 4 }];
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      },
    },
  );
  afterAll(() => guarded.close());

  const seenOn127002 = () => farm.requests.filter((r) => r.host === '127.0.0.2').length;

  it('the allowed start host is checked normally', async () => {
    expect(await guarded.prober.probe(farm.url('/final'))).toMatchObject({ verdict: 'alive' });
  });

  it.each([
    ['/to-private', /^refused: 127\.0\.0\.2 is a loopback address/],
    ['/to-localhost', /^refused: localhost is a loopback name/],
    ['/to-metadata', /^refused: 169\.254\.169\.254 is a cloud metadata address/],
    ['/to-rebind', /^refused: rebind\.test resolves to 10\.1\.2\.3, a private address/],
  ])('%s → unverifiable blocked-address, no request to the target', async (path, reason) => {
    const before = seenOn127002();
    const result = await guarded.prober.probe(farm.url(path));
    expect(result).toMatchObject({ verdict: 'unverifiable', cause: 'blocked-address' });
    expect(result.reason).toMatch(reason);
    expect(result.redirects).toHaveLength(1);
    expect(seenOn127002()).toBe(before);
  });

  it('a host allowed by name passes although it resolves to loopback', async () => {
    expect(await guarded.prober.probe(farm.url('/to-allowed-name'))).toMatchObject({ verdict: 'alive' });
  });
});
