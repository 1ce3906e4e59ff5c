/**
 * `/listwarden recheck` and `/listwarden fix` on a pull request hand the parse and the rules
 * to the runner they are given (the app's worker pool), never run them here when one is given;
 * `/listwarden fix` hands its fixes to the fixer it is given the same way.
 */
import { describe, expect, it } from '@jest/globals';
import { checkFiles } from '../../src/core/check-files.js';
import { resolveConfig } from '../../src/core/config/resolved-config.js';
import type { RuleRunner } from '../../src/use-cases/check-lists.js';
import { runFixJob, type FixJob, type FixRunner } from '../../src/use-cases/fix-job.js';
import { tooSlow } from '../../src/app/check-pool.js';
import { TOO_SLOW } from '../../src/core/parse/inspect-input.js';
import { commandRunners } from '../../src/use-cases/command-runners.js';
import { BASE_LIST, HEAD_LIST } from './helpers/command-fixtures.js';
import { FakeGitHub, REPO } from './helpers/fake-github.js';

function spyRunner(): { runner: RuleRunner; jobs: string[][] } {
  const jobs: string[][] = [];
  const runner: RuleRunner = async (files, config, part, facts, keepDocs) => {
    jobs.push(files.map((f) => `${part} ${f.path}`));
    return structuredClone(checkFiles(structuredClone(files), structuredClone(config), part, facts, keepDocs));
  };
  return { runner, jobs };
}

/** A fixer that, like the worker pool, sees only plain data (each job crosses a structured clone). */
function spyFixer(): { fixer: FixRunner; jobs: FixJob[] } {
  const jobs: FixJob[] = [];
  const fixer: FixRunner = async (job) => {
    const plain = structuredClone(job);
    jobs.push(plain);
    return structuredClone(runFixJob(plain));
  };
  return { fixer, jobs };
}

function runnersWith(gh: FakeGitHub, runner: RuleRunner, fixer?: FixRunner) {
  return commandRunners({
    github: gh,
    repo: REPO,
    config: resolveConfig(),
    files: ['**/*.md'],
    checkLinks: 'none',
    maintenance: false,
    rules: runner,
    ...(fixer ? { fixes: fixer } : {}),
    reviewLinks: () => undefined,
    scheduled: async () => {
      throw new Error('not used here');
    },
  });
}

describe('command runners with a rule runner', () => {
  it('recheck on a pull request: the review runs its rules through the runner', async () => {
    const gh = new FakeGitHub({ 'README.md': BASE_LIST });
    const pull = gh.openPull('add-tools', { 'README.md': HEAD_LIST });
    const { runner, jobs } = spyRunner();
    const line = await runnersWith(gh, runner).recheckPull(pull);
    expect(line).toMatch(/problem\(s\) in the lines this pull request changes/);
    expect(jobs).toEqual([['all README.md']]);
  });

  it('fix on a pull request: the check before the fixes runs through the runner, and the fixes are pushed', async () => {
    const gh = new FakeGitHub({ 'README.md': BASE_LIST });
    const pull = gh.openPull('add-tools', { 'README.md': HEAD_LIST });
    const { runner, jobs } = spyRunner();
    const line = await runnersWith(gh, runner).fixPull(pull);
    expect(line).toMatch(/^pushed 3 fixes in 1 file/);
    expect(jobs).toEqual([['all README.md']]);
  });

  it('fix on a pull request: the fixes are computed by the fixer, from plain data, and what it returns is pushed', async () => {
    const gh = new FakeGitHub({ 'README.md': BASE_LIST });
    const pull = gh.openPull('add-tools', { 'README.md': HEAD_LIST });
    const { fixer, jobs } = spyFixer();
    const line = await runnersWith(gh, spyRunner().runner, fixer).fixPull(pull);
    expect(line).toMatch(/^pushed 3 fixes in 1 file/);
    expect(jobs.map((j) => [j.path, j.source])).toEqual([['README.md', HEAD_LIST]]);
    expect(gh.fileAt('add-tools', 'README.md')).toBe(runFixJob(jobs[0]!).output);
  });

  it('fix on a pull request: a fix job past its deadline pushes nothing and says the list is too large or too slow', async () => {
    const gh = new FakeGitHub({ 'README.md': BASE_LIST });
    const pull = gh.openPull('add-tools', { 'README.md': HEAD_LIST });
    const head = gh.head('add-tools');
    const slow: FixRunner = async (job) => ({ output: job.source, applied: [], rejected: [], tooSlow: tooSlow(job, 50) });
    const line = await runnersWith(gh, spyRunner().runner, slow).fixPull(pull);
    expect(line).toMatch(/^Nothing to fix: listwarden is certain of no fix/);
    expect(line).toContain(`README.md: ${TOO_SLOW}: checking this file took longer than 50 ms`);
    expect(gh.head('add-tools')).toBe(head);
    expect(gh.writes.filter((w) => /^(createCommit|updateBranch|createReview)/.test(w))).toEqual([]);
  });
});
