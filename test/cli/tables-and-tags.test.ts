/**
 * Issue 14, "Tables and tags said right", through the CLI: what `listwarden check` says of
 * a row with an extra empty cell, a cell row with no <tr>, stray end tags and an empty
 * <a href="">, and what `listwarden fix` writes.
 */
import { describe, it, expect, beforeEach } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

let dir: string;
let out: string;
const run = (...argv: string[]) => main([...argv, '--offline'], { stdout: (t) => (out += t), stderr: () => undefined, cwd: dir });

interface JsonFinding {
  ruleId: string;
  severity: string;
  line: number;
  message: string;
}
async function check(text: string): Promise<JsonFinding[]> {
  writeFileSync(join(dir, 'README.md'), text);
  out = '';
  await run('check', 'README.md', '--format', 'json');
  return (JSON.parse(out) as { findings: JsonFinding[] }).findings;
}
async function fix(text: string): Promise<string> {
  writeFileSync(join(dir, 'README.md'), text);
  await run('fix', 'README.md');
  return readFileSync(join(dir, 'README.md'), 'utf8');
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'listwarden-tags-'));
  out = '';
});

describe('a GFM row with an extra empty cell', () => {
  const LIST = ['# Tools', '', '| Name | About | License |', '| --- | --- | --- |', '| [Alpha](https://alpha.example) | Does a. | Unknown | |', '| [Beta](https://beta.example) | Does b. | MIT | kept? |', ''].join('\n');

  it('is info with "remove the empty cell"; an extra cell with text stays a warning; fix removes only the empty cell', async () => {
    const findings = (await check(LIST)).filter((f) => f.ruleId === 'table-column-count');
    expect(findings.map((f) => `${f.line} ${f.severity}`)).toEqual(['5 info', '6 warning']);
    expect(findings[0]!.message).toMatch(/one extra empty cell at the end .* — remove the empty cell$/);
    const fixed = await fix(LIST);
    expect(fixed).toBe(LIST.replace('| Unknown | |', '| Unknown |'));
    expect((await check(fixed)).filter((f) => f.ruleId === 'table-column-count').map((f) => f.line)).toEqual([6]);
  });
});
