import { describe, expect, it } from '@jest/globals';
import { REPO, portFor, rejectionOf, standInPerTest } from './helpers/port-fixture.js';

/**
 * Files as bytes through the contents API (the JSON form, in GitHub's response shapes):
 * never decoded on the way; symbolic links (also followed ones), submodules and directories
 * told apart; files past 1 MB read from the blob API. Writes keep a file's mode.
 */

const { owner, repo } = REPO;
const { api } = standInPerTest();
const SHA = 'a'.repeat(40);

/** GitHub's contents answer for a file (content base64 in 60-character lines). */
function fileJson(path: string, bytes: Buffer) {
  const content = (bytes.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n';
  return { type: 'file', encoding: 'base64', size: bytes.length, name: path.split('/').pop(), path, content, sha: SHA, url: '', git_url: '', html_url: '', download_url: '', _links: { self: '', git: '', html: '' } };
}

describe('getFile', () => {
  it('gives a Windows-1252 file’s exact bytes (no U+FFFD), BOM and all', async () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]);
    api().route('GET', '/repos/{owner}/{repo}/contents/README.md', () => ({ status: 200, body: fileJson('README.md', bytes) }));
    const found = await portFor(api()).port.getFile(REPO, 'README.md', 'main');
    expect(found?.kind).toBe('file');
    expect([...(found as { bytes: Uint8Array }).bytes]).toEqual([...bytes]);
    expect(api().requests[0]?.headers.accept).toBe('application/vnd.github.v3+json');
  });

  it('tells a symbolic link, also one GitHub follows to its target, a submodule and a directory', async () => {
    api().route('GET', '/repos/{owner}/{repo}/contents/link.md', () => ({ status: 200, body: { type: 'symlink', target: 'docs/list.md', size: 12, name: 'link.md', path: 'link.md', sha: SHA } }));
    api().route('GET', '/repos/{owner}/{repo}/contents/followed.md', () => ({ status: 200, body: fileJson('docs/list.md', Buffer.from('# List\n')) }));
    api().route('GET', '/repos/{owner}/{repo}/contents/vendor', () => ({ status: 200, body: { type: 'submodule', submodule_git_url: 'https://github.com/o/r.git', size: 0, name: 'vendor', path: 'vendor', sha: SHA } }));
    api().route('GET', '/repos/{owner}/{repo}/contents/docs', () => ({ status: 200, body: [{ type: 'file', name: 'list.md', path: 'docs/list.md', sha: SHA, size: 7 }] }));
    const { port } = portFor(api());
    await expect(port.getFile(REPO, 'link.md', 'main')).resolves.toEqual({ kind: 'symlink' });
    await expect(port.getFile(REPO, 'followed.md', 'main')).resolves.toEqual({ kind: 'symlink' });
    await expect(port.getFile(REPO, 'vendor', 'main')).resolves.toEqual({ kind: 'submodule' });
    await expect(port.getFile(REPO, 'docs', 'main')).resolves.toEqual({ kind: 'directory' });
    await expect(port.getFile(REPO, 'missing.md', 'main')).resolves.toBeUndefined();
  });

  it('reads a file past 1 MB (no content in the JSON form) from the blob API', async () => {
    const bytes = Buffer.concat([Buffer.from('# Big\n'), Buffer.alloc(1024 * 1024 + 10, 0x61), Buffer.from([0xe9])]);
    api().route('GET', '/repos/{owner}/{repo}/contents/BIG.md', () => ({ status: 200, body: { ...fileJson('BIG.md', Buffer.alloc(0)), encoding: 'none', content: '', size: bytes.length } }));
    api().route('GET', '/repos/{owner}/{repo}/git/blobs/{file_sha}', ({ params }) => ({ status: 200, body: { sha: params.file_sha, node_id: 'B', size: bytes.length, url: '', content: bytes.toString('base64'), encoding: 'base64' } }));
    const found = await portFor(api()).port.getFile(REPO, 'BIG.md', 'main');
    expect(Buffer.from((found as { bytes: Uint8Array }).bytes).equals(bytes)).toBe(true);
    expect(api().requestsTo('GET', '/repos/{owner}/{repo}/git/blobs/*').map((r) => r.path)).toEqual([`/repos/${owner}/${repo}/git/blobs/${SHA}`]);
  });
});

describe('createCommit keeps what a file is', () => {
  /** main's tree as GitHub lists it, with an executable list and a symbolic link. */
  function withModes(): string {
    const head = api().pushCommit(owner, repo, 'main', { files: { 'run.md': '# Run\n', 'link.md': 'run.md', 'plain.md': '# Plain\n' }, message: 'seed', login: 'maintainer' });
    const modes: Record<string, string> = { 'run.md': '100755', 'link.md': '120000', 'plain.md': '100644' };
    api().route('GET', '/repos/{owner}/{repo}/git/trees/{+tree_sha}', ({ params }) => ({
      status: 200,
      body: { sha: params.tree_sha, url: '', truncated: false, tree: Object.entries(modes).map(([path, mode]) => ({ path, mode, type: 'blob', sha: SHA, size: 6, url: '' })) },
    }));
    return head;
  }

  it('an executable list stays executable; another file keeps 100644', async () => {
    const head = withModes();
    await portFor(api()).port.createCommit(REPO, { message: 'fix', parentSha: head, files: [{ path: 'run.md', content: '# Run!\n' }, { path: 'plain.md', content: '# Plain!\n' }] });
    const [tree] = api().requestsTo('POST', '/repos/{owner}/{repo}/git/trees');
    expect((tree?.body as { tree: { path: string; mode: string }[] }).tree.map((e) => `${e.path} ${e.mode}`)).toEqual(['run.md 100755', 'plain.md 100644']);
  });

  it('refuses to write over a symbolic link', async () => {
    const head = withModes();
    const error = await rejectionOf(portFor(api()).port.createCommit(REPO, { message: 'fix', parentSha: head, files: [{ path: 'link.md', content: '# Oops\n' }] }));
    expect((error as Error).message).toMatch(/^link\.md is a symbolic link in octo\/awesome-things: listwarden does not write it/);
    expect(api().requestsTo('POST', '/repos/{owner}/{repo}/git/trees')).toEqual([]);
  });
});
