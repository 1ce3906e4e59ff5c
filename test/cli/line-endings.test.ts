import { describe, it, expect, beforeEach } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

let dir: string;
let out: string;
let err: string;
const run = (...argv: string[]) => main([...argv, '--offline'], { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'listwarden-eol-'));
  out = '';
  err = '';
});

/** A list with a tracking parameter (line 5, a fix in place) and an exact twin entry (line 7, a fix that deletes its line). */
const LINES = ['# Awesome', '', '## Tools', '', '- [Tool](https://tool.dev/?utm_source=x) - A tool.', '- [Other](https://other.dev/) - Another.', '- [Tool](https://tool.dev/?utm_source=x) - A tool.', '- [Last](https://last.dev/) - The last.', ''];
const FIXED = ['# Awesome', '', '## Tools', '', '- [Tool](https://tool.dev/) - A tool.', '- [Other](https://other.dev/) - Another.', '- [Last](https://last.dev/) - The last.', ''];

describe.each([
  ['CR-only', '\r'],
  ['CRLF', '\r\n'],
  ['LF', '\n'],
])('listwarden with %s line endings', (_name, eol) => {
  it('reports findings on the lines they are on', async () => {
    writeFileSync(join(dir, 'README.md'), LINES.join(eol));
    await run('check', 'README.md', '--format', 'json');
    const findings = JSON.parse(out).findings as { ruleId: string; line: number; column: number }[];
    expect(findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual(['5:10 no-tracking-params', '7:3 no-duplicate-entry', '7:10 no-tracking-params']);
  });

  it('fix deletes the twin with its line ending and leaves no residue; the line endings stay', async () => {
    writeFileSync(join(dir, 'README.md'), LINES.join(eol));
    await run('fix', 'README.md');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(FIXED.join(eol));
  });
});

describe('listwarden fix and the byte order mark', () => {
  it('keeps a UTF-8 BOM at the start of the file', async () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    writeFileSync(join(dir, 'README.md'), Buffer.concat([bom, Buffer.from(LINES.join('\n'))]));
    await run('fix', 'README.md');
    const written = readFileSync(join(dir, 'README.md'));
    expect([...written.subarray(0, 3)]).toEqual([...bom]);
    expect(written.subarray(3).toString('utf8')).toBe(FIXED.join('\n'));
  });

  it('adds none to a file without one', async () => {
    writeFileSync(join(dir, 'README.md'), LINES.join('\n'));
    await run('fix', 'README.md');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(FIXED.join('\n'));
  });
});
