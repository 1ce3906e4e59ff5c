/**
 * The scheduled run's link state in the Actions cache: restored from the newest entry by
 * prefix, saved under a key of its own per run (cache entries cannot be overwritten), and
 * still usable when the cache service fails or the stored file is damaged.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const restoreCache = jest.fn<(paths: string[], key: string, restoreKeys?: string[]) => Promise<string | undefined>>();
const saveCache = jest.fn<(paths: string[], key: string) => Promise<number>>();
let available = true;
jest.unstable_mockModule('@actions/cache', () => ({ isFeatureAvailable: () => available, restoreCache, saveCache }));
const infos: string[] = [];
const warnings: string[] = [];
jest.unstable_mockModule('@actions/core', () => ({ info: (m: string) => infos.push(m), warning: (m: string) => warnings.push(m) }));

const { actionsLinkStateStore } = await import('../../src/action/link-state-store.js');
const { LinkState, DEFAULT_STATE_POLICY } = await import('../../src/links/link-state.js');

const dead = (url: string, checkedAt: string) => ({ url, verdict: 'dead' as const, cause: 'not-found' as const, status: 404, reason: '404 Not Found', checkedAt, finalUrl: url, redirects: [], titles: [], permanentRedirect: false, requests: 1, durationMs: 1 });

describe('link state in the Actions cache', () => {
  let temp: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'lw-state-'));
    env = { RUNNER_TEMP: temp, GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2' };
    available = true;
    restoreCache.mockReset();
    saveCache.mockReset();
    infos.length = 0;
    warnings.length = 0;
  });
  afterEach(() => {
    jest.clearAllMocks();
  });

  it('restores the newest entry by prefix and saves under a key of its own run', async () => {
    const path = join(temp, 'listwarden', 'link-state.json');
    restoreCache.mockImplementation(async () => {
      const earlier = LinkState.empty();
      earlier.record(dead('https://gone.example/', '2026-11-01T00:00:00Z'));
      mkdirSync(join(temp, 'listwarden'), { recursive: true });
      writeFileSync(path, earlier.serialize());
      return 'listwarden-link-state-41-1';
    });
    saveCache.mockResolvedValue(7);
    const store = actionsLinkStateStore(env);
    const state = await store.load(DEFAULT_STATE_POLICY);
    expect(restoreCache).toHaveBeenCalledWith([path], 'listwarden-link-state-42-2', ['listwarden-link-state-']);
    expect(state.get('https://gone.example/')?.failureStreak).toBe(1);

    state.record(dead('https://gone.example/', '2026-11-08T00:00:00Z'));
    await store.save(state);
    expect(saveCache).toHaveBeenCalledWith([path], 'listwarden-link-state-42-2');
    expect(JSON.parse(readFileSync(path, 'utf8')).urls['https://gone.example/'].failureStreak).toBe(2);
  });

  it('starts fresh, with a warning, when the cache cannot be read or the stored state is damaged', async () => {
    restoreCache.mockRejectedValue(new Error('cache service unavailable'));
    const state = await actionsLinkStateStore(env).load(DEFAULT_STATE_POLICY);
    expect(state.get('https://any.example/')).toBeUndefined();
    expect(warnings.join('\n')).toMatch(/could not restore the link state .*cache service unavailable.* starting a fresh one/);

    mkdirSync(join(temp, 'listwarden'), { recursive: true });
    writeFileSync(join(temp, 'listwarden', 'link-state.json'), '{"version": 9}');
    restoreCache.mockResolvedValue('listwarden-link-state-40-1');
    await expect(actionsLinkStateStore(env).load(DEFAULT_STATE_POLICY)).resolves.toBeDefined();
    expect(warnings.at(-1)).toMatch(/not a listwarden link state .* starting a fresh link state/);
  });

  it('keeps the file even when saving to the cache fails (a re-run whose key exists)', async () => {
    saveCache.mockRejectedValue(new Error('Unable to reserve cache with key listwarden-link-state-42-2'));
    const store = actionsLinkStateStore(env);
    const state = LinkState.empty();
    state.record(dead('https://gone.example/', '2026-11-08T00:00:00Z'));
    await store.save(state);
    expect(existsSync(join(temp, 'listwarden', 'link-state.json'))).toBe(true);
    expect(warnings.at(-1)).toMatch(/could not save the link state to the cache .*the next run starts from the previous state/);
  });

  it('keeps the state in RUNNER_TEMP only when there is no cache service', async () => {
    available = false;
    const store = actionsLinkStateStore(env);
    const state = await store.load(DEFAULT_STATE_POLICY);
    state.record(dead('https://gone.example/', '2026-11-08T00:00:00Z'));
    await store.save(state);
    expect(restoreCache).not.toHaveBeenCalled();
    expect(saveCache).not.toHaveBeenCalled();
    expect((await actionsLinkStateStore(env).load(DEFAULT_STATE_POLICY)).get('https://gone.example/')?.verdict).toBe('dead');
    expect(infos.join('\n')).toMatch(/cache service is not available here/);
  });
});
