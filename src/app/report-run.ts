import { serviceLinkPorts } from '../links/service-link-ports.js';
import type { RuleRunner } from '../use-cases/check-lists.js';
import type { FixRunner } from '../use-cases/fix-job.js';
import { runScheduled, statePolicyFor, type ScheduledRunOutcome } from '../use-cases/scheduled-run.js';
import { observedLinks, type AppMetrics } from './metrics.js';
import type { RepoSession } from './repo-session.js';
import { STATE_BRANCH, stateBranchStore } from './state-branch.js';

export interface ReportRunOptions {
  /** Globs of the list files. */
  files: string[];
  /** Check the links (default true); false: static findings only. */
  checkLinks: boolean;
  /** Open or update the maintenance pull request too. */
  maintenance: boolean;
  botLogin: string;
  now: () => number;
  /** For the link checker (LISTWARDEN_ALLOW_PRIVATE, LISTWARDEN_WAYBACK_URL). */
  env: NodeJS.ProcessEnv;
  /** The server's metrics: the link run is timed and its verdicts counted. */
  metrics?: AppMetrics | undefined;
  /** The app's worker pool: the lists are parsed and checked there, never on the event loop. */
  rules?: RuleRunner | undefined;
  /** The app's worker pool: the maintenance pull request's fixes are computed there. */
  fixes?: FixRunner | undefined;
}

/**
 * The app's scheduled run in one repository (the scheduler, `/listwarden recheck` and
 * `/listwarden fix` on an issue): the report and the maintenance pull request, exactly as
 * the Action runs them, with the link state loaded from and saved to the repository's
 * `listwarden/state` branch — saved even when the run fails half-way.
 */
export async function reportRun(session: RepoSession, options: ReportRunOptions): Promise<ScheduledRunOutcome> {
  const { github, repo, config, log } = session;
  const store = stateBranchStore(github, repo, { info: (m) => log.info(m), warn: (m) => log.warn(m) });
  const state = options.checkLinks ? await store.load(statePolicyFor(config)) : undefined;
  const links = state
    ? observedLinks(options.metrics, 'report', serviceLinkPorts(config, { state, token: session.token, apiUrl: session.baseUrl, budgetMs: config.report.budgetMinutes * 60_000 }, options.env))
    : undefined;
  const finished = options.metrics?.jobStarted('report');
  try {
    return await runScheduled(github, {
      repo,
      files: options.files,
      config,
      ...(links ? { links: links.ports } : {}),
      now: options.now,
      maintenance: options.maintenance,
      botLogin: options.botLogin,
      ...(options.rules ? { rules: options.rules } : {}),
      ...(options.fixes ? { fixes: options.fixes } : {}),
      ...(session.dryRun ? { dryRun: true } : {}),
      log: (line) => log.info(line),
    });
  } finally {
    await links?.close();
    if (state) {
      await store.save(state).catch((error: unknown) => {
        log.warn(`could not save the link state to the ${STATE_BRANCH} branch (${error instanceof Error ? error.message : String(error)}) — the next run starts from the state saved before`);
      });
    }
    finished?.();
  }
}
