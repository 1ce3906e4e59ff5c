import { describe, it, expect, beforeAll, afterAll, beforeEach } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

/**
 * A hostile site on loopback: /old redirects permanently to a Location written to close
 * the link, add a second one and split a table row; /moved redirects to another host.
 * Every other path answers 200. (The "mirror" in the Location is a closed loopback port.)
 */
const HOSTILE = '/x)[Download v2 (official mirror)](http://127.0.0.2:1/setup.exe) | pwned |';

const servers: Server[] = [];
let port = 0;
let dir: string;
let out: string;
let err: string;

async function listen(host: string, at: number): Promise<number> {
  const server = createServer((req, res) => {
    if (req.url === '/old') res.writeHead(301, { location: HOSTILE });
    else if (req.url === '/dot') res.writeHead(301, { location: '/new.' });
    else if (req.url === '/moved') res.writeHead(301, { location: `http://127.0.0.2:${port}/new` });
    else res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<title>A page</title>');
  });
  await new Promise<void>((done) => server.listen(at, host, done));
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  port = await listen('127.0.0.1', 0);
  await listen('127.0.0.2', port);
});
afterAll(async () => {
  for (const server of servers) await new Promise((done) => server.close(done));
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'listwarden-redirect-'));
  out = '';
  err = '';
});

const run = (...argv: string[]) => main([...argv, '--allow-private'], { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir, env: {} });

/** The Location as a URL parser reads it, with what Markdown reads as syntax percent-encoded. */
const encodedTarget = () => `http://127.0.0.1:${port}/x%29%5BDownload%20v2%20%28official%20mirror%29%5D%28http://127.0.0.2:1/setup.exe%29%20%7C%20pwned%20%7C`;

function list(): string {
  return [
    '# Awesome',
    '',
    '## Tools',
    '',
    `- [Tool](http://127.0.0.1:${port}/old) - A tool.`,
    '',
    '## Table',
    '',
    '| Name | What |',
    '| --- | --- |',
    `| [Other](http://127.0.0.1:${port}/old#usage) | Another tool. |`,
    '',
  ].join('\n');
}

describe('listwarden fix with a hostile redirect target', () => {
  it('writes the target as one percent-encoded URL: no second link, no split table row', async () => {
    writeFileSync(join(dir, 'README.md'), list());
    await run('fix', 'README.md');
    const fixed = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(fixed).toBe(
      list()
        .replace(`(http://127.0.0.1:${port}/old)`, `(${encodedTarget()})`)
        .replace(`(http://127.0.0.1:${port}/old#usage)`, `(${encodedTarget()}#usage)`),
    );
    expect(fixed).not.toContain('](http://127.0.0.2:1/setup.exe)');
    // The fixed list reads as one link per place, and the row still has its two cells.
    out = '';
    await run('check', 'README.md', '--offline', '--format', 'json');
    expect(JSON.parse(out).findings.filter((f: { ruleId: string }) => f.ruleId.startsWith('table-'))).toEqual([]);
  });

  it('leaves a fix out, and says so, when the new URL would read differently in its place (a bare URL ending in a dot)', async () => {
    const source = `# Awesome\n\nSee http://127.0.0.1:${port}/dot for more.\n`;
    writeFileSync(join(dir, 'README.md'), source);
    await run('fix', 'README.md');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(source);
    expect(err).toContain('README.md:3:5  no-redirect  fix not applied: it would change more of the list than its URL (another link, a table cell) — check it by hand\n');
  });

  it('a redirect to another host is suggested, never applied', async () => {
    const source = `# Awesome\n\n- [Tool](http://127.0.0.1:${port}/moved) - A tool.\n`;
    writeFileSync(join(dir, 'README.md'), source);
    await run('check', 'README.md', '--format', 'json');
    const redirect = JSON.parse(out).findings.find((f: { ruleId: string }) => f.ruleId === 'no-redirect');
    // Offered as a suggestion; the report's fix edits are the certain ones only.
    expect(redirect.suggestion).toBe(`http://127.0.0.2:${port}/new`);
    expect(redirect.fix).toBeUndefined();
    await run('fix', 'README.md');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(source);
  });
});
