/**
 * Lists read through the API as bytes: a Windows-1252 list, a symbolic link or a submodule is
 * skipped and said so (never committed back full of U+FFFD); a byte order mark is kept.
 * Through the scheduled run (the maintenance pull request) and `/listwarden fix` on a pull request.
 */
import { describe, expect, it } from '@jest/globals';
import { resolveConfig } from '../../src/core/config/resolved-config.js';
import { runScheduled } from '../../src/use-cases/scheduled-run.js';
import { fixPullRequest } from '../../src/use-cases/fix-pull-request.js';
import { MAINTENANCE_BRANCH } from '../../src/report/identity.js';
import { FakeGitHub, REPO } from './helpers/fake-github.js';

/** A certain fix (a tracking parameter) next to accented names. */
const LIST = '# Awesome\n\n## Tools\n\n- [Café](https://cafe.example/?utm_source=list) - Crème brûlée.\n- [Naïve](https://naive.example/) - Déjà vu.\n';
/** The same list as Windows-1252 bytes: é = E9, è = E8, û = FB, ï = EF, à = E0. */
const CP1252 = Buffer.from(LIST.replace(/[éèûïà]/g, (c) => String.fromCharCode({ é: 0xe9, è: 0xe8, û: 0xfb, ï: 0xef, à: 0xe0 }[c]!)), 'latin1');
const FIXED = LIST.replace('?utm_source=list', '');

function scheduled(github: FakeGitHub, log: string[]) {
  return runScheduled(github, { repo: REPO, files: ['README.md'], config: resolveConfig(), now: () => Date.parse('2026-01-01T00:00:00Z'), maintenance: true, log: (line) => log.push(line) });
}

describe('the maintenance pull request', () => {
  it('skips a Windows-1252 list and says so: no commit, no pull request', async () => {
    const github = new FakeGitHub({ 'README.md': CP1252.toString('utf8') }, { knowsLogin: true });
    github.raw.set('README.md', { kind: 'file', bytes: CP1252 });
    const log: string[] = [];
    const outcome = await scheduled(github, log);
    expect(log).toContain('README.md:5:7 is not valid UTF-8 — listwarden leaves it alone; re-save the file as UTF-8');
    expect(outcome.maintenance?.changes ?? []).toEqual([]);
    expect(github.writes.filter((w) => w.startsWith('createCommit README'))).toEqual([]);
    expect(github.pulls).toEqual([]);
  });

  it('keeps a byte order mark', async () => {
    const github = new FakeGitHub({ 'README.md': `\uFEFF${LIST}` }, { knowsLogin: true });
    const outcome = await scheduled(github, []);
    expect(outcome.maintenance?.action).toBe('opened');
    expect(github.fileAt(MAINTENANCE_BRANCH, 'README.md')).toBe(`\uFEFF${FIXED}`);
  });

  it.each([['symlink'], ['submodule']] as const)('skips a %s and says so', async (kind) => {
    const github = new FakeGitHub({ 'README.md': LIST }, { knowsLogin: true });
    github.raw.set('README.md', { kind });
    const log: string[] = [];
    await scheduled(github, log);
    expect(log.some((line) => line.startsWith(`README.md is a ${kind === 'symlink' ? 'symbolic link' : 'submodule'}`))).toBe(true);
    expect(github.pulls).toEqual([]);
  });
});

describe('/listwarden fix on a pull request', () => {
  const request = (pull: number) => ({ repo: REPO, pull, files: ['**/*.md'], config: resolveConfig() });

  it('skips a Windows-1252 list and says so in the reply, pushing nothing', async () => {
    const github = new FakeGitHub({ 'README.md': '# Awesome\n' });
    const pull = github.openPull('add-tools', { 'README.md': CP1252.toString('utf8') });
    github.raw.set('README.md', { kind: 'file', bytes: CP1252 });
    const outcome = await fixPullRequest(github, request(pull));
    expect(outcome.pushed).toBeUndefined();
    expect(outcome.line).toBe('Nothing to fix: this pull request changes no list file listwarden can read (**/*.md). (README.md:5:7 is not valid UTF-8 — listwarden leaves it alone; re-save the file as UTF-8)');
    expect(github.writes.filter((w) => w.startsWith('createCommit') || w.startsWith('updateBranch'))).toEqual([]);
  });

  it('keeps a byte order mark in what it pushes', async () => {
    const github = new FakeGitHub({ 'README.md': '# Awesome\n' });
    const pull = github.openPull('add-tools', { 'README.md': `\uFEFF${LIST}` });
    const outcome = await fixPullRequest(github, request(pull));
    expect(outcome.pushed).toBeDefined();
    expect(github.fileAt('add-tools', 'README.md')).toBe(`\uFEFF${FIXED}`);
  });
});
