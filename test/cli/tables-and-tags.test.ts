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

describe('a row of cells with no <tr>, closed by a </tr>', () => {
  const LIST = [
    '# Models',
    '',
    '<table>',
    '  <tr><th>Model</th><th>About</th></tr>',
    '  <tr>',
    '    <td><a href="https://one.example">One</a></td><td>First.</td>',
    '  </tr>',
    '    <td><b><a href="https://two.example">Two</a></b></td>',
    '    <td>Second.</td>',
    '  </tr>',
    '</table>',
    '',
  ].join('\n');

  it('is reported at the row\'s first cell as a missing <tr>, and fix writes it; the </tr> is no stray', async () => {
    const findings = await check(LIST);
    expect(findings.map((f) => `${f.line} ${f.ruleId}`)).toEqual(['8 html-unclosed-tag']);
    expect(findings[0]!.message).toMatch(/^<td> at 8:5 starts a row with no <tr> before it .* — add <tr> before the row$/);
    const fixed = await fix(LIST);
    expect(fixed).toBe(LIST.replace('  </tr>\n    <td><b>', '  </tr>\n    <tr>\n    <td><b>'));
    expect(await check(fixed)).toEqual([]);
  });
});

describe('stray </a> tags', () => {
  it('are one finding each, even after an <a> opened and closed in a paragraph', async () => {
    const LIST = ['# Tools', '', 'By <a href="https://me.example">me</a>.', '', '<p>', '  <a href="https://a.example">A</a></a><br>', '  <a href="https://b.example">B</a><br>', '  <a href="https://c.example">C</a></a><br>', '</p>', ''].join('\n');
    const findings = await check(LIST);
    expect(findings.map((f) => `${f.line} ${f.ruleId} ${f.message}`)).toEqual([
      '6 html-unclosed-tag Stray </a> with no open <a> — remove it',
      '8 html-unclosed-tag Stray </a> with no open <a> — remove it',
    ]);
  });
});

describe('an empty <a href=""></a>', () => {
  it('is a warning that it renders nothing, and does not fail the check; a named link with no URL is still an error', async () => {
    const LIST = ['# Tools', '', '<table>', '  <tr><th>Name</th><th>Demo</th></tr>', '  <tr><td><a href="https://one.example">One</a></td><td><a href=""></a></td></tr>', '</table>', ''].join('\n');
    const findings = await check(LIST);
    expect(findings.map((f) => `${f.line} ${f.severity} ${f.ruleId}`)).toEqual(['5 warning no-empty-link']);
    expect(findings[0]!.message).toContain('renders nothing — remove it, or give it a URL and text');
    writeFileSync(join(dir, 'README.md'), LIST);
    expect(await run('check', 'README.md')).toBe(0);
    writeFileSync(join(dir, 'README.md'), LIST.replace('<a href=""></a>', '<a href="">Demo</a>'));
    expect(await run('check', 'README.md')).toBe(1);
  });
});
