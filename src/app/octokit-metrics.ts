import { ProbotOctokit } from 'probot';
import { observeResponses } from '../github/response-observer.js';
import type { AppMetrics } from './metrics.js';

/**
 * Probot's Octokit with each request counted in the metrics, under the installation it acts
 * for (`app` for requests signed as the app: listing installations, the app's own identity).
 * Covers what Probot's clients ask (configs, installation lists); the GitHubPort's own
 * client is observed through its `onResponse` option.
 */
export function withRequestMetrics(Octokit: typeof ProbotOctokit, metrics: AppMetrics): typeof ProbotOctokit {
  return Octokit.plugin((octokit, options) => {
    const id = (options.auth as { installationId?: number | string } | undefined)?.installationId;
    const installation = id !== undefined ? String(id) : 'app';
    observeResponses(octokit, (response) => metrics.githubResponse(installation, response));
    return {};
  }) as typeof ProbotOctokit;
}
