import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../../src/use-cases/config-file.js';
import { loadRepoConfig } from '../../src/use-cases/load-repo-config.js';
import { FakeGitHub, REPO } from './helpers/fake-github.js';

const SHA_LABEL = 'the base commit';

describe('loadRepoConfig', () => {
  it('reads .github/listwarden.yml at the ref and says where it came from', async () => {
    const gh = new FakeGitHub({ 'README.md': '# A\n', '.github/listwarden.yml': 'rules:\n  prefer-https: off\n' });
    const loaded = await loadRepoConfig(gh, REPO, gh.head(), SHA_LABEL);
    expect(loaded.found).toBe(true);
    expect(loaded.config.rules['prefer-https']).toBe('off');
    expect(loaded.description).toBe(`config from .github/listwarden.yml at the base commit (${gh.head().slice(0, 7)})`);
  });

  it('uses the defaults when the default file is missing, and says so', async () => {
    const gh = new FakeGitHub({ 'README.md': '# A\n' });
    const loaded = await loadRepoConfig(gh, REPO, 'main', 'the default branch');
    expect(loaded).toMatchObject({ found: false, description: 'no .github/listwarden.yml at the default branch (main): default settings' });
  });

  it('refuses a named file that is missing, a symbolic link, a file that is not UTF-8, and invalid settings', async () => {
    const gh = new FakeGitHub({ 'README.md': '# A\n', 'link.yml': 'x', 'latin.yml': 'x', 'bad.yml': 'rules:\n  nope: off\n' });
    gh.raw.set('link.yml', { kind: 'symlink' });
    gh.raw.set('latin.yml', { kind: 'file', bytes: Buffer.from('# caf\xe9\n', 'latin1') });
    const error = (path: string) => loadRepoConfig(gh, REPO, 'main', 'the default branch', path).catch((e: unknown) => e);
    expect(await error('other.yml')).toEqual(new ConfigError('other.yml does not exist at the default branch (main) — check the config input (it is read through the API, relative to the repository root)'));
    expect(await error('link.yml')).toEqual(new ConfigError('link.yml at the default branch (main) is a symbolic link, not a file — make it a regular file'));
    expect(String(await error('latin.yml'))).toContain('latin.yml at the default branch (main): File is not valid UTF-8');
    expect(String(await error('bad.yml'))).toMatch(/^Error: bad\.yml: "rules\.nope" is not a listwarden rule .* \(at the default branch \(main\)\)$/);
  });
});
