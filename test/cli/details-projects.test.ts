import { describe, it, expect, beforeEach } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

let dir: string;
let out: string;
const run = (...argv: string[]) => main([...argv, '--offline'], { stdout: (t) => (out += t), stderr: () => undefined, cwd: dir });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'listwarden-details-'));
  out = '';
});

/** A generated list's project: the summary names it, the list inside holds its GitHub and PyPi links. */
const project = (name: string, repo: string, pkg: string) => [
  `<details><summary><b><a href="https://github.com/${repo}">${name}</a></b> (⭐ 20K) - Vector search. <code>MIT</code></summary>`,
  '',
  `- [GitHub](https://github.com/${repo}) (🔀 2K):`,
  `- [PyPi](https://pypi.org/project/${pkg}) (📥 800K / month):`,
  '\t```',
  `\tpip install ${pkg}`,
  '\t```',
  '</details>',
];
// Faiss comes first and its PyPi sub-link wrongly names Milvus's package.
const LIST = ['# Best Vector Search', '', '## Vector Databases', '', ...project('Faiss', 'facebookresearch/faiss', 'pymilvus'), ...project('Milvus', 'milvus-io/milvus', 'pymilvus'), ''].join('\n');

describe('listwarden on a generated list whose projects sit in <details>', () => {
  it('fix deletes neither PyPi sub-link', async () => {
    writeFileSync(join(dir, 'README.md'), LIST);
    expect(await run('fix', 'README.md')).toBe(0);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(LIST);
  });

  it("check reports Faiss's PyPi sub-link, not a duplicate entry", async () => {
    writeFileSync(join(dir, 'README.md'), LIST);
    expect(await run('check', 'README.md')).toBe(0);
    expect(out).toMatch(/README\.md:8:3 +warning +tool-name-matches-link +"Faiss" lists https:\/\/pypi\.org\/project\/pymilvus as its "PyPi" link, which is the package of "Milvus" at 13:\d+ — fix this link/);
    expect(out).not.toContain('no-duplicate-entry');
  });
});
