/**
 * A host that answers 429/503 with a long Retry-After must never end a run silently: the
 * installed command (bin/listwarden.cjs, a child process, as in CI) must print its report
 * with every finding and exit with the code the findings call for.
 */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLinkFarm, type LinkFarm } from '../links/helpers/link-farm.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'listwarden.cjs');

/** Runs the installed command without blocking this process (the link farm answers from it). */
function runBin(cwd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NODE_OPTIONS: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill(), 40_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

let farm: LinkFarm;
let busyHits = 0;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'lib', 'cli-bundle', 'cli.cjs'))) throw new Error('lib/cli-bundle/cli.cjs is missing — run `npm run build`');
  farm = await startLinkFarm({
    '/ok': { status: 200, headers: { 'content-type': 'text/html' }, body: '<title>Fine</title>' },
    '/gone': { status: 404 },
    // Every request to this path: "come back in a minute".
    '/wait-a-minute': { status: 429, headers: { 'retry-after': '60' } },
    '/unavailable': { status: 503, headers: { 'retry-after': '60' } },
    // The first four requests on the host: "come back in a second"; then fine.
    '/wait-a-second': (_req, res) => {
      busyHits++;
      if (busyHits <= 4) res.writeHead(429, { 'retry-after': '1' });
      else res.writeHead(200, { 'content-type': 'text/plain' });
      res.end();
    },
  });
});
afterAll(async () => farm.close());

function listDir(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'listwarden-429-'));
  writeFileSync(join(dir, 'README.md'), ['# Awesome', '', ...lines, ''].join('\n'));
  return dir;
}

interface JsonFinding {
  ruleId: string;
  line: number;
  message: string;
}

describe('listwarden check against a host that asks to wait', () => {
  it('reports a 60 s Retry-After as unverifiable and keeps every other finding (more links than the per-host limit)', async () => {
    // Six links to the slow host with a per-host limit of 2: four wait in the queue.
    const slow = Array.from({ length: 6 }, (_, i) => `- [Slow ${i + 1}](${farm.url(`/wait-a-minute?page=${i + 1}`, '127.0.0.2')}) - Rate limited.`);
    const dir = listDir([...slow, `- [Gone](${farm.url('/gone')}) - Dead.`, `- [Fine](${farm.url('/ok')}) - Alive.`, `- [Down](${farm.url('/unavailable', '127.0.0.3')}) - Unavailable.`]);
    const { code, stdout, stderr } = await runBin(dir, ['check', 'README.md', '--allow-private', '--host-concurrency', '2', '--format', 'json']);
    expect(stderr).not.toMatch(/Error|at .*\.js/);
    expect(stdout).not.toBe('');
    const findings = (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
    const linkish = findings.filter((f) => f.ruleId === 'no-dead-link' || f.ruleId === 'link-unverifiable');
    expect(linkish.map((f) => `${f.line} ${f.ruleId}`)).toEqual([
      '3 link-unverifiable',
      '4 link-unverifiable',
      '5 link-unverifiable',
      '6 link-unverifiable',
      '7 link-unverifiable',
      '8 link-unverifiable',
      '9 no-dead-link',
      '11 link-unverifiable',
    ]);
    for (const f of linkish.filter((f) => f.ruleId === 'link-unverifiable')) expect(f.message).toMatch(/asked to wait 60 s/);
    // The dead link fails the run.
    expect(code).toBe(1);
  }, 45_000);

  it('waits for a host that asks for a short pause, then reports its links alive', async () => {
    busyHits = 0;
    const links = Array.from({ length: 6 }, (_, i) => `- [Busy ${i + 1}](${farm.url(`/wait-a-second?page=${i + 1}`, '127.0.0.2')}) - Busy at first.`);
    const dir = listDir([...links, `- [Gone](${farm.url('/gone')}) - Dead.`]);
    const { code, stdout } = await runBin(dir, ['check', 'README.md', '--allow-private', '--host-concurrency', '4', '--format', 'json']);
    const findings = (JSON.parse(stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.filter((f) => f.ruleId === 'no-dead-link' || f.ruleId === 'link-unverifiable').map((f) => `${f.line} ${f.ruleId}`)).toEqual(['9 no-dead-link']);
    expect(code).toBe(1);
  }, 45_000);
});
