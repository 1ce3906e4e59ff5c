import { describe, it, expect, beforeAll, afterAll, beforeEach } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { ROT_CASES, startRotFarm, type RotFarm } from '../links/helpers/rot-farm.js';

let farm: RotFarm;
let dir: string;
let out: string;
const run = (...argv: string[]) => main([...argv, '--allow-private'], { stdout: (t) => (out += t), stderr: () => undefined, cwd: dir, env: {} });

beforeAll(async () => {
  farm = await startRotFarm();
});
afterAll(async () => farm.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'listwarden-rot-'));
  out = '';
  writeFileSync(join(dir, 'README.md'), ['# Awesome', '', ...ROT_CASES.map((c, i) => `- [Case ${i}](${farm.url(c.site, c.path)}) - ${c.name}.`), ''].join('\n'));
});

interface JsonFinding {
  ruleId: string;
  line: number;
  message: string;
  data?: { cause?: string };
}

const invented = (from: number) => farm.requests.slice(from).filter((r) => r.path.startsWith('/listwarden-no-such-page-'));

describe('listwarden check: rot that answers 200', () => {
  it('calls every dead case dead with its evidence, warns on the one-sign case, and stays silent on the rest', async () => {
    expect(await run('check', 'README.md', '--format', 'json')).toBe(1);
    const findings = (JSON.parse(out).findings as JsonFinding[]).filter((f) => ['no-dead-link', 'link-unverifiable', 'no-redirect'].includes(f.ruleId));
    const byLine = new Map(findings.map((f) => [f.line, f]));
    ROT_CASES.forEach((c, i) => {
      const finding = byLine.get(i + 3);
      if (c.truth === 'dead') expect({ name: c.name, rule: finding?.ruleId }).toEqual({ name: c.name, rule: 'no-dead-link' });
      else if (c.truth === 'one-sign') expect({ name: c.name, rule: finding?.ruleId, cause: finding?.data?.cause }).toEqual({ name: c.name, rule: 'link-unverifiable', cause: 'soft-404' });
      else expect({ name: c.name, finding }).toEqual({ name: c.name, finding: undefined });
    });
    expect(byLine.get(3)!.message).toBe(`${farm.url('parked', '/')} is dead: a parked or for-sale domain: loads img.sedoparking.com; a 20-word landing page that says "this domain may be for sale" — fix or remove the link`);
  });

  it('keeps each host’s invented-path answer in --state: a second run sends none; links.hostProbeDays: 0 asks every run', async () => {
    let from = farm.requests.length;
    await run('check', 'README.md', '--state', 'links.json', '--format', 'json');
    expect(invented(from)).toHaveLength(5);
    const state = JSON.parse(readFileSync(join(dir, 'links.json'), 'utf8')) as { hosts: Record<string, unknown> };
    expect(Object.keys(state.hosts)).toHaveLength(5);

    from = farm.requests.length;
    out = '';
    await run('check', 'README.md', '--state', 'links.json', '--format', 'json');
    expect(invented(from)).toHaveLength(0);
    expect((JSON.parse(out).findings as JsonFinding[]).filter((f) => f.ruleId === 'no-dead-link')).toHaveLength(ROT_CASES.filter((c) => c.truth === 'dead').length);

    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github', 'listwarden.yml'), 'links:\n  hostProbeDays: 0\n');
    from = farm.requests.length;
    await run('check', 'README.md', '--state', 'links.json', '--format', 'json');
    expect(invented(from)).toHaveLength(5);
  });
});
