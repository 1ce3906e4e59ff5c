/** `check --wayback --budget`: archived copies are looked up inside the time budget, and what is left is said. */
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { startLinkFarm, type LinkFarm } from '../links/helpers/link-farm.js';

let farm: LinkFarm;
beforeAll(async () => {
  farm = await startLinkFarm({
    '/gone': { status: 404 },
    // An archive that never answers.
    '/wayback/available': () => new Promise<void>(() => undefined),
  });
});
afterAll(async () => farm.close());

describe('listwarden check --wayback --budget', () => {
  it('ends at the budget although the archive never answers, reports every dead link and says how many were not looked up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'listwarden-wayback-'));
    const dead = Array.from({ length: 6 }, (_, i) => `- [Gone ${i}](${farm.url(`/gone?n=${i}`)}) - Dead.`);
    writeFileSync(join(dir, 'README.md'), ['# Awesome', '', ...dead, ''].join('\n'));
    let out = '';
    let err = '';
    const code = await main(['check', 'README.md', '--wayback', '--budget', '1s', '--allow-private', '--format', 'json'], {
      stdout: (t) => (out += t),
      stderr: (t) => (err += t),
      cwd: dir,
      env: { LISTWARDEN_WAYBACK_URL: farm.url('').replace(/\/$/, '') },
    });
    expect(code).toBe(1);
    const findings = (JSON.parse(out) as { findings: { ruleId: string }[] }).findings;
    expect(findings.filter((f) => f.ruleId === 'no-dead-link')).toHaveLength(6);
    expect(err).toContain('listwarden: time budget spent: 6 dead links not looked up in the archive\n');
    // Four look-ups at a time, none started after the budget.
    expect(farm.requests.filter((r) => r.path.startsWith('/wayback/')).length).toBe(4);
  });
});
