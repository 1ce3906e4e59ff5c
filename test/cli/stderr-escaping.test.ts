/**
 * The CLI's stderr lines name files from the repository and quote the list: a file name
 * holding an escape sequence (which could set the window title, recolour or move the
 * cursor) is printed with its control characters shown, never sent to the terminal.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

describe('listwarden fix: stderr lines', () => {
  it('a file name with an escape sequence is shown escaped in "applied 1 fix"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'listwarden-err-'));
    const name = 'list\u001b]0;pwned\u0007\u202e.md';
    writeFileSync(join(dir, name), '# A\n\n## Tools\n\n- [Tool](https://tool.dev/?utm_source=x) - A tool.\n');
    let err = '';
    await main(['fix', name, '--offline'], { stdout: () => undefined, stderr: (t) => (err += t), cwd: dir });
    expect(err).toContain('list\\x1B]0;pwned\\x07\\u202E.md: applied 1 fix\n');
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
  });

  it('a usage error quoting an argument shows its escape sequence escaped, on one line', async () => {
    let err = '';
    expect(await main(['check', 'README.md', '--format', 'nope\u001b[2J'], { stdout: () => undefined, stderr: (t) => (err += t), cwd: tmpdir() })).toBe(2);
    expect(err).toContain('\\x1B[2J');
    expect(err.split('\n')).toHaveLength(2);
  });
});
