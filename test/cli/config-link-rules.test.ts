import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { startLinkFarm, type LinkFarm } from '../links/helpers/link-farm.js';

/**
 * The link rules are rules like the others in the config: `rules: { no-redirect: "off" }`
 * turns one off, a severity changes it, and a misspelt id is still refused by name.
 */
let farm: LinkFarm;
beforeAll(async () => {
  farm = await startLinkFarm({
    '/gone': { status: 404 },
    '/old': (_req, res, ctx) => {
      res.writeHead(301, { location: ctx.farm.url('/new') });
      res.end();
    },
    '/new': { status: 200, headers: { 'content-type': 'text/html' }, body: '<title>New home</title>' },
  });
});
afterAll(async () => farm.close());

async function check(config: string): Promise<{ code: number; out: string; err: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'listwarden-link-rules-'));
  writeFileSync(join(dir, 'README.md'), ['# Awesome', '', `- [Gone](${farm.url('/gone')}) - Dead.`, `- [Moved](${farm.url('/old')}) - Moved.`, ''].join('\n'));
  writeFileSync(join(dir, 'listwarden.yml'), config);
  let out = '';
  let err = '';
  const code = await main(['check', 'README.md', '--config', 'listwarden.yml', '--format', 'json', '--allow-private'], { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir, env: {} });
  return { code, out, err };
}

const ruleIds = (out: string) => (JSON.parse(out) as { findings: { ruleId: string; severity: string }[] }).findings.filter((f) => f.ruleId !== 'prefer-https');

describe('link rules in the config', () => {
  it('"off" turns a link rule off and a severity changes it', async () => {
    const result = await check('rules:\n  no-redirect: "off"\n  no-dead-link: warning\n  prefer-https: "off"\n');
    expect(result.err).not.toMatch(/not a listwarden rule/);
    expect(result.code).toBe(0);
    expect(ruleIds(result.out)).toEqual([expect.objectContaining({ ruleId: 'no-dead-link', severity: 'warning' })]);
  });

  it('a misspelt link rule is refused by name, with the known rules listed', async () => {
    const result = await check('rules:\n  no-dead-links: "off"\n');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/"rules\.no-dead-links" is not a listwarden rule — known rules: .*no-dead-link\b/);
  });
});
