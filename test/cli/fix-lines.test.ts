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
  dir = mkdtempSync(join(tmpdir(), 'listwarden-fix-lines-'));
  out = '';
  err = '';
});

/**
 * An `<a>` opened on line 3 and left open until the `</p>` two lines down: the missing
 * `</a>` goes after the text before the `</p>`, on line 4, where the finding is not.
 */
const LIST = [
  '# Tools',
  '',
  '<p><a href="https://one.example/">One',
  'and more words</p>',
  '',
  '- [Two](https://two.example/?utm_source=news) - Second.',
  '',
].join('\n');

describe('listwarden fix never changes a line that carries none of the fix\'s finding', () => {
  it('leaves that fix out, says so at its finding with the line it would have changed, and applies the others', async () => {
    writeFileSync(join(dir, 'README.md'), LIST);
    await run('fix', 'README.md');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(LIST.replace('?utm_source=news', ''));
    expect(err).toMatch(/README\.md:3:4 {2}html-unclosed-tag {2}fix not applied: it would change line 4, which this finding is not on — check it by hand/);
    expect(err).toContain('README.md: applied 1 fix\n');
    // What is left is reported as usual, with its fix still offered.
    expect(out).toMatch(/README\.md:3:4 +error +html-unclosed-tag/);
  });

  it('--dry-run says the same and shows only the fix it would apply', async () => {
    writeFileSync(join(dir, 'README.md'), LIST);
    await run('fix', 'README.md', '--dry-run');
    expect(err).toContain('README.md:3:4  html-unclosed-tag  fix not applied: it would change line 4');
    expect(out).not.toContain('</a>');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(LIST);
  });
});
