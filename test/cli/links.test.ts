import { describe, it, expect, beforeAll, afterAll, beforeEach } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { startLinkFarm, type LinkFarm } from '../links/helpers/link-farm.js';

let farm: LinkFarm;
let dir: string;
let out: string;
let err: string;
const run = (...argv: string[]) =>
  main([...argv, '--allow-private'], { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir, env: { LISTWARDEN_WAYBACK_URL: farm.url('').replace(/\/$/, '') } });

beforeAll(async () => {
  farm = await startLinkFarm({
    '/ok': { status: 200, headers: { 'content-type': 'text/html' }, body: '<title>Okay Tool</title>' },
    '/gone': { status: 404 },
    '/old': (_req, res, ctx) => {
      res.writeHead(301, { location: ctx.farm.url('/new') });
      res.end();
    },
    '/new': { status: 200, headers: { 'content-type': 'text/html' }, body: '<title>New home</title>' },
    '/busy': { status: 429, headers: { 'retry-after': '0' } },
    // A stand-in of the Wayback Machine's availability API.
    '/wayback/available': (req, res) => {
      const asked = new URL(req.url ?? '', 'http://x').searchParams.get('url') ?? '';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(asked.endsWith('/gone') ? { archived_snapshots: { closest: { available: true, status: '200', timestamp: '20240101000000', url: `http://web.archive.org/web/20240101000000/${asked}` } } } : { archived_snapshots: {} }));
    },
  });
});
afterAll(async () => farm.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'listwarden-links-'));
  out = '';
  err = '';
});

function list(): string {
  return [
    '# Awesome',
    '',
    `- [Okay](${farm.url('/ok')}) - Alive.`,
    `- [Gone](${farm.url('/gone')}) - Dead.`,
    `- [Moved](${farm.url('/old')}#usage) - Moved permanently.`,
    `- [Busy](${farm.url('/busy')}) - Rate limited.`,
    `- [Again](${farm.url('/ok', '127.0.0.2')}) - Another host, same path.`,
    `- [Twice](${farm.url('/gone')}) - The dead one again.`,
    '',
  ].join('\n');
}

describe('listwarden check with link checks', () => {
  it('gives every verdict at every place, requesting each URL once', async () => {
    writeFileSync(join(dir, 'README.md'), list());
    const before = farm.requests.length;
    expect(await run('check', 'README.md', '--format', 'json')).toBe(1);
    const findings = JSON.parse(out).findings as { ruleId: string; line: number; severity: string; data?: { status?: number }; fix?: { edits: { text: string }[] } }[];
    const linkish = findings.filter((f) => ['no-dead-link', 'link-unverifiable', 'no-redirect'].includes(f.ruleId));
    expect(linkish.map((f) => `${f.line} ${f.ruleId}`)).toEqual(['4 no-dead-link', '5 no-redirect', '6 link-unverifiable', '8 no-dead-link']);
    expect(linkish[0]!.data?.status).toBe(404);
    expect(linkish[1]!.fix?.edits[0]!.text).toBe(`${farm.url('/new')}#usage`);
    const sent = farm.requests.slice(before);
    expect(sent.filter((r) => r.path === '/gone' && r.host === '127.0.0.1').length).toBeLessThanOrEqual(2);
  });

  it('--wayback suggests the archived copy of a dead link', async () => {
    writeFileSync(join(dir, 'README.md'), `- [Gone](${farm.url('/gone')}) - Dead.\n`);
    await run('check', 'README.md', '--wayback', '--format', 'json');
    const dead = JSON.parse(out).findings.find((f: { ruleId: string }) => f.ruleId === 'no-dead-link');
    expect(dead.suggestion).toBe(`https://web.archive.org/web/20240101000000/${farm.url('/gone')}`);
    expect(dead.message).toContain('replace it with the archived copy');
  });

  it('shows progress: periodic lines when standard error is not a terminal', async () => {
    writeFileSync(join(dir, 'README.md'), list());
    await run('check', 'README.md');
    expect(err).toMatch(/links: 1\/5 checked — /);
    expect(err).toMatch(/links: 5\/5 checked — 3 alive, 1 dead, 1 unverifiable\n/);
  });

  it('remembers alive links in --state: a second run inside the TTL sends no request for them', async () => {
    writeFileSync(join(dir, 'README.md'), list());
    await run('check', 'README.md', '--state', 'links.json');
    expect(existsSync(join(dir, 'links.json'))).toBe(true);
    const before = farm.requests.length;
    await run('check', 'README.md', '--state', 'links.json');
    const again = farm.requests.slice(before);
    expect(again.filter((r) => r.path === '/ok')).toEqual([]);
    expect(again.some((r) => r.path === '/gone')).toBe(true);
    const state = JSON.parse(readFileSync(join(dir, 'links.json'), 'utf8'));
    expect(state.urls[farm.url('/gone')]).toMatchObject({ verdict: 'dead', failureStreak: 2 });
  });

  it('fix rewrites a permanent redirect to its target, keeping the fragment', async () => {
    writeFileSync(join(dir, 'README.md'), list());
    await run('fix', 'README.md');
    const fixed = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(fixed).toContain(`[Moved](${farm.url('/new')}#usage)`);
    expect(fixed).toContain(`[Gone](${farm.url('/gone')})`);
  });

  it('refuses loopback targets without --allow-private, with the reason', async () => {
    writeFileSync(join(dir, 'README.md'), `- [Okay](${farm.url('/ok')}) - Alive.\n`);
    await main(['check', 'README.md', '--format', 'json'], { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir, env: {} });
    const finding = JSON.parse(out).findings.find((f: { ruleId: string }) => f.ruleId === 'link-unverifiable');
    expect(finding.message).toMatch(/refused: 127\.0\.0\.1 is a loopback address — pass --allow-private/);
  });

  it('stops at the time budget and says how many links are left', async () => {
    const slow = await startLinkFarm({ '/slow': (_req, res) => void setTimeout(() => res.end('late'), 3000) }, { hosts: ['127.0.0.4'] });
    try {
      writeFileSync(join(dir, 'README.md'), `- [Slow](${slow.url('/slow')}) - Slow.\n- [Okay](${farm.url('/ok')}) - Alive.\n`);
      await run('check', 'README.md', '--budget', '500ms');
      expect(err).toContain('time budget spent: 1 link left for the next run');
    } finally {
      await slow.close();
    }
  });
});
