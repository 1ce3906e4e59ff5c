/**
 * `/listwarden recheck` and `/listwarden fix` on a pull request hand the parse and the rules
 * to the runner they are given (the app's worker pool), never run them here when one is given.
 */
import { describe, expect, it } from '@jest/globals';
import { checkFiles } from '../../src/core/check-files.js';
import { resolveConfig } from '../../src/core/config/resolved-config.js';
import type { RuleRunner } from '../../src/use-cases/check-lists.js';
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

function runnersWith(gh: FakeGitHub, runner: RuleRunner) {
  return commandRunners({
    github: gh,
    repo: REPO,
    config: resolveConfig(),
    files: ['**/*.md'],
    checkLinks: 'none',
    maintenance: false,
    rules: runner,
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
});
