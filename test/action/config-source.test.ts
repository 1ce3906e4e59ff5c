/**
 * Where the Action's config comes from: on a pull request, `.github/listwarden.yml` at the
 * base commit, read through the API — a checkout of the pull request's own config cannot
 * turn its gate off, and without a checkout (the documented setup) the maintainers' config
 * is used, not silently ignored. On a schedule, the default branch's. The Action's `run()`
 * in process, against the GitHub API stand-in, with a real pull_request payload.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/action/run.js';
import { startGitHubApiStandIn, type GitHubApiStandIn } from '../github/helpers/api-stand-in.js';
import { examplePayload, TOKEN } from './helpers/run-bundle.js';

const OWNER = 'octo';
const REPO = 'awesome-things';
const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const BASE_LIST = '# Awesome\n\n## Tools\n\n- [Trivy](https://trivy.dev/) - Scans images.\n';
/** The PR adds a misspelt name (tool-name-spelling) and Trivy again (no-duplicate-entry): two gating problems. */
const HEAD_LIST = `${BASE_LIST}- [Synk](https://snyk.io/) - Finds vulnerable dependencies.\n- [Trivy](https://trivy.dev/) - Scans images.\n`;
const GATE_OFF = 'rules:\n  tool-name-spelling: off\n  no-duplicate-entry: off\n';

let api: GitHubApiStandIn;
let dir: string;
let saved: NodeJS.ProcessEnv;
let log: string;

function pullRequestEvent(): string {
  const event = examplePayload<{ number: number; pull_request: { number: number; base: { sha: string; repo: { full_name: string } }; head: { sha: string; repo: { full_name: string } } } }>('pull_request', 'opened');
  event.pull_request.number = event.number = 7;
  event.pull_request.base.sha = BASE;
  event.pull_request.head.sha = HEAD;
  event.pull_request.base.repo.full_name = event.pull_request.head.repo.full_name = `${OWNER}/${REPO}`;
  const path = join(dir, 'event.json');
  writeFileSync(path, JSON.stringify(event));
  return path;
}

/** Runs the Action on a pull_request event (or another); returns its outputs. */
async function review(eventName = 'pull_request'): Promise<Record<string, string>> {
  const output = join(dir, 'output');
  writeFileSync(output, '');
  Object.assign(process.env, {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: pullRequestEvent(),
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: api.url,
    GITHUB_OUTPUT: output,
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    'INPUT_GITHUB-TOKEN': TOKEN,
    INPUT_FILES: 'README.md',
    'INPUT_CHECK-LINKS': 'none',
  });
  await run();
  const outputs: Record<string, string> = {};
  for (const match of readFileSync(output, 'utf8').matchAll(/^(\S+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  return outputs;
}

beforeEach(async () => {
  saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_') || key.startsWith('GITHUB_')) delete process.env[key];
  api = await startGitHubApiStandIn({ login: 'github-actions[bot]', token: TOKEN });
  dir = mkdtempSync(join(tmpdir(), 'listwarden-config-'));
  api.setFile(OWNER, REPO, BASE, 'README.md', BASE_LIST);
  api.setFile(OWNER, REPO, HEAD, 'README.md', HEAD_LIST);
  api.addPull(OWNER, REPO, 7, { headSha: HEAD, files: [{ filename: 'README.md', status: 'modified', patch: '@@ -5,0 +6,2 @@\n+- [Synk](https://snyk.io/) - Finds vulnerable dependencies.\n+- [Trivy](https://trivy.dev/) - Scans images.' }] });
  log = '';
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    log += String(chunk);
    return true;
  });
});

afterEach(async () => {
  jest.restoreAllMocks();
  process.env = saved;
  process.exitCode = 0;
  await api.close();
});

describe('the Action’s config on a pull request', () => {
  it('ignores a config the checkout brings: the base commit has none, so both problems gate', async () => {
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github', 'listwarden.yml'), GATE_OFF);
    api.setFile(OWNER, REPO, HEAD, '.github/listwarden.yml', GATE_OFF);
    const outputs = await review();
    expect(outputs.gating).toBe('2');
    expect(process.exitCode).toBe(1);
    expect(log).toContain('listwarden: no .github/listwarden.yml at the base commit (aaaaaaa): default settings (read through the API, not from the checkout)');
  });

  it('uses the base commit’s config without a checkout', async () => {
    api.setFile(OWNER, REPO, BASE, '.github/listwarden.yml', 'rules:\n  tool-name-spelling: off\n');
    const outputs = await review();
    expect(outputs.gating).toBe('1');
    expect(log).toContain('listwarden: config from .github/listwarden.yml at the base commit (aaaaaaa) (read through the API, not from the checkout)');
    expect(api.requests.filter((r) => r.path.includes('/contents/')).map((r) => `${r.method} ${decodeURIComponent(r.path)} ${r.query.ref}`)).toContain(`GET /repos/${OWNER}/${REPO}/contents/.github/listwarden.yml ${BASE}`);
  });

  it('fails with the file, the key and the commit when the base’s config is invalid', async () => {
    api.setFile(OWNER, REPO, BASE, '.github/listwarden.yml', 'rules:\n  no-such-rule: off\n');
    await review();
    expect(process.exitCode).toBe(1);
    expect(log).toContain('::error::listwarden: config error: .github/listwarden.yml: "rules.no-such-rule" is not a listwarden rule');
    expect(log).toContain('(at the base commit (aaaaaaa))');
  });
});

describe('the Action’s config on a schedule', () => {
  it('comes from the default branch through the API, not from the checkout', async () => {
    api.setRepository(OWNER, REPO, { defaultBranch: 'main' });
    api.setFile(OWNER, REPO, 'main', 'README.md', HEAD_LIST);
    api.setFile(OWNER, REPO, 'main', '.github/listwarden.yml', GATE_OFF);
    mkdirSync(join(dir, '.github'));
    // The checkout's file would fail the run if it were read.
    writeFileSync(join(dir, '.github', 'listwarden.yml'), 'rules: [not, a, map]\n');
    await review('schedule');
    expect(log).toContain('listwarden: config from .github/listwarden.yml at the default branch (main) (read through the API, not from the checkout)');
    expect(log).not.toContain('config error');
  });
});
