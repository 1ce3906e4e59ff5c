/**
 * Where the Action's config comes from: on a pull request, `.github/listwarden.yml` at the
 * base commit, read through the API — a checkout of the pull request's own config cannot
 * turn its gate off, and without a checkout (the documented setup) the maintainers' config
 * is used, not silently ignored. On a schedule, the default branch's. The Action's `run()`
 * in process, against the GitHub API stand-in, with a real pull_request payload.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGitHubApiStandIn, type GitHubApiStandIn } from '../github/helpers/api-stand-in.js';
import { examplePayload, TOKEN } from './helpers/run-bundle.js';
import { actionInProcess } from './helpers/run-in-process.js';

const OWNER = 'octo';
const REPO = 'awesome-things';
const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const BASE_LIST = '# Awesome\n\n## Tools\n\n- [Trivy](https://trivy.dev/) - Scans images.\n';
/** The PR adds a misspelt name (tool-name-spelling) and Trivy again (no-duplicate-entry): two gating problems. */
const HEAD_LIST = `${BASE_LIST}- [Synk](https://snyk.io/) - Finds vulnerable dependencies.\n- [Trivy](https://trivy.dev/) - Scans images.\n`;
const GATE_OFF = 'rules:\n  tool-name-spelling: off\n  no-duplicate-entry: off\n';

const action = actionInProcess();
let api: GitHubApiStandIn;

function pullRequestEvent(): unknown {
  const event = examplePayload<{ number: number; pull_request: { number: number; base: { sha: string; repo: { full_name: string } }; head: { sha: string; repo: { full_name: string } } } }>('pull_request', 'opened');
  event.pull_request.number = event.number = 7;
  event.pull_request.base.sha = BASE;
  event.pull_request.head.sha = HEAD;
  event.pull_request.base.repo.full_name = event.pull_request.head.repo.full_name = `${OWNER}/${REPO}`;
  return event;
}

const review = (eventName = 'pull_request') => action.run(api, { owner: OWNER, repo: REPO, eventName, event: pullRequestEvent() });

/** The checkout brings a config file. */
function checkout(text: string): void {
  mkdirSync(join(action.dir(), '.github'));
  writeFileSync(join(action.dir(), '.github', 'listwarden.yml'), text);
}

beforeEach(async () => {
  api = await startGitHubApiStandIn({ login: 'github-actions[bot]', token: TOKEN });
  api.setFile(OWNER, REPO, BASE, 'README.md', BASE_LIST);
  api.setFile(OWNER, REPO, HEAD, 'README.md', HEAD_LIST);
  api.addPull(OWNER, REPO, 7, { headSha: HEAD, files: [{ filename: 'README.md', status: 'modified', patch: '@@ -5,0 +6,2 @@\n+- [Synk](https://snyk.io/) - Finds vulnerable dependencies.\n+- [Trivy](https://trivy.dev/) - Scans images.' }] });
});
afterEach(async () => api.close());

describe('the Action’s config on a pull request', () => {
  it('ignores a config the checkout brings: the base commit has none, so both problems gate', async () => {
    checkout(GATE_OFF);
    api.setFile(OWNER, REPO, HEAD, '.github/listwarden.yml', GATE_OFF);
    const result = await review();
    expect(result.outputs.gating).toBe('2');
    expect(result.exitCode).toBe(1);
    expect(result.log).toContain('listwarden: no .github/listwarden.yml at the base commit (aaaaaaa): default settings (read through the API, not from the checkout)');
  });

  it('uses the base commit’s config without a checkout', async () => {
    api.setFile(OWNER, REPO, BASE, '.github/listwarden.yml', 'rules:\n  tool-name-spelling: off\n');
    const result = await review();
    expect(result.outputs.gating).toBe('1');
    expect(result.log).toContain('listwarden: config from .github/listwarden.yml at the base commit (aaaaaaa) (read through the API, not from the checkout)');
    expect(api.requests.filter((r) => r.path.includes('/contents/')).map((r) => `${r.method} ${decodeURIComponent(r.path)} ${r.query.ref}`)).toContain(`GET /repos/${OWNER}/${REPO}/contents/.github/listwarden.yml ${BASE}`);
  });

  it('fails with the file, the key and the commit when the base’s config is invalid', async () => {
    api.setFile(OWNER, REPO, BASE, '.github/listwarden.yml', 'rules:\n  no-such-rule: off\n');
    const result = await review();
    expect(result.exitCode).toBe(1);
    expect(result.log).toContain('::error::listwarden: config error: .github/listwarden.yml: "rules.no-such-rule" is not a listwarden rule');
    expect(result.log).toContain('(at the base commit (aaaaaaa))');
  });
});

describe('the Action’s config on a schedule', () => {
  it('comes from the default branch through the API, not from the checkout', async () => {
    api.setRepository(OWNER, REPO, { defaultBranch: 'main' });
    api.setFile(OWNER, REPO, 'main', 'README.md', HEAD_LIST);
    api.setFile(OWNER, REPO, 'main', '.github/listwarden.yml', GATE_OFF);
    // The checkout's file would fail the run if it were read.
    checkout('rules: [not, a, map]\n');
    const result = await review('schedule');
    expect(result.log).toContain('listwarden: config from .github/listwarden.yml at the default branch (main) (read through the API, not from the checkout)');
    expect(result.log).not.toContain('config error');
  });
});
