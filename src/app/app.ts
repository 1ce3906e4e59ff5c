import type { ApplicationFunction, Probot } from 'probot';
import { appSettingsFromEnv, type AppSettings } from './app-settings.js';
import { botLoginOf } from './bot-login.js';
import { InFlight } from './in-flight.js';
import { timedHandler } from './metrics.js';
import { onInstallation, onInstallationRepositories } from './on-installation.js';
import { onIssueComment } from './on-issue-comment.js';
import { onPullRequest, PULL_REQUEST_EVENTS } from './on-pull-request.js';
import { onPush } from './on-push.js';

/**
 * The listwarden GitHub App: webhooks wired to the use cases the Action runs, over the same
 * GitHubPort. It holds no logic of its own. The scheduled reports are started beside it
 * (`startScheduler`), by the server entry.
 */
export function listwardenApp(settings: AppSettings = appSettingsFromEnv(), inFlight: InFlight = new InFlight()): ApplicationFunction {
  return (app: Probot) => {
    const botLogin = botLoginOf(app);
    const { metrics } = settings;
    app.on([...PULL_REQUEST_EVENTS], inFlight.track(timedHandler(metrics, 'pull_request', (context) => onPullRequest(context, settings, botLogin))));
    app.on('issue_comment.created', inFlight.track(timedHandler(metrics, 'issue_comment', (context) => onIssueComment(context, settings, botLogin))));
    app.on('push', inFlight.track(timedHandler(metrics, 'push', (context) => onPush(context, settings))));
    app.on('installation', async (context) => onInstallation(context));
    app.on('installation_repositories', async (context) => onInstallationRepositories(context));
  };
}
