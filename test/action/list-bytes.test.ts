/**
 * A Windows-1252 list through the Action's scheduled run (report and maintenance pull
 * request) and `/listwarden fix`: GitHub answers the file's bytes (its JSON form, base64);
 * listwarden skips the file and says so, and commits nothing — it never writes it back with
 * every accented letter replaced by U+FFFD. The Action's `run()` in process, against the
 * GitHub API stand-in.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHubApiStandIn, type GitHubApiStandIn } from '../github/helpers/api-stand-in.js';
import { examplePayload, TOKEN } from './helpers/run-bundle.js';
import { actionInProcess } from './helpers/run-in-process.js';

const OWNER = 'octo';
const REPO = 'awesome-things';
/** A certain fix (a tracking parameter) beside accented words, as Windows-1252 bytes (é = E9). */
const CP1252 = Buffer.from('# Awesome\n\n## Tools\n\n- [Caf\xe9](https://cafe.example/?utm_source=list) - Cr\xe8me br\xfbl\xe9e.\n', 'latin1');
const SKIPPED = 'listwarden: README.md:5:7 is not valid UTF-8 — listwarden leaves it alone; re-save the file as UTF-8';

const action = actionInProcess();
let api: GitHubApiStandIn;

beforeEach(async () => {
  api = await startGitHubApiStandIn({ login: 'github-actions[bot]', token: TOKEN });
  api.setRepository(OWNER, REPO, { defaultBranch: 'main' });
  api.setFile(OWNER, REPO, 'main', 'README.md', 'placeholder: the route below answers the bytes\n');
  // GitHub's contents answer (the JSON form) for the file at any ref: its bytes, base64.
  api.route('GET', '/repos/{owner}/{repo}/contents/README.md', () => ({
    status: 200,
    body: { type: 'file', encoding: 'base64', size: CP1252.length, name: 'README.md', path: 'README.md', sha: 'c'.repeat(40), content: `${CP1252.toString('base64')}\n` },
  }));
});
afterEach(async () => api.close());

/** Writes that would put the list in a commit (lease commits carry no files). */
const fileWrites = () => api.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/git/trees') && JSON.stringify(r.body).includes('README.md'));

describe('a Windows-1252 list', () => {
  it('is skipped by the scheduled run, which says so and opens no maintenance pull request', async () => {
    const result = await action.run(api, { owner: OWNER, repo: REPO, eventName: 'schedule', event: {}, inputs: { 'maintenance-pr': 'true' } });
    expect(fileWrites()).toEqual([]);
    expect(result.log).toContain(SKIPPED);
    expect(api.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/pulls'))).toEqual([]);
  });

  it('is skipped by /listwarden fix on a pull request, and the reply says why', async () => {
    const head = api.pushCommit(OWNER, REPO, 'add-cafe', { files: { 'README.md': 'placeholder 2\n' }, message: 'Add Café' });
    api.addPull(OWNER, REPO, 9, { headSha: head, headRef: 'add-cafe', files: [{ filename: 'README.md', status: 'modified' }] });
    api.setPermission(OWNER, REPO, 'maintainer-mia', 'write');
    const posted = api.addIssueComment(OWNER, REPO, 9, '/listwarden fix', 'maintainer-mia');
    const event = examplePayload<{ comment: { id: number; body: string; user: { login: string; type: string } }; issue: { number: number; pull_request?: unknown } }>('issue_comment', 'created');
    event.comment.id = posted.id;
    event.comment.body = '/listwarden fix';
    event.comment.user.login = 'maintainer-mia';
    event.comment.user.type = 'User';
    event.issue.number = 9;
    event.issue.pull_request = { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/9` };
    await action.run(api, { owner: OWNER, repo: REPO, eventName: 'issue_comment', event });
    const reply = api.state.issueComments.find((c) => c.body.includes(`listwarden:reply-to=${posted.id}`));
    expect(reply?.body).toContain('README.md:5:7 is not valid UTF-8 — listwarden leaves it alone; re-save the file as UTF-8');
    expect(fileWrites()).toEqual([]);
  });
});
