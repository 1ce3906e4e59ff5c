/**
 * The dry-run port of repositories without config: reads reach GitHub (the stand-in),
 * writes only reach the log.
 */
import { afterEach, beforeEach, expect, it } from '@jest/globals';
import { DRY_RUN_SHA, dryRunPort } from '../../src/app/dry-run-port.js';
import { createGitHubPort } from '../../src/github/octokit-adapter.js';
import { startGitHubApiStandIn, type GitHubApiStandIn } from '../github/helpers/api-stand-in.js';

const repo = { owner: 'octo', repo: 'awesome-things' };
let api: GitHubApiStandIn;

beforeEach(async () => {
  api = await startGitHubApiStandIn();
  api.setRepository(repo.owner, repo.repo, { defaultBranch: 'trunk' });
  api.pushCommit(repo.owner, repo.repo, 'trunk', { files: { 'README.md': '# Awesome\n' } });
});

afterEach(async () => api.close());

it('reads from GitHub, logs every write it does not make, and answers writes as GitHub would for new things', async () => {
  const info: string[] = [];
  const debug: object[] = [];
  const port = dryRunPort(createGitHubPort({ token: 'ghs_x', baseUrl: api.url, retries: 0 }), {
    info: (_fields, message) => info.push(message),
    debug: (fields) => debug.push(fields),
  });

  expect(await port.getDefaultBranch(repo)).toBe('trunk');
  expect(await port.getFileText(repo, 'README.md', 'trunk')).toBe('# Awesome\n');

  const head = 'b'.repeat(40);
  expect(await port.createCheckRun(repo, { name: 'listwarden', head_sha: head, status: 'completed', conclusion: 'failure', output: { title: '2 problems', summary: '2 problems', annotations: [] } })).toEqual({ id: 0 });
  await port.updateCheckRun(repo, 5, { conclusion: 'success' });
  await port.createReview(repo, 7, head, [{ path: 'README.md', line: 3, body: 'x' }]);
  expect(await port.createIssueComment(repo, 7, '<!-- listwarden:summary -->\n## listwarden\nAll good')).toEqual({ id: 0 });
  await port.updateIssueComment(repo, 9, 'edited');
  expect(await port.createIssue(repo, { title: 'listwarden: link-rot report', body: 'b', labels: ['listwarden'] })).toEqual({ number: 0 });
  await port.updateIssue(repo, 3, { state: 'closed', body: 'b' });
  await port.ensureLabel(repo, 'listwarden', '5319e7', 'd');
  await port.addReaction(repo, 11, 'eyes');
  expect(await port.createCommit(repo, { message: 'listwarden: link state [skip ci]', parentSha: head, files: [{ path: 'a.json', content: '{}' }] })).toBe(DRY_RUN_SHA);
  await port.createBranch(repo, 'listwarden/maintenance', DRY_RUN_SHA);
  await port.updateBranch(repo, 'listwarden/maintenance', DRY_RUN_SHA, true);
  expect(await port.createRef(repo, 'refs/listwarden/lease-report', DRY_RUN_SHA)).toBe(true);
  await port.deleteRef(repo, 'refs/listwarden/lease-report');
  expect(await port.createPull(repo, { title: 'listwarden: maintenance', body: 'b', head: 'listwarden/maintenance', base: 'trunk' })).toEqual({ number: 0 });
  await port.updatePull(repo, 4, { state: 'closed' });

  expect(api.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  expect(port.writes.map((w) => w.method)).toEqual([
    'createCheckRun',
    'updateCheckRun',
    'createReview',
    'createIssueComment',
    'updateIssueComment',
    'createIssue',
    'updateIssue',
    'ensureLabel',
    'addReaction',
    'createCommit',
    'createBranch',
    'updateBranch',
    'createRef',
    'deleteRef',
    'createPull',
    'updatePull',
  ]);
  expect(info).toHaveLength(16);
  expect(info[0]).toBe('dry run (no .github/listwarden.yml): would create check run "listwarden" on octo/awesome-things@bbbbbbb (failure: 2 problems), 0 annotation(s) — add the file to let listwarden write');
  expect(info[3]).toBe('dry run (no .github/listwarden.yml): would comment on octo/awesome-things#7: "## listwarden" — add the file to let listwarden write');
  expect(info[11]).toBe('dry run (no .github/listwarden.yml): would move branch listwarden/maintenance on octo/awesome-things (force) — add the file to let listwarden write');
  // The bodies in full go to the debug log.
  expect(debug[5]).toMatchObject({ method: 'createIssue', args: [{ title: 'listwarden: link-rot report', body: 'b', labels: ['listwarden'] }] });
});
