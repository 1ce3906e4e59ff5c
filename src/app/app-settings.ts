import type { CheckLinks } from '../use-cases/review-pull-request.js';
import type { PortTuning } from './installation-port.js';
import type { AppMetrics } from './metrics.js';
import type { RuleRunner } from '../use-cases/check-lists.js';
import type { FixRunner } from '../use-cases/fix-job.js';

/**
 * How the app runs, the same for every repository it is installed on: from the
 * environment (see `appSettingsFromEnv`), or given by a test.
 */
export interface AppSettings {
  /** Globs of the list files to review and report (LISTWARDEN_FILES, comma-separated; default README.md). */
  files: string[];
  /** Links checked in pull-request reviews (LISTWARDEN_CHECK_LINKS: changed — the default —, all or none). */
  checkLinks: CheckLinks;
  /** Check links in scheduled reports (false when LISTWARDEN_CHECK_LINKS is none). */
  reportLinks: boolean;
  /** Open and update the maintenance pull request after a report (LISTWARDEN_MAINTENANCE_PR, default true). */
  maintenance: boolean;
  now: () => number;
  /** For the link checker: LISTWARDEN_ALLOW_PRIVATE, LISTWARDEN_WAYBACK_URL. */
  env: NodeJS.ProcessEnv;
  port: PortTuning;
  /** The server's metrics (link runs); none outside the server. */
  metrics?: AppMetrics;
  /** Where lists are parsed and checked: the server's worker pool; absent → on this thread (tests). */
  rules?: RuleRunner;
  /** Where the certain fixes are computed: the server's worker pool; absent → on this thread (tests). */
  fixes?: FixRunner;
}

export class SettingsError extends Error {}

export function appSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AppSettings {
  const files = (env.LISTWARDEN_FILES ?? 'README.md')
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (files.length === 0) throw new SettingsError('LISTWARDEN_FILES is empty — name the list files (globs), e.g. README.md,docs/*.md');
  const checkLinks = (env.LISTWARDEN_CHECK_LINKS || 'changed').toLowerCase();
  if (checkLinks !== 'changed' && checkLinks !== 'all' && checkLinks !== 'none') {
    throw new SettingsError(`LISTWARDEN_CHECK_LINKS is "${env.LISTWARDEN_CHECK_LINKS}" — expected changed, all or none`);
  }
  const maintenance = (env.LISTWARDEN_MAINTENANCE_PR || 'true').toLowerCase();
  if (maintenance !== 'true' && maintenance !== 'false') throw new SettingsError(`LISTWARDEN_MAINTENANCE_PR is "${env.LISTWARDEN_MAINTENANCE_PR}" — expected true or false`);
  return { files, checkLinks, reportLinks: checkLinks !== 'none', maintenance: maintenance === 'true', now: Date.now, env, port: {} };
}
