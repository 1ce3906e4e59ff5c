import type { Context } from 'probot';
import { serviceLinkPorts } from '../links/service-link-ports.js';
import type { GitHubPort, RepoRef } from '../github/port.js';
import { CHECK_NAME, reviewPullRequest } from '../use-cases/review-pull-request.js';
import type { AppSettings } from './app-settings.js';
import { observedLinks } from './metrics.js';
import { openRepo } from './repo-session.js';

export const PULL_REQUEST_EVENTS = ['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened'] as const;

/**
 * `pull_request` opened, synchronize, reopened: the same review the Action does — one check
 * run, suggestions, one sticky summary comment — over the installation's token. A config
 * that cannot be used gets a failing check run that says what is wrong in it.
 */
export async function onPullRequest(context: Context<'pull_request'>, settings: AppSettings, botLogin: () => Promise<string>): Promise<void> {
  const repo: RepoRef = context.repo();
  const pr = context.payload.pull_request;
  const opened = await openRepo(context.octokit, context.log, repo, settings.port);
  if (opened.status === 'invalid') {
    opened.log.error(`pull request #${pr.number}: ${opened.message}`);
    await configCheckRun(opened.github, repo, pr.head.sha, opened.message);
    return;
  }
  const { session } = opened;
  const links = settings.checkLinks === 'none' ? undefined : observedLinks(settings.metrics, 'review', serviceLinkPorts(session.config, undefined, settings.env));
  try {
    const outcome = await reviewPullRequest(session.github, {
      repo,
      pull: pr.number,
      baseSha: pr.base.sha,
      headSha: pr.head.sha,
      files: session.config.files ?? settings.files,
      config: session.config,
      failOn: 'error',
      checkLinks: settings.checkLinks,
      ...(links ? { links: links.ports } : {}),
      botLogin: await botLogin(),
      ...(settings.rules ? { rules: settings.rules } : {}),
    });
    session.log.info(
      `pull request #${pr.number}: ${outcome.gating.length} problem(s) in the changed lines, ${outcome.existing.length} elsewhere (not gating), ${outcome.conclusion}` +
        (session.dryRun ? ' (dry run: nothing written)' : `; check run ${outcome.wrote.checkRun ?? '—'}, ${outcome.wrote.suggestions} new suggestion(s), summary comment ${outcome.wrote.summary}`),
    );
    for (const note of outcome.notes) session.log.info(`pull request #${pr.number}: ${note}`);
  } finally {
    await links?.close();
  }
}

/** A failing check run whose summary says what is wrong in the config, so the PR author and the maintainers see it. */
async function configCheckRun(github: GitHubPort, repo: RepoRef, headSha: string, message: string): Promise<void> {
  await github.createCheckRun(repo, {
    name: CHECK_NAME,
    head_sha: headSha,
    status: 'completed',
    conclusion: 'failure',
    output: {
      title: 'The listwarden configuration cannot be used',
      summary: `${message}\n\nlistwarden reads \`.github/listwarden.yml\` from the default branch (or from the owner's \`.github\` repository); this pull request is reviewed once the file there is valid. The settings are described in listwarden's README.`,
    },
  });
}
