import * as cache from '@actions/cache';
import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LinkState, LinkStateError, type StatePolicy } from '../links/link-state.js';

/**
 * The link state of scheduled runs, kept between runs in the Actions cache.
 *
 * Cache entries cannot be overwritten, so every run saves under a key of its own
 * (`listwarden-link-state-<run id>-<attempt>`) and restores the newest one by prefix. The
 * state is saved in a `finally`, so a run that fails half-way keeps what it learned; a run
 * that dies without saving leaves the previous entry in place. GitHub evicts entries unused
 * for 7 days: a weekly schedule keeps its entry alive only just, so the report's trend is
 * kept in the report issue itself, and a lost state only restarts the failure streaks.
 *
 * Without the cache service (a self-hosted runner without it, or tests) the file stays in
 * RUNNER_TEMP, which persists on a machine that keeps its runner temp between runs.
 */
export interface LinkStateStore {
  load(policy: StatePolicy): Promise<LinkState>;
  save(state: LinkState): Promise<void>;
}

const KEY_PREFIX = 'listwarden-link-state-';

export function actionsLinkStateStore(env: NodeJS.ProcessEnv = process.env): LinkStateStore {
  const path = join(env.RUNNER_TEMP || process.cwd(), 'listwarden', 'link-state.json');
  const useCache = cache.isFeatureAvailable();
  const key = `${KEY_PREFIX}${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
  return {
    async load(policy) {
      if (useCache) {
        try {
          const hit = await cache.restoreCache([path], key, [KEY_PREFIX]);
          core.info(hit ? `listwarden: link state restored from the cache (${hit})` : 'listwarden: no link state in the cache yet — starting a fresh one');
        } catch (error) {
          core.warning(`listwarden: could not restore the link state from the cache (${(error as Error).message}) — starting a fresh one; dead links need a few more runs to be confirmed`);
        }
      } else {
        core.info(`listwarden: the Actions cache service is not available here — the link state is kept in ${path} only`);
      }
      if (!existsSync(path)) return LinkState.empty(policy);
      try {
        return await LinkState.parse(await readFile(path, 'utf8'), path, policy);
      } catch (error) {
        if (!(error instanceof LinkStateError)) throw error;
        core.warning(`listwarden: ${error.message.replace(/ — .*$/, '')} — starting a fresh link state`);
        return LinkState.empty(policy);
      }
    },
    async save(state) {
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.tmp-${process.pid}`;
      await writeFile(temp, state.serialize(), 'utf8');
      await rename(temp, path);
      if (!useCache) return;
      try {
        await cache.saveCache([path], key);
        core.info(`listwarden: link state saved to the cache as ${key}`);
      } catch (error) {
        core.warning(`listwarden: could not save the link state to the cache (${(error as Error).message}) — the next run starts from the previous state`);
      }
    },
  };
}
