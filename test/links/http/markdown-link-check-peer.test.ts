import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { readShared } from '../../helpers/shared-files.js';
import { startLinkFarm, type LinkFarm } from '../helpers/link-farm.js';
import { farmProber } from '../helpers/farm-prober.js';
import type { UndiciProber } from '../../../src/links/http/undici-prober.js';
import type { Verdict } from '../../../src/links/types.js';

/**
 * markdown-link-check's own sample (shared/peers/markdown-link-check/): its routes served
 * by the link farm as EXPECTED.md describes them, and listwarden's verdict for every
 * http(s) link of sample.md checked against the table. Skipped when shared/ is absent.
 */
const sample = readShared('peers', 'markdown-link-check', 'sample.md');
const expectedTable = readShared('peers', 'markdown-link-check', 'EXPECTED.md');
const suite = sample && expectedTable ? describe : describe.skip;

const AUTH = 'Basic Zm9vOmJhcg==';

interface Row {
  behaviour: string;
  expected: string;
}

/** EXPECTED.md rows by their link cell. */
function expectations(markdown: string): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 6 || !/^\d/.test(cells[1] ?? '')) continue;
    rows.set(cells[2]!, { behaviour: cells[3]!, expected: cells[4]! });
  }
  return rows;
}

function expectedVerdict(cell: string): Verdict | 'skip' {
  if (cell.startsWith('alive')) return 'alive';
  if (cell.startsWith('dead')) return 'dead';
  return 'skip';
}

suite('markdown-link-check peer fixture (sample.md)', () => {
  let farm: LinkFarm;
  let prober: UndiciProber;
  let close: () => Promise<void>;

  beforeAll(async () => {
    farm = await startLinkFarm(
      {
        '/redirect-with-body-in-head': (req) => {
          const body = 'a body the client did not ask for';
          req.socket.end(
            `HTTP/1.1 302 Found\r\nLocation: /foo/bar\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
          );
        },
        '/loop': { status: 302, headers: { location: '/loop' } },
        '/foo/bar': { status: 200, headers: { 'content-type': 'application/json' }, body: '{"foo":"bar"}' },
        '/nohead': (req, res) => {
          res.writeHead(req.method === 'HEAD' ? 405 : 200);
          res.end(req.method === 'HEAD' ? undefined : 'ok');
        },
        '/foo/redirect': { status: 302, headers: { location: '/foo/bar' } },
        '/basic-auth': (req, res) => {
          res.writeHead(req.headers.authorization === AUTH ? 200 : 401);
          res.end();
        },
        '/later': (_req, res, ctx) => {
          if (ctx.hit > 4) {
            res.writeHead(200);
            res.end('finally');
            return;
          }
          res.writeHead(429, ctx.hit === 2 ? {} : { 'retry-after': '2s' });
          res.end();
        },
        '/partial': { status: 206, body: 'part' },
        '/hello.jpg': { status: 200, headers: { 'content-type': 'image/jpeg' }, body: '\xff\xd8\xff' },
      },
      { hosts: ['127.0.0.1'] },
    );
    ({ prober, close } = farmProber(
      {
        retries: 4,
        retryDelayMs: 20,
        aliveStatuses: [200, 206],
        headers: [{ prefix: farm.url('/basic-auth'), headers: { Authorization: AUTH } }],
      },
      {
        lookup: async (host) => {
          throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
        },
      },
    ));
  });

  afterAll(async () => {
    await close();
    await farm.close();
  });

  it('agrees with markdown-link-check on every http(s) link', async () => {
    const base = farm.url('');
    const text = sample!.replaceAll('%%BASE_URL%%', base);
    const table = expectations(expectedTable!);
    const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    const checked: string[] = [];
    for (const link of links) {
      if (!/^https?:/i.test(link)) continue;
      const path = link.startsWith(base) ? link.slice(base.length) : link;
      const row = table.get(path);
      expect(row).toBeDefined();
      const want = expectedVerdict(row!.expected);
      if (want === 'skip') continue; // ignored by the peer's config
      // The peer rewrites /boo/ to /foo/ by config; listwarden's replacement config is
      // applied before probing, so probe the rewritten URL.
      const target = /rewritten to \/foo\/bar/.test(row!.behaviour) ? link.replace('/boo/', '/foo/') : link;
      const result = await prober.probe(target);
      expect({ link: path, verdict: result.verdict, reason: result.reason }).toEqual({
        link: path,
        verdict: want,
        reason: result.reason,
      });
      checked.push(path);
    }
    expect(checked).toEqual([
      '/redirect-with-body-in-head',
      '/loop',
      '/foo/bar',
      '/foo/dead',
      'http://example.example.example.com/',
      '/nohead',
      '/foo/redirect',
      '/basic-auth',
      '/boo/bar',
      '/later',
      '/partial',
      '/hello.jpg',
    ]);
  }, 30_000);

  it('gives the reasons a maintainer expects', async () => {
    const base = farm.url('');
    expect((await prober.probe(`${base}/loop`)).cause).toBe('redirect-loop');
    expect((await prober.probe(`${base}/foo/dead`)).reason).toBe('404 Not Found');
    expect(await prober.probe('http://example.example.example.com/')).toMatchObject({ cause: 'dns-not-found' });
    expect(await prober.probe(`${base}/redirect-with-body-in-head`)).toMatchObject({
      verdict: 'alive',
      status: 200,
      redirects: [{ url: `${base}/redirect-with-body-in-head`, status: 302 }],
    });
  });

  it('reports the unknown schemes and mailto: links as unsupported, not dead', async () => {
    const others = [...sample!.matchAll(/\]\(([^)\s]+)\)/g)]
      .map((m) => m[1]!)
      .filter((l) => /^(mailto|hhttppss|applesauce):/i.test(l));
    expect(others.length).toBe(6);
    for (const link of others) {
      expect(await prober.probe(link)).toMatchObject({ verdict: 'unverifiable', cause: 'unsupported-scheme' });
    }
  });
});
