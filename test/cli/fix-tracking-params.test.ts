import { describe, it, expect, beforeEach } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

let dir: string;
let out: string;
const run = (...argv: string[]) => main([...argv, '--offline'], { stdout: (t) => (out += t), stderr: () => {}, cwd: dir });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'listwarden-tracking-'));
  out = '';
});

/** A list run by a company: its own campaign on its own products, a sponsor block, and one entry copied from an ad. */
const LIST = [
  '# Awesome APIs',
  '',
  'Supported by:',
  '',
  '- [Hosting Co](https://hosting.example/?utm_source=awesome-apis&amp;utm_medium=sponsor) - Hosts this list.',
  '',
  '## Our products',
  '',
  '- [Maps API](https://acmeapi.dev/maps?utm_campaign=awesome-apis) - Maps.',
  '- [Search API](https://acmeapi.dev/search?utm_campaign=awesome-apis) - Search.',
  '- [Mail API](https://docs.acmeapi.dev/mail?utm_campaign=awesome-apis) - Mail.',
  '',
  '## Community',
  '',
  '- [Geo Tool](https://geo.tools/?utm_source=google&utm_medium=cpc&gclid=Xy1) - Found through an ad.',
  '',
].join('\r\n');

describe('listwarden fix and tracking parameters the list put there on purpose', () => {
  it('leaves the deliberate campaign and the sponsor block byte for byte and strips the ordinary tags', async () => {
    writeFileSync(join(dir, 'README.md'), LIST);
    await run('fix', 'README.md');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(LIST.replace('?utm_source=google&utm_medium=cpc&gclid=Xy1', ''));
  });

  it('check reports the deliberate ones as info with their evidence and no fix', async () => {
    writeFileSync(join(dir, 'README.md'), LIST);
    await run('check', 'README.md', '--format', 'json');
    const findings = (JSON.parse(out).findings as { ruleId: string; line: number; severity: string; message: string; fix?: unknown }[]).filter((f) => f.ruleId === 'no-tracking-params');
    expect(findings.map((f) => `${f.line} ${f.severity} ${f.fix ? 'fix' : 'no fix'}`)).toEqual(['5 info no fix', '9 info no fix', '10 info no fix', '11 info no fix', '15 warning fix']);
    expect(findings[0]!.message).toContain('introduced by "Supported by" on line 3');
    expect(findings[1]!.message).toContain('utm_campaign "awesome-apis" is on 3 pages of acmeapi.dev');
  });
});
