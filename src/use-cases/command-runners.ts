import type { ResolvedConfig } from '../core/config/resolved-config.js';
import type { GitHubPort, RepoRef } from '../github/port.js';
import { CommandError } from '../commands/command-error.js';
import type { LinkPorts, RuleRunner } from './check-lists.js';
import type { FixRunner } from './fix-job.js';
import { fixPullRequest } from './fix-pull-request.js';
import type { CommandRunners } from './handle-command.js';
import { reviewPullRequest, type CheckLinks } from './review-pull-request.js';
import { describeScheduled, type ScheduledRunOutcome } from './scheduled-run.js';

export interface RunnerDeps {
  github: GitHubPort;
  repo: RepoRef;
  config: ResolvedConfig;
  /** Globs of the list files. */
  files: string[];
  /** Which links a re-run review checks. */
  checkLinks: CheckLinks;
  /** Whether `/listwarden recheck` on an issue also updates the maintenance pull request. */
  maintenance: boolean;
  botLogin?: string;
  /** Runs the parse and the rules off this thread (the app's worker pool, with its deadline); absent → here. */
  rules?: RuleRunner;
  /** Computes `/listwarden fix`'s fixes off this thread (the app's worker pool, with its deadline); absent → here. */
  fixes?: FixRunner;
  /** A link checker for one review (closed after it), or undefined for none. */
  reviewLinks: () => { ports: LinkPorts; close(): Promise<void> } | undefined;
  /** The scheduled run (report, then maintenance PR when asked), with the caller's link state. */
  scheduled: (maintenance: boolean) => Promise<ScheduledRunOutcome>;
}

/**
 * What `/listwarden recheck` and `/listwarden fix` do, for the Action and the app alike:
 * on a pull request the review or the fix push; on an issue the scheduled run.
 */
export function commandRunners(deps: RunnerDeps): CommandRunners {
  const { github, repo, config, files } = deps;
  return {
    async recheckPull(pull) {
      const pr = await github.getPull(repo, pull);
      if (!pr) throw new CommandError(`pull request #${pull} was not found — check that it still exists`);
      const links = deps.checkLinks === 'none' ? undefined : deps.reviewLinks();
      try {
        const outcome = await reviewPullRequest(github, {
          repo,
          pull,
          baseSha: pr.baseSha,
          headSha: pr.headSha,
          files,
          config,
          failOn: 'error',
          checkLinks: deps.checkLinks,
          ...(links ? { links: links.ports } : {}),
          ...(deps.botLogin ? { botLogin: deps.botLogin } : {}),
          ...(deps.rules ? { rules: deps.rules } : {}),
        });
        return `${outcome.gating.length} problem(s) in the lines this pull request changes, ${outcome.existing.length} elsewhere`;
      } finally {
        await links?.close();
      }
    },
    recheckReport: async () => describeScheduled(await deps.scheduled(deps.maintenance)),
    fixMaintenance: async () => describeScheduled(await deps.scheduled(true)),
    fixPull: async (pull) => (await fixPullRequest(github, { repo, pull, files, config, ...(deps.botLogin ? { botLogin: deps.botLogin } : {}), ...(deps.rules ? { rules: deps.rules } : {}), ...(deps.fixes ? { fixes: deps.fixes } : {}) })).line,
  };
}
