import type { Logger, Probot, ProbotOctokit } from 'probot';
import type { RepoRef } from '../github/port.js';
import { describeScheduled } from '../use-cases/scheduled-run.js';
import type { AppSettings } from './app-settings.js';
import { botLoginOf } from './bot-login.js';
import { isDue, lastReportRun } from './report-due.js';
import { reportRun } from './report-run.js';
import { openRepo } from './repo-session.js';

/**
 * The scheduled link-rot reports, in process: every `intervalMs` (LISTWARDEN_SCHEDULE_INTERVAL_MS,
 * default hourly) a round walks the app's installations and their repositories and runs the
 * report (then the maintenance pull request) where it is due — `report.intervalDays` (default
 * 7) after the last run its report issue remembers.
 *
 * Safe on several replicas: the report runs under a lease (a git ref), so two replicas never
 * write it at once, and its writes find their earlier selves; a report updated inside the
 * interval is skipped. Repositories with nothing to report keep no issue, so each replica
 * also remembers, in memory, when it last ran each repository. Rounds never overlap.
 */
export interface SchedulerOptions {
  intervalMs: number;
  /** Delay before the first round (default 30 s, or the interval when shorter: a restart does not wait a whole interval). */
  firstRoundMs?: number;
}

export interface RoundSummary {
  repositories: number;
  ran: number;
  skipped: number;
  failed: number;
  /** The round stopped early because the scheduler is stopping. */
  interrupted: boolean;
}

export interface Scheduler {
  /** One round now (or the one under way); for tests and operators. */
  runRound(): Promise<RoundSummary>;
  /** No new round or repository; waits up to `timeoutMs` for the current one to finish. True when it did. */
  stop(timeoutMs: number): Promise<boolean>;
}

export const DEFAULT_INTERVAL_MS = 3600_000;

interface Installation {
  id: number;
  account: string;
  suspended: boolean;
}

export function startScheduler(app: Probot, settings: AppSettings, options: SchedulerOptions): Scheduler {
  const log = app.log.child({ name: 'listwarden-scheduler' });
  const botLogin = botLoginOf(app);
  /** When this process last ran each repository's report (to its end). */
  const lastRunHere = new Map<string, number>();
  let current: Promise<RoundSummary> | undefined;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;

  const schedule = (delay: number) => {
    if (stopping) return;
    timer = setTimeout(() => {
      void runRound().finally(() => schedule(options.intervalMs));
    }, delay);
    timer.unref();
  };

  async function installations(): Promise<Installation[]> {
    const octokit = await app.auth();
    const all = await octokit.paginate(octokit.rest.apps.listInstallations, { per_page: 100 });
    return all.map((i) => ({
      id: i.id,
      account: accountName(i.account, i.id),
      suspended: Boolean(i.suspended_at),
    }));
  }

  async function repositories(octokit: ProbotOctokit): Promise<(RepoRef & { skip?: string })[]> {
    const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
    return repos.map((r) => ({
      owner: r.owner.login,
      repo: r.name,
      ...(r.archived ? { skip: 'archived' } : r.disabled ? { skip: 'disabled' } : {}),
    }));
  }

  /** The report in one repository when it is due: 'ran' or 'skipped'. */
  async function visit(octokit: ProbotOctokit, repo: RepoRef, repoLog: Logger): Promise<'ran' | 'skipped'> {
    const key = `${repo.owner}/${repo.repo}`.toLowerCase();
    // Run here less than a day ago (the shortest interval there is): not due, and no request to tell.
    const here = lastRunHere.get(key);
    if (here !== undefined && !isDue(here, 1, settings.now())) return 'skipped';
    const opened = await openRepo(octokit, repoLog, repo, settings.port);
    if (opened.status === 'invalid') {
      opened.log.warn(`scheduled report skipped: ${opened.message}`);
      return 'skipped';
    }
    const { session } = opened;
    const now = settings.now();
    const login = await botLogin();
    const intervalDays = session.config.report.intervalDays;
    if (!isDue(here, intervalDays, now)) return 'skipped';
    const remembered = await lastReportRun(session.github, repo, login);
    if (!isDue(remembered, intervalDays, now)) {
      session.log.debug(`report not due: last run ${new Date(remembered!).toISOString().slice(0, 10)}, every ${intervalDays} day(s)`);
      return 'skipped';
    }
    session.log.info(`report due (every ${intervalDays} day(s))${session.dryRun ? ' — dry run' : ''}: running it`);
    const outcome = await reportRun(session, { files: session.config.files ?? settings.files, checkLinks: settings.reportLinks, maintenance: settings.maintenance, botLogin: login, now: settings.now, env: settings.env, metrics: settings.metrics, rules: settings.rules, fixes: settings.fixes });
    // A run that failed is not recorded: the next round tries again.
    lastRunHere.set(key, now);
    session.log.info(`scheduled report: ${describeScheduled(outcome)}`);
    return outcome.report.action === 'skipped' ? 'skipped' : 'ran';
  }

  async function round(): Promise<RoundSummary> {
    const summary: RoundSummary = { repositories: 0, ran: 0, skipped: 0, failed: 0, interrupted: false };
    for (const installation of await installations()) {
      if (stopping) break;
      if (installation.suspended) {
        log.info(`installation ${installation.id} (${installation.account}) is suspended: skipped`);
        continue;
      }
      let octokit: ProbotOctokit;
      let repos: (RepoRef & { skip?: string })[];
      try {
        octokit = await app.auth(installation.id);
        repos = await repositories(octokit);
      } catch (error) {
        summary.failed += 1;
        log.error({ err: error, installation: installation.id }, `installation ${installation.id} (${installation.account}): cannot list its repositories — skipped this round`);
        continue;
      }
      for (const repo of repos) {
        if (stopping) break;
        summary.repositories += 1;
        const repoLog = log.child({ installation: installation.id });
        if (repo.skip) {
          summary.skipped += 1;
          continue;
        }
        try {
          summary[await visit(octokit, repo, repoLog)] += 1;
        } catch (error) {
          summary.failed += 1;
          repoLog.error({ err: error, repository: `${repo.owner}/${repo.repo}` }, `scheduled report failed in ${repo.owner}/${repo.repo}: ${error instanceof Error ? error.message : String(error)} — retried at a later round`);
        }
      }
    }
    summary.interrupted = stopping;
    log.info(summary, `scheduler round: ${summary.ran} report(s) run, ${summary.skipped} skipped, ${summary.failed} failed, of ${summary.repositories} repositor${summary.repositories === 1 ? 'y' : 'ies'}`);
    return summary;
  }

  function runRound(): Promise<RoundSummary> {
    current ??= round()
      .catch((error: unknown): RoundSummary => {
        log.error({ err: error }, `scheduler round failed: ${error instanceof Error ? error.message : String(error)} — the next round tries again`);
        return { repositories: 0, ran: 0, skipped: 0, failed: 1, interrupted: stopping };
      })
      .finally(() => {
        current = undefined;
      });
    return current;
  }

  schedule(options.firstRoundMs ?? Math.min(30_000, options.intervalMs));

  return {
    runRound,
    async stop(timeoutMs) {
      stopping = true;
      if (timer) clearTimeout(timer);
      const running = current;
      if (!running) return true;
      log.info(`stopping: waiting up to ${Math.round(timeoutMs / 1000)} s for the current report to finish`);
      let bound: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        running.then(() => true),
        new Promise<boolean>((resolve) => {
          bound = setTimeout(() => resolve(false), timeoutMs);
        }),
      ]);
      clearTimeout(bound);
      if (!finished) log.warn(`stopping: the current report did not finish within ${Math.round(timeoutMs / 1000)} s — its lease expires by itself, and the next start runs it again`);
      return finished;
    },
  };
}

/** A user's login or an enterprise's name. */
function accountName(account: unknown, id: number): string {
  const a = account as { login?: string; name?: string } | null | undefined;
  return a?.login ?? a?.name ?? String(id);
}
