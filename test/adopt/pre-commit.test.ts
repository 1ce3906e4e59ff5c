/**
 * The hooks in .pre-commit-hooks.yaml, run by the real pre-commit (Debian's `pre-commit`;
 * .ci/run installs it) from a repository that uses this one — a snapshot of this working
 * tree committed in a temporary directory, named by path and commit as `repo:` and `rev:`.
 * pre-commit installs the hook as it would from GitHub: `npm install` in its clone (which
 * builds lib/), `npm pack`, `npm install -g` of the tarball — so this test takes minutes.
 * It runs when LISTWARDEN_SLOW_TESTS=1 (.ci/run sets it) and pre-commit is installed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, snapshotRepo } from './helpers/snapshot-repo.js';

const available = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const enabled = process.env.LISTWARDEN_SLOW_TESTS === '1' && available;
const suite = enabled ? describe : describe.skip;
if (!enabled) console.warn(`pre-commit hooks test skipped: ${available ? 'set LISTWARDEN_SLOW_TESTS=1 to run it' : 'pre-commit is not installed (apt-get install pre-commit)'}`);

const INSTALL_MS = 25 * 60_000;
const CLEAN = '# Awesome Things\n\n## Tools\n\n- [Alpha](https://alpha.dev) - First.\n- [Beta](https://beta.dev) - Second.\n';

let dir: string;
let user: string;
let env: NodeJS.ProcessEnv;

function preCommit(...args: string[]) {
  const r = spawnSync('pre-commit', args, { cwd: user, env, encoding: 'utf8', timeout: INSTALL_MS });
  return { code: r.status, out: `${r.stdout}${r.stderr}`, timedOut: r.error !== undefined };
}

suite('pre-commit hooks from .pre-commit-hooks.yaml', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'listwarden-pre-commit-'));
    const hooks = join(dir, 'listwarden');
    mkdirSync(hooks);
    const rev = snapshotRepo(hooks);
    user = join(dir, 'awesome-things');
    mkdirSync(user);
    git(user, 'init', '-q');
    writeFileSync(
      join(user, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: listwarden\n      - id: listwarden-fix\n        stages: [manual]\n`,
    );
    writeFileSync(join(user, 'README.md'), CLEAN);
    writeFileSync(join(user, 'notes.txt'), 'not a list: [Empty]()\n');
    git(user, 'add', '-A');
    env = {
      ...process.env,
      PRE_COMMIT_HOME: join(dir, 'cache'),
      // npm's cache first (the registry is asked only for what it lacks); no audit or fund requests.
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      NODE_OPTIONS: '',
      GIT_AUTHOR_NAME: 'tests',
      GIT_AUTHOR_EMAIL: 'tests@listwarden.invalid',
      GIT_COMMITTER_NAME: 'tests',
      GIT_COMMITTER_EMAIL: 'tests@listwarden.invalid',
    };
    const installed = preCommit('install-hooks');
    if (installed.code !== 0) throw new Error(`pre-commit could not install the hooks${installed.timedOut ? ` within ${INSTALL_MS / 60_000} min` : ''}:\n${installed.out.slice(-4000)}`);
  }, INSTALL_MS + 60_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a clean list passes; a file that is no Markdown is not given to the hook', () => {
    const run = preCommit('run', 'listwarden', '--files', 'README.md', 'notes.txt');
    expect(run.out).toMatch(/^listwarden\.+Passed$/m);
    expect(run.code).toBe(0);
    const other = preCommit('run', 'listwarden', '--files', 'notes.txt');
    expect(other.out).toMatch(/^listwarden\.+\(no files to check\)Skipped$/m);
  });

  it('git commit of a broken list fails with listwarden\'s message; after the fix it commits', () => {
    expect(preCommit('install').code).toBe(0);
    writeFileSync(join(user, 'README.md'), CLEAN + '- [Empty]() - Nothing here.\n');
    git(user, 'add', 'README.md');
    const commit = spawnSync('git', ['commit', '-m', 'Add an entry'], { cwd: user, env, encoding: 'utf8', timeout: 120_000 });
    const out = `${commit.stdout}${commit.stderr}`;
    expect(out).toMatch(/^listwarden\.+Failed$/m);
    expect(out).toContain('README.md:7:3  error  no-empty-link  Link "Empty" has no URL — add the destination or remove the link');
    expect(commit.status).not.toBe(0);

    writeFileSync(join(user, 'README.md'), CLEAN);
    git(user, 'add', 'README.md');
    const fixed = spawnSync('git', ['commit', '-m', 'The list'], { cwd: user, env, encoding: 'utf8', timeout: 120_000 });
    expect(`${fixed.stdout}${fixed.stderr}`).toMatch(/^listwarden\.+Passed$/m);
    expect(fixed.status).toBe(0);
  });

  it('listwarden-fix applies the certain fixes and fails the run, so the fixes can be looked at and staged', () => {
    writeFileSync(join(user, 'README.md'), CLEAN.replace('https://beta.dev', 'https://beta.dev/?utm_source=list'));
    const fixedList = CLEAN.replace('https://beta.dev', 'https://beta.dev/');
    const run = preCommit('run', 'listwarden-fix', '--hook-stage', 'manual', '--files', 'README.md');
    expect(run.out).toMatch(/^listwarden fix\.+Failed$/m);
    expect(run.out).toContain('files were modified by this hook');
    expect(readFileSync(join(user, 'README.md'), 'utf8')).toBe(fixedList);
    const again = preCommit('run', 'listwarden-fix', '--hook-stage', 'manual', '--files', 'README.md');
    expect(again.out).toMatch(/^listwarden fix\.+Passed$/m);
  });
});
