import { describe, it, expect } from '@jest/globals';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../../src/cli/main.js';

/** The reference list's three revisions, read when ../shared is beside the repository. */
const SEEDS = resolve('../shared/seeds');
const seed = (name: string) => join(SEEDS, name);

async function checkJson(file: string): Promise<{ ruleId: string; severity: string; line: number; suggestion?: string }[]> {
  let out = '';
  await main(['check', file, '--offline', '--format', 'json'], { stdout: (t) => (out += t), stderr: () => undefined, cwd: process.cwd() });
  return JSON.parse(out).findings;
}

const visible = (findings: { ruleId: string; severity: string; line: number; suggestion?: string }[]) =>
  findings.filter((f) => f.severity !== 'info').map((f) => `${f.line} ${f.ruleId}${f.suggestion ? ` → ${f.suggestion}` : ''}`);

(existsSync(SEEDS) ? describe : describe.skip)('listwarden check on the reference list', () => {
  it('002: every defect on its line, canonical names suggested, cross-stage repeats only info', async () => {
    const findings = await checkJson(seed('002_677f36e97807c53a.md'));
    expect(visible(findings)).toEqual([
      '25 no-mojibake → 💥',
      '29 no-mojibake → 👉',
      '31 no-mojibake → 💥',
      '35 no-mojibake → 👉',
      '35 no-empty-link',
      '68 no-tracking-params → https://www.udemy.com/course/devsecops/?campaigntype=Search&portfolio=ROW-English&language=EN&product=Course&test=&audience=DSA&topic=&priority=Beta&matchtype=&couponCode=2021PM25',
      '85 html-unclosed-tag → </a>',
      '107 tool-name-spelling → Gitleaks',
      '111 tool-name-matches-link',
      '138 table-empty-row',
      '155 tool-name-matches-link',
      '193 html-unclosed-tag → </a>',
      '215 tool-name-spelling → Gitleaks',
      '219 tool-name-matches-link',
      '266 tool-name-spelling → Snyk',
      '270 tool-name-spelling → Docker Scout',
      '346 html-unclosed-tag → </a>',
      '354 tool-name-spelling → DefectDojo',
      '376 html-unclosed-tag → </a>',
      '395 no-mojibake → ™',
    ]);
    const duplicates = findings.filter((f) => f.ruleId === 'no-duplicate-entry');
    expect(duplicates.length).toBeGreaterThan(10);
    expect(duplicates.every((f) => f.severity === 'info')).toBe(true);
  });

  it('000: the rowspan of 30 over 18 rows, the empty row and the misnamed tools', async () => {
    expect(visible(await checkJson(seed('000_5add9d8a5567d12d.md')))).toEqual([
      '25 no-mojibake → 💥',
      '29 no-mojibake → 💥',
      '50 table-rowspan → 18',
      '52 html-unclosed-tag → </a>',
      '71 tool-name-spelling → Gitleaks',
      '75 tool-name-matches-link',
      '94 table-empty-row',
      '106 tool-name-matches-link',
    ]);
  });

  it('001: the papers table of blank rows', async () => {
    expect(visible(await checkJson(seed('001_867fd0c5426267d8.md')))).toEqual([
      '25 no-mojibake → 💥',
      '29 no-mojibake → 💥',
      '37 table-empty-row',
      '38 table-empty-row',
      '39 table-empty-row',
    ]);
  });

  it.each(['000_5add9d8a5567d12d.md', '001_867fd0c5426267d8.md', '002_677f36e97807c53a.md'])(
    'fix on %s leaves none of the fixed findings, and a second fix changes nothing',
    async (name) => {
      const dir = mkdtempSync(join(tmpdir(), 'listwarden-seed-'));
      const file = join(dir, 'README.md');
      copyFileSync(seed(name), file);
      const io = { stdout: () => undefined, stderr: () => undefined, cwd: dir };
      const before = await checkJson(file);
      await main(['fix', 'README.md', '--offline'], io);
      const once = readFileSync(file, 'utf8');
      const after = await checkJson(file);
      const fixable = new Set(['no-mojibake', 'no-tracking-params', 'html-unclosed-tag', 'tool-name-spelling', 'table-empty-row', 'table-rowspan']);
      expect(before.some((f) => fixable.has(f.ruleId))).toBe(true);
      expect(after.filter((f) => fixable.has(f.ruleId))).toEqual([]);
      await main(['fix', 'README.md', '--offline'], io);
      expect(readFileSync(file, 'utf8')).toBe(once);
      if (name.startsWith('000')) expect(once).toContain('<td rowspan="17">MLSecOps</td>');
      if (name.startsWith('002')) expect(once).toContain('<td rowspan="24">MLSecOps</td>');
    },
  );
});
