import type { Context } from 'probot';
import type { RepoRef } from '../github/port.js';
import type { AppSettings } from './app-settings.js';
import { installationPort } from './installation-port.js';
import { CONFIG_PATH, loadRepoConfig } from './repo-config.js';

export const CONFIG_CHECK_NAME = 'listwarden config';

/**
 * `push` to the default branch that changes `.github/listwarden.yml`: the config is read
 * back as every later event will read it, and the verdict is a check run on the pushed
 * commit — so a maintainer learns at once, not at the next pull request, that a key is
 * misspelled. Other pushes cost no request.
 */
export async function onPush(context: Context<'push'>, settings: AppSettings): Promise<void> {
  const { payload } = context;
  const defaultBranch = payload.repository.default_branch ?? payload.repository.master_branch;
  if (payload.deleted || payload.ref !== `refs/heads/${defaultBranch}`) return;
  const touched = payload.commits.some((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])].includes(CONFIG_PATH));
  if (!touched) return;
  const repo: RepoRef = context.repo();
  const log = context.log.child({ repository: `${repo.owner}/${repo.repo}` });
  const loaded = await loadRepoConfig(context.octokit, repo);
  if (loaded.status === 'missing') {
    log.info(`${CONFIG_PATH} was removed: listwarden is back to dry runs here (nothing written)`);
    return;
  }
  const { port } = await installationPort(context.octokit, log, settings.port);
  const ok = loaded.status === 'ok';
  if (ok) log.info(`${loaded.source} is valid: listwarden reviews pull requests and reports here`);
  else log.error(`push ${payload.after.slice(0, 7)}: ${loaded.message}`);
  await port.createCheckRun(repo, {
    name: CONFIG_CHECK_NAME,
    head_sha: payload.after,
    status: 'completed',
    conclusion: ok ? 'success' : 'failure',
    output: ok
      ? { title: 'The listwarden configuration is valid', summary: `${loaded.source} is valid; listwarden uses it from now on.` }
      : { title: 'The listwarden configuration cannot be used', summary: `${loaded.message}\n\nUntil it is fixed, listwarden answers pull requests with a failing check that says so, and skips the scheduled report.` },
  });
}
