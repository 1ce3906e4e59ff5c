import { describe, it, expect, beforeEach } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { P_BR_LIST } from '../helpers/html-entry-lists.js';

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
});
