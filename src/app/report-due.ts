import type { GitHubPort, RepoRef } from '../github/port.js';
import { REPORT_LABEL, REPORT_MARKER } from '../report/identity.js';
import { readMemory } from '../report/report-memory.js';

const DAY_MS = 24 * 3600_000;

/**
 * When the report of a repository last ran, as its report issue remembers (the newest run
 * in the memory block of listwarden's report issues, open or closed), or undefined when
 * there is no report issue yet. Runs are recorded by UTC day.
 */
export async function lastReportRun(github: GitHubPort, repo: RepoRef, botLogin: string): Promise<number | undefined> {
  const issues = await github.listIssuesWithLabel(repo, REPORT_LABEL, 'all');
  let last: number | undefined;
  for (const issue of issues) {
    if (!issue.body.startsWith(REPORT_MARKER) || issue.login.toLowerCase() !== botLogin.toLowerCase()) continue;
    for (const run of readMemory(issue.body).runs) {
      const at = Date.parse(run.at);
      if (!Number.isNaN(at) && (last === undefined || at > last)) last = at;
    }
  }
  return last;
}

/** Whether a report that last ran at `last` is due again after `intervalDays`. */
export function isDue(last: number | undefined, intervalDays: number, now: number): boolean {
  return last === undefined || now - last >= intervalDays * DAY_MS;
}
