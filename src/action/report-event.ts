import * as core from '@actions/core';
import type { ResolvedConfig } from '../core/config/resolved-config.js';
import type { GitHubPort, RepoRef } from '../github/port.js';
import { describeScheduled, runScheduled, statePolicyFor, type ScheduledRunOutcome } from '../use-cases/scheduled-run.js';
import { serviceLinkPorts } from '../links/service-link-ports.js';
import { actionsLinkStateStore } from './link-state-store.js';
import { logInfo } from './workflow-text.js';

export interface ReportInputs {
  github: GitHubPort;
  repo: RepoRef;
  token: string;
  files: string[];
  config: ResolvedConfig;
  checkLinks: boolean;
  maintenance: boolean;
}

/**
 * The Action on `schedule` / `workflow_dispatch` (and `/listwarden recheck|fix` on an
 * issue): the link-rot report and the maintenance pull request, with the link state
 * restored from and saved to the Actions cache — saved even when the run fails half-way.
 */
export async function reportEvent(inputs: ReportInputs): Promise<ScheduledRunOutcome> {
  const store = actionsLinkStateStore();
  const state = inputs.checkLinks ? await store.load(statePolicyFor(inputs.config)) : undefined;
  const links = state
    ? serviceLinkPorts(inputs.config, {
        state,
        token: inputs.token,
        ...(process.env.GITHUB_API_URL ? { apiUrl: process.env.GITHUB_API_URL } : {}),
        budgetMs: inputs.config.report.budgetMinutes * 60_000,
      })
    : undefined;
  try {
    const outcome = await runScheduled(inputs.github, {
      repo: inputs.repo,
      files: inputs.files,
      config: inputs.config,
      ...(links ? { links: links.ports } : {}),
      now: Date.now,
      ...(process.env.GITHUB_SERVER_URL ? { serverUrl: process.env.GITHUB_SERVER_URL } : {}),
      maintenance: inputs.maintenance,
      log: (line) => logInfo(`listwarden: ${line}`),
    });
    logInfo(`listwarden: ${describeScheduled(outcome)}`);
    if (outcome.report.issue) core.setOutput('report-issue', outcome.report.issue);
    if (outcome.maintenance?.pull) core.setOutput('maintenance-pr', outcome.maintenance.pull);
    return outcome;
  } finally {
    await links?.close();
    if (state) await store.save(state);
  }
}
