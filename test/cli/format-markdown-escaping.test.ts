/**
 * `listwarden check --format markdown` is pasted into issues: a finding's message carries
 * list text (an entry's name), which must render as that text — no mention, no raw HTML,
 * no issue reference, no table cell split — through the one Markdown escaper.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { main } from '../../src/cli/main.js';

async function markdownReport(list: string, name = 'README.md'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'listwarden-md-'));
  writeFileSync(join(dir, name), list);
  let out = '';
  await main(['check', name, '--offline', '--format', 'markdown'], { stdout: (t) => (out += t), stderr: () => undefined, cwd: dir });
  return out;
}

describe('check --format markdown', () => {
  it('an entry name with a mention, HTML, a reference and a pipe stays text in the rendered table', async () => {
    const out = await markdownReport('# A\n\n## Tools\n\n- [Hi @octocat `<b>Approved</b> #12 | x]() - Nothing.\n');
    const html = micromark(out, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    expect(html).not.toContain('<b>');
    expect(out).not.toMatch(/(^|[^\w&;])@octocat/);
    expect(out).not.toMatch(/(^|\s)#12/);
    // The row of the finding is still one row of four cells.
    const row = html.split('<tr>').find((r) => r.includes('Approved'));
    expect(row?.match(/<td/g)).toHaveLength(4);
    expect(row).toContain('&lt;b&gt;Approved&lt;/b&gt;');
  });

  it('a file name with a backtick cannot close its heading\'s code span', async () => {
    const out = await markdownReport('# A\n\n## Tools\n\n- [Empty]() - Nothing.\n', 'a`@octocat.md');
    const heading = out.split('\n').find((line) => line.startsWith('### '));
    expect(heading).toBe("### `a'@octocat.md`");
  });
});
