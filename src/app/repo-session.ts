import type { Logger, ProbotOctokit } from 'probot';
import { resolveConfig, type ResolvedConfig } from '../core/config/resolved-config.js';
import type { GitHubPort, RepoRef } from '../github/port.js';
import { dryRunPort } from './dry-run-port.js';
import { installationPort, type PortTuning } from './installation-port.js';
import { loadRepoConfig } from './repo-config.js';

/**
 * What one piece of work in one repository needs: its config, and a port that writes —
 * or, when the repository has no `.github/listwarden.yml`, a dry-run port that only logs
 * the writes it would make.
 */
export interface RepoSession {
  repo: RepoRef;
  config: ResolvedConfig;
  /** No config file: read, decide and log, write nothing. */
  dryRun: boolean;
  github: GitHubPort;
  /** The installation token, for the link checker's GitHub API checks. Never logged. */
  token: string;
  baseUrl: string;
  log: Logger;
}

export type OpenedRepo = { status: 'ok'; session: RepoSession } | { status: 'invalid'; message: string; github: GitHubPort; log: Logger };

export async function openRepo(octokit: ProbotOctokit, log: Logger, repo: RepoRef, tuning: PortTuning = {}): Promise<OpenedRepo> {
  const repoLog = log.child({ repository: `${repo.owner}/${repo.repo}` });
  const loaded = await loadRepoConfig(octokit, repo);
  const { port, token, baseUrl } = await installationPort(octokit, repoLog, tuning);
  if (loaded.status === 'invalid') return { status: 'invalid', message: loaded.message, github: port, log: repoLog };
  const dryRun = loaded.status === 'missing';
  if (dryRun) repoLog.info('no .github/listwarden.yml (nor one in the owner\'s .github repository): dry run with the default settings — nothing is written');
  return {
    status: 'ok',
    session: {
      repo,
      config: loaded.status === 'ok' ? loaded.config : resolveConfig(),
      dryRun,
      github: dryRun ? dryRunPort(port, repoLog) : port,
      token,
      baseUrl,
      log: repoLog,
    },
  };
}
