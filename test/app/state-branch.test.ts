/**
 * The app's link state on the `listwarden/state` branch, through the real GitHubPort
 * against the GitHub API stand-in's git model.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { STATE_BRANCH, STATE_FILE, stateBranchStore } from '../../src/app/state-branch.js';
import { createGitHubPort } from '../../src/github/octokit-adapter.js';
import type { GitHubPort } from '../../src/github/port.js';
import { DEFAULT_STATE_POLICY, LinkState } from '../../src/links/link-state.js';
import type { ProbeResult } from '../../src/links/types.js';
import { startGitHubApiStandIn, type GitHubApiStandIn } from '../github/helpers/api-stand-in.js';

const OWNER = 'octo';
const REPO = 'awesome-things';
const repo = { owner: OWNER, repo: REPO };

let api: GitHubApiStandIn;
let github: GitHubPort;
let logged: string[];
const log = { info: (m: string) => logged.push(`info ${m}`), warn: (m: string) => logged.push(`warn ${m}`) };

function probe(url: string, verdict: ProbeResult['verdict'], at = '2025-03-04T05:06:07.000Z'): ProbeResult {
  return { url, verdict, cause: verdict === 'alive' ? 'ok' : 'http-status', status: verdict === 'alive' ? 200 : 404, reason: verdict === 'alive' ? '200 OK' : '404 Not Found', redirects: [], finalUrl: url, permanentRedirect: false, titles: [], checkedAt: at, requests: 1, durationMs: 5 } as ProbeResult;
}

const writes = () => api.requests.filter((r) => r.method !== 'GET');

beforeEach(async () => {
  api = await startGitHubApiStandIn();
  api.setRepository(OWNER, REPO, { defaultBranch: 'main' });
  api.pushCommit(OWNER, REPO, 'main', { files: { 'README.md': '# Awesome\n' } });
  github = createGitHubPort({ token: 'ghs_x', baseUrl: api.url, retries: 0, throttle: { spaceWrites: false } });
  logged = [];
});

afterEach(async () => {
  expect(api.invalid.filter((i) => !i.errors.includes('Reference already exists'))).toEqual([]);
  await api.close();
});

describe('the link state on listwarden/state', () => {
  it('starts fresh, then saves one commit that starts no workflow, on a branch off main; main is untouched', async () => {
    const main = api.branchSha(OWNER, REPO, 'main');
    const store = stateBranchStore(github, repo, log);
    const state = await store.load(DEFAULT_STATE_POLICY);
    expect(state.get('https://a.example/')).toBeUndefined();
    expect(logged).toEqual([`info no link state in ${OWNER}/${REPO}@${STATE_BRANCH}:${STATE_FILE} yet — starting a fresh one`]);

    state.record(probe('https://a.example/', 'dead'));
    await store.save(state);
    expect(api.fileAt(OWNER, REPO, STATE_BRANCH, STATE_FILE)).toBe(state.serialize());
    const [head, parent] = api.historyOf(OWNER, REPO, STATE_BRANCH);
    expect(head!.message).toMatch(/^listwarden: link state \[skip ci\]/);
    expect(parent!.sha).toBe(main);
    expect(api.branchSha(OWNER, REPO, 'main')).toBe(main);

    // The next run reads it back.
    const again = await stateBranchStore(github, repo, log).load(DEFAULT_STATE_POLICY);
    expect(again.get('https://a.example/')).toMatchObject({ verdict: 'dead', failureStreak: 1 });
  });

  it('each later save is one commit on top of the last; a run that learned nothing commits nothing', async () => {
    const first = stateBranchStore(github, repo, log);
    const state = await first.load(DEFAULT_STATE_POLICY);
    state.record(probe('https://a.example/', 'dead'));
    await first.save(state);
    const before = api.branchSha(OWNER, REPO, STATE_BRANCH);

    const second = stateBranchStore(github, repo, log);
    const loaded = await second.load(DEFAULT_STATE_POLICY);
    const count = writes().length;
    await second.save(loaded);
    expect(writes().length).toBe(count);

    loaded.record(probe('https://a.example/', 'dead', '2025-03-11T05:06:07.000Z'));
    await second.save(loaded);
    const [head, parent] = api.historyOf(OWNER, REPO, STATE_BRANCH);
    expect(parent!.sha).toBe(before);
    expect(JSON.parse(api.fileAt(OWNER, REPO, head!.sha, STATE_FILE)!).urls['https://a.example/'].failureStreak).toBe(2);
  });

  it('a damaged file: a warning, a fresh state, and the file replaced by the next save', async () => {
    api.pushCommit(OWNER, REPO, STATE_BRANCH, { files: { [STATE_FILE]: '{"version":1,"urls":' } });
    const store = stateBranchStore(github, repo, log);
    const state = await store.load(DEFAULT_STATE_POLICY);
    expect(state.get('https://a.example/')).toBeUndefined();
    expect(logged).toEqual([expect.stringMatching(/^warn octo\/awesome-things@listwarden\/state:\.listwarden\/link-state\.json: not valid JSON \(.*\) — starting a fresh link state; it replaces the damaged file at the end of this run$/)]);
    state.record(probe('https://b.example/', 'alive'));
    await store.save(state);
    expect((await LinkState.parse(api.fileAt(OWNER, REPO, STATE_BRANCH, STATE_FILE)!, 'x')).get('https://b.example/')).toMatchObject({ verdict: 'alive' });
  });

  it('a branch a person rewrote is moved anyway (with force): the state is never stuck', async () => {
    const store = stateBranchStore(github, repo, log);
    const state = await store.load(DEFAULT_STATE_POLICY);
    state.record(probe('https://a.example/', 'dead'));
    // Between load and save, someone resets the branch to a commit of their own off main.
    api.pushCommit(OWNER, REPO, STATE_BRANCH, { files: { 'NOTE.md': 'mine\n' }, parent: api.branchSha(OWNER, REPO, 'main')! });
    await store.save(state);
    expect(api.fileAt(OWNER, REPO, STATE_BRANCH, STATE_FILE)).toBe(state.serialize());
  });

  it('two replicas saving at once on a fresh repository: both finish, the branch holds one of their states', async () => {
    const [a, b] = [stateBranchStore(github, repo, log), stateBranchStore(github, repo, log)];
    const [sa, sb] = [await a.load(DEFAULT_STATE_POLICY), await b.load(DEFAULT_STATE_POLICY)];
    sa.record(probe('https://a.example/', 'alive'));
    sb.record(probe('https://b.example/', 'alive'));
    await Promise.all([a.save(sa), b.save(sb)]);
    expect([sa.serialize(), sb.serialize()]).toContain(api.fileAt(OWNER, REPO, STATE_BRANCH, STATE_FILE));
  });
});
