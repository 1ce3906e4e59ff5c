import { describe, it, expect, beforeEach } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { P_BR_LIST } from '../helpers/html-entry-lists.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'listwarden.cjs');
const bin = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--offline'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });

let dir: string;
let out: string;
const run = (...argv: string[]) => main([...argv, '--offline'], { stdout: (t) => (out += t), stderr: (t) => (out += t), cwd: dir });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'listwarden-html-entries-'));
  out = '';
});

describe('listwarden on a list written as <p>/<br> lines of HTML', () => {
  it('check reports the tracking parameter and the duplicate at their lines and exits 1', async () => {
    writeFileSync(join(dir, 'README.md'), P_BR_LIST);
    expect(await run('check', 'README.md')).toBe(1);
    expect(out).toMatch(/README\.md:6:22 +warning +no-tracking-params +Tracking parameter utm_source in https:\/\/alpha\.example\//);
    expect(out).toMatch(/README\.md:8:13 +error +no-duplicate-entry +Duplicate entry: https:\/\/beta\.example\/ is already listed at 7:13 \("Beta"\)/);
  });

  it('fix writes the list without the parameter and the twin line, and leaves nothing to fix', async () => {
    writeFileSync(join(dir, 'README.md'), P_BR_LIST);
    await run('fix', 'README.md');
    const fixed = readFileSync(join(dir, 'README.md'), 'utf8');
    const lines = P_BR_LIST.split('\n');
    expect(fixed).toBe([...lines.slice(0, 5), lines[5]!.replace('?utm_source=newsletter&amp;lang=en', '?lang=en'), lines[6], ...lines.slice(8)].join('\n'));
    out = '';
    expect(await run('check', 'README.md')).toBe(0);
    expect(out).not.toMatch(/no-tracking-params|no-duplicate-entry/);
  });

  // The installed command (the bundle `npm run build` writes; bin.test.ts requires it too).
  (existsSync(join(ROOT, 'lib', 'cli-bundle', 'cli.cjs')) ? it : it.skip)('the installed command reports both and fixes both', () => {
    writeFileSync(join(dir, 'README.md'), P_BR_LIST);
    const check = bin('check', 'README.md');
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/README\.md:6:22 +warning +no-tracking-params/);
    expect(check.stdout).toMatch(/README\.md:8:13 +error +no-duplicate-entry/);
    expect(bin('fix', 'README.md').status).toBe(0);
    const fixed = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(fixed).not.toContain('utm_source');
    expect(fixed.split('<b>Beta</b>')).toHaveLength(2);
  });
});
