import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { startLinkFarm, type LinkFarm } from '../helpers/link-farm.js';
import { farmProber } from '../helpers/farm-prober.js';

const html = (title: string) => ({
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="Farm"></head><body>hi</body></html>`,
});

let farm: LinkFarm;
const { prober, close } = farmProber();
const titled = farmProber({ titles: true });

beforeAll(async () => {
  farm = await startLinkFarm({
    '/ok': html('Home'),
    '/no-content': { status: 204 },
    '/partial': { status: 206, body: 'part' },
    '/missing': { status: 404, body: 'nope' },
    '/gone': { status: 410 },
    '/bad-request': { status: 400 },
    '/unauthorized': { status: 401, headers: { 'www-authenticate': 'Basic' } },
    '/forbidden': { status: 403, body: 'forbidden' },
    '/legal': { status: 451 },
    '/head-403': (req, res) => {
      res.writeHead(req.method === 'HEAD' ? 403 : 200, { 'content-type': 'text/html' });
      res.end(req.method === 'HEAD' ? undefined : '<title>GET works</title>');
    },
    '/head-405': (req, res) => {
      res.writeHead(req.method === 'HEAD' ? 405 : 200);
      res.end();
    },
    '/head-501': (req, res) => {
      res.writeHead(req.method === 'HEAD' ? 501 : 200);
      res.end();
    },
    '/head-400': (req, res) => {
      res.writeHead(req.method === 'HEAD' ? 400 : 200);
      res.end();
    },
    '/head-reset': (req, res) => {
      if (req.method === 'HEAD') req.socket.destroy();
      else res.end('ok');
    },
    '/linkedin': { status: 999, body: 'denied' },
    '/cf-challenge': {
      status: 403,
      headers: { server: 'cloudflare', 'cf-mitigated': 'challenge', 'content-type': 'text/html' },
      body: '<title>Just a moment...</title>',
    },
    '/cf-markers': (req, res) => {
      res.writeHead(403, { server: 'cloudflare', 'content-type': 'text/html' });
      res.end(req.method === 'HEAD' ? undefined : '<html><head><title>Just a moment...</title></head><body><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1"></script></body></html>');
    },
    '/cf-plain-403': { status: 403, headers: { server: 'cloudflare' }, body: '<h1>403 Forbidden</h1>' },
    '/datadome': { status: 403, headers: { 'x-datadome': 'protected' } },
    '/headers': (req, res) => {
      res.writeHead(req.headers.authorization === 'Bearer sesame' ? 200 : 401);
      res.end();
    },
    '/image.png': { status: 200, headers: { 'content-type': 'image/png' }, body: '\x89PNG' },
    '/latin1': {
      status: 200,
      headers: { 'content-type': 'text/html; charset=iso-8859-1' },
      body: Buffer.from('<title>caf\xe9</title>', 'latin1'),
    },
  });
});

afterAll(async () => {
  await close();
  await titled.close();
  await farm.close();
});

const methods = (path: string) => farm.hits(path).map((r) => r.method);

describe('UndiciProber: statuses', () => {
  it('200 → alive with one HEAD', async () => {
    const result = await prober.probe(farm.url('/ok'));
    expect(result).toMatchObject({ verdict: 'alive', cause: 'ok', status: 200, reason: '200 OK', requests: 1 });
    expect(result.redirects).toEqual([]);
    expect(result.finalUrl).toBe(farm.url('/ok'));
    expect(result.permanentRedirect).toBe(false);
    expect(result.titles).toEqual([]);
    expect(Date.parse(result.checkedAt)).not.toBeNaN();
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(methods('/ok')).toEqual(['HEAD']);
  });

  it('204 and 206 → alive', async () => {
    expect((await prober.probe(farm.url('/no-content'))).verdict).toBe('alive');
    expect(await prober.probe(farm.url('/partial'))).toMatchObject({ verdict: 'alive', status: 206 });
  });

  it('404 → dead not-found, confirmed by GET', async () => {
    const result = await prober.probe(farm.url('/missing'));
    expect(result).toMatchObject({ verdict: 'dead', cause: 'not-found', status: 404, reason: '404 Not Found', requests: 2 });
    expect(methods('/missing')).toEqual(['HEAD', 'GET']);
  });

  it('410 → dead not-found', async () => {
    expect(await prober.probe(farm.url('/gone'))).toMatchObject({ verdict: 'dead', cause: 'not-found', status: 410 });
  });

  it('400 → dead http-error', async () => {
    expect(await prober.probe(farm.url('/bad-request'))).toMatchObject({ verdict: 'dead', cause: 'http-error', status: 400 });
  });

  it('401, 403 and 451 → unverifiable forbidden', async () => {
    for (const path of ['/unauthorized', '/forbidden', '/legal']) {
      expect(await prober.probe(farm.url(path))).toMatchObject({ verdict: 'unverifiable', cause: 'forbidden' });
    }
  });

  it('aliveStatuses makes a status alive', async () => {
    const lenient = farmProber({ aliveStatuses: [403] });
    try {
      expect(await lenient.prober.probe(farm.url('/forbidden'))).toMatchObject({ verdict: 'alive', cause: 'ok', status: 403 });
    } finally {
      await lenient.close();
    }
  });

  it('strips the fragment before requesting', async () => {
    const result = await prober.probe(`${farm.url('/ok')}#section-2`);
    expect(result.url).toBe(farm.url('/ok'));
    expect(result.verdict).toBe('alive');
    expect(farm.requests.at(-1)?.path).toBe('/ok');
  });
});

describe('UndiciProber: HEAD refused → GET', () => {
  it.each(['/head-403', '/head-405', '/head-501', '/head-400'])('%s: HEAD refused, GET 200 → alive', async (path) => {
    const result = await prober.probe(farm.url(path));
    expect(result).toMatchObject({ verdict: 'alive', status: 200, requests: 2 });
    expect(methods(path)).toEqual(['HEAD', 'GET']);
  });

  it('HEAD reset without an answer → GET → alive', async () => {
    expect(await prober.probe(farm.url('/head-reset'))).toMatchObject({ verdict: 'alive', status: 200, requests: 2 });
    expect(methods('/head-reset')).toEqual(['HEAD', 'GET']);
  });

  it('reads titles from the GET of a page that refused HEAD', async () => {
    expect((await prober.probe(farm.url('/head-403'))).titles).toEqual(['GET works']);
  });
});

describe('UndiciProber: bot walls', () => {
  it('999 → unverifiable bot-wall, no GET', async () => {
    const result = await prober.probe(farm.url('/linkedin'));
    expect(result).toMatchObject({ verdict: 'unverifiable', cause: 'bot-wall', status: 999, requests: 1 });
  });

  it('403 with cf-mitigated: challenge → unverifiable bot-wall on the HEAD', async () => {
    const result = await prober.probe(farm.url('/cf-challenge'));
    expect(result).toMatchObject({ verdict: 'unverifiable', cause: 'bot-wall', status: 403, requests: 1 });
    expect(result.reason).toBe('403 Forbidden (a Cloudflare challenge)');
  });

  it('server: cloudflare 403 with challenge markers in the body → bot-wall (seen on GET)', async () => {
    const result = await prober.probe(farm.url('/cf-markers'));
    expect(result).toMatchObject({ verdict: 'unverifiable', cause: 'bot-wall', requests: 2 });
  });

  it('a plain Cloudflare 403 is forbidden, not a bot wall', async () => {
    expect(await prober.probe(farm.url('/cf-plain-403'))).toMatchObject({ verdict: 'unverifiable', cause: 'forbidden' });
  });

  it('DataDome → bot-wall', async () => {
    expect(await prober.probe(farm.url('/datadome'))).toMatchObject({ cause: 'bot-wall' });
  });
});

describe('UndiciProber: request headers', () => {
  it('sends the user agent, a browser Accept and the prefix headers', async () => {
    const withAuth = farmProber({
      userAgent: 'listwarden-test/1',
      headers: [
        { prefix: farm.url('/headers'), headers: { Authorization: 'Bearer sesame' } },
        { prefix: farm.url('/elsewhere'), headers: { 'X-Other': 'no' } },
      ],
    });
    try {
      expect(await withAuth.prober.probe(farm.url('/headers'))).toMatchObject({ verdict: 'alive' });
      const sent = farm.hits('/headers').at(-1)!.headers;
      expect(sent['user-agent']).toBe('listwarden-test/1');
      expect(sent.accept).toMatch(/^text\/html/);
      expect(sent.authorization).toBe('Bearer sesame');
      expect(sent['x-other']).toBeUndefined();
    } finally {
      await withAuth.close();
    }
  });

  it('without the configured header the page is forbidden', async () => {
    expect(await prober.probe(farm.url('/headers'))).toMatchObject({ verdict: 'unverifiable', cause: 'forbidden' });
  });
});

describe('UndiciProber: titles (titles: true → GET first)', () => {
  it('reads <title> and og:site_name of an alive HTML page', async () => {
    const result = await titled.prober.probe(farm.url('/ok'));
    expect(result).toMatchObject({ verdict: 'alive', requests: 1, titles: ['Home', 'Farm'] });
  });

  it('decodes the declared charset', async () => {
    expect((await titled.prober.probe(farm.url('/latin1'))).titles).toEqual(['café']);
  });

  it('reads no titles from a non-HTML page', async () => {
    expect(await titled.prober.probe(farm.url('/image.png'))).toMatchObject({ verdict: 'alive', titles: [] });
  });

  it('reads no titles from an error page', async () => {
    expect((await titled.prober.probe(farm.url('/missing'))).titles).toEqual([]);
  });
});

describe('UndiciProber: schemes', () => {
  it.each(['ftp://example.org/file', 'mailto:someone@example.org', 'hhttppss://example.org', 'applesauce://example.org', 'file:///etc/passwd'])(
    '%s → unverifiable unsupported-scheme, no request',
    async (url) => {
      const result = await prober.probe(url);
      expect(result).toMatchObject({ verdict: 'unverifiable', cause: 'unsupported-scheme', requests: 0 });
      expect(result.reason).toMatch(/^unsupported scheme /);
    },
  );

  it('an invalid URL → unverifiable with the reason', async () => {
    expect(await prober.probe('http://exa mple.com/')).toMatchObject({
      verdict: 'unverifiable',
      cause: 'unsupported-scheme',
      reason: 'invalid URL: http://exa mple.com/',
    });
  });
});
