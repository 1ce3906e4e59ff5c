import type { ResolvedConfig } from '../core/config/resolved-config.js';
import { HostScheduler } from './host-scheduler.js';
import { UndiciProber } from './http/undici-prober.js';
import { GitHubRepoChecker } from './github/github-repo-checker.js';
import type { LinkState } from './link-state.js';
import { WaybackClient } from './wayback/wayback-client.js';
import { rotAwareProber } from './rot-prober-options.js';
import type { LinkPorts } from '../use-cases/check-lists.js';
import { linkOptions } from './link-options.js';
import { networkProbe } from './network-probe.js';

export interface ScheduledLinkExtras {
  state: LinkState;
  /** For the GitHub API (archived and renamed repositories). */
  token: string;
  apiUrl?: string;
  budgetMs: number;
}

/**
 * The link checker for one run of the Action or the app. A PR review keeps no state (only added links are
 * checked; its time budget and cap come from the config, see review-pull-request.ts); a
 * scheduled run adds the link state, the repository checks, archived copies for dead links
 * and a time budget. Both ask a probe of the network itself (LISTWARDEN_NETWORK_PROBE, or
 * well-known names) before calling a run's failures "network unavailable".
 */
export function serviceLinkPorts(config: ResolvedConfig, scheduled?: ScheduledLinkExtras, env: NodeJS.ProcessEnv = process.env): { ports: LinkPorts; close(): Promise<void> } {
  const options = linkOptions(config, { allowPrivate: env.LISTWARDEN_ALLOW_PRIVATE === 'true' });
  const prober = new UndiciProber(options, new HostScheduler(options));
  const ports: LinkPorts = { prober: rotAwareProber(prober, config, scheduled?.state), networkCheck: networkProbe(env) };
  if (scheduled) {
    ports.state = scheduled.state;
    ports.github = new GitHubRepoChecker({ token: scheduled.token, ...(scheduled.apiUrl ? { apiUrl: scheduled.apiUrl } : {}) });
    ports.wayback = new WaybackClient(env.LISTWARDEN_WAYBACK_URL ? { baseUrl: env.LISTWARDEN_WAYBACK_URL } : {});
    ports.budgetMs = scheduled.budgetMs;
  }
  return { ports, close: () => prober.close() };
}
