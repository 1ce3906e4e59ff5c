import type { ResolvedConfig } from '../core/config/resolved-config.js';
import { DEFAULT_STATE_POLICY, type StatePolicy } from '../links/link-state.js';
import type { GitHubPort } from '../github/port.js';
import { publishReport, type ReportOutcome, type ReportRequest } from './publish-report.js';
import { maintainList, type MaintenanceOutcome } from './maintain-list.js';

export interface ScheduledRunRequest extends ReportRequest {
  /** Open or update the maintenance pull request from the certain fixes (default true). */
  maintenance?: boolean;
}

export interface ScheduledRunOutcome {
  report: ReportOutcome;
  maintenance?: MaintenanceOutcome;
}

/** The link-state policy a config asks for (how many runs over how many days confirm a dead link). */
export function statePolicyFor(config: ResolvedConfig): StatePolicy {
  return { ...DEFAULT_STATE_POLICY, confirmRuns: config.report.confirmRuns, confirmSpanMs: config.report.confirmDays * 24 * 3600_000 };
}

/**
 * A scheduled run (the Action on `schedule` / `workflow_dispatch`, the app's scheduler,
 * `/listwarden recheck` and `/listwarden fix` on an issue): the link-rot report, then the
 * maintenance pull request from what the report's checks found — no second round of
 * requests. A run that found the report lease held does nothing more.
 */
export async function runScheduled(github: GitHubPort, request: ScheduledRunRequest): Promise<ScheduledRunOutcome> {
  const report = await publishReport(github, request);
  // With maintenance PRs turned off, a ticked "open a pull request" box still asks for one.
  if (report.action === 'skipped' || (request.maintenance === false && !report.fixRequested)) return { report };
  const maintenance = await maintainList(github, {
    repo: request.repo,
    config: request.config,
    defaultBranch: report.defaultBranch,
    baseSha: report.baseSha,
    files: report.files,
    findings: report.findings,
    ...(report.evidence ? { evidence: report.evidence } : {}),
    ignoredUrls: report.memory.ignoredUrls,
    ignoredRules: report.memory.ignoredRules,
    ...(request.botLogin ? { botLogin: request.botLogin } : {}),
    now: request.now,
    ...(request.serverUrl ? { serverUrl: request.serverUrl } : {}),
    ...(request.dryRun ? { dryRun: true } : {}),
    ...(request.log ? { log: request.log } : {}),
    ...(request.fixes ? { fixes: request.fixes } : {}),
  });
  return { report, maintenance };
}

/** One line for a log or a command reply. */
export function describeScheduled(outcome: ScheduledRunOutcome): string {
  const { report, maintenance } = outcome;
  const parts: string[] = [];
  if (report.action === 'skipped') return 'another listwarden run is working on the report right now — nothing done twice';
  parts.push(report.issue ? `report #${report.issue} ${report.action}` : report.action === 'none' ? 'nothing to report' : `report ${report.action}`);
  if (maintenance) {
    const pr = maintenance.pull ? `maintenance PR #${maintenance.pull} ${maintenance.action}` : `maintenance PR: ${maintenance.action}`;
    parts.push(maintenance.note ? `${pr} (${maintenance.note})` : pr);
  }
  return parts.join('; ');
}
