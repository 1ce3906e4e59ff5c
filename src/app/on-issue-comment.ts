import type { Context } from 'probot';
import { serviceLinkPorts } from '../links/service-link-ports.js';
import { observedLinks } from './metrics.js';
import { CommandError } from '../commands/command-error.js';
import { parseCommand } from '../commands/parse-command.js';
import type { RepoRef } from '../github/port.js';
import { handleCommand, type CommandRunners, type CommentEvent } from '../use-cases/handle-command.js';
import { commandRunners } from '../use-cases/command-runners.js';
import type { AppSettings } from './app-settings.js';
import { openRepo, type RepoSession } from './repo-session.js';
import { reportRun } from './report-run.js';

/** The comment of an `issue_comment` payload, as the command use case takes it. */
export function commentEventOf(repo: RepoRef, payload: Context<'issue_comment'>['payload']): CommentEvent {
  const { comment, issue } = payload;
  return {
    repo,
    action: payload.action,
    comment: { id: comment.id, body: comment.body ?? '', login: comment.user?.login ?? '', userType: comment.user?.type ?? 'User' },
    issue: { number: issue.number, isPull: issue.pull_request !== undefined && issue.pull_request !== null },
  };
}

/** The work behind recheck and fix, over one repository's session: the same use cases as the other events. */
function runnersFor(session: RepoSession, settings: AppSettings, botLogin: string): CommandRunners {
  return commandRunners({
    github: session.github,
    repo: session.repo,
    config: session.config,
    files: session.config.files ?? settings.files,
    checkLinks: settings.checkLinks,
    maintenance: settings.maintenance,
    botLogin,
    ...(settings.rules ? { rules: settings.rules } : {}),
    ...(settings.fixes ? { fixes: settings.fixes } : {}),
    reviewLinks: () => observedLinks(settings.metrics, 'review', serviceLinkPorts(session.config, undefined, settings.env)),
    scheduled: (maintenance) => reportRun(session, { files: session.config.files ?? settings.files, checkLinks: settings.reportLinks, maintenance, botLogin, now: settings.now, env: settings.env, metrics: settings.metrics, rules: settings.rules, fixes: settings.fixes }),
  });
}

/** Runners for a repository whose config cannot be used: each says what is wrong in it (help and explain still answer). */
function refusingRunners(message: string): CommandRunners {
  const refuse = async (): Promise<string> => {
    throw new CommandError(message);
  };
  return { recheckPull: refuse, recheckReport: refuse, fixMaintenance: refuse, fixPull: refuse };
}

/**
 * `issue_comment` created: `/listwarden …` commands through the command use case. Comments
 * whose first line is no command, and comments by bots, cost no request at all.
 */
export async function onIssueComment(context: Context<'issue_comment'>, settings: AppSettings, botLogin: () => Promise<string>): Promise<void> {
  const repo: RepoRef = context.repo();
  const event = commentEventOf(repo, context.payload);
  if (!parseCommand(event.comment.body) || event.comment.userType === 'Bot') return;
  const opened = await openRepo(context.octokit, context.log, repo, settings.port);
  const login = await botLogin();
  if (opened.status === 'invalid') opened.log.error(`comment ${event.comment.id} on #${event.issue.number}: ${opened.message}`);
  const github = opened.status === 'ok' ? opened.session.github : opened.github;
  const log = opened.status === 'ok' ? opened.session.log : opened.log;
  const runners = opened.status === 'ok' ? runnersFor(opened.session, settings, login) : refusingRunners(opened.message);
  const dryRun = opened.status === 'ok' && opened.session.dryRun;
  const outcome = await handleCommand(github, event, runners, { botLogin: login, now: settings.now, ...(dryRun ? { dryRun } : {}), log: (line) => log.info(line) });
  const what = outcome.command ? `/listwarden ${outcome.command}` : 'comment';
  log.info(
    `${what} by ${event.comment.login} on #${event.issue.number}: ` +
      (outcome.handled ? (outcome.refused ? `refused (${outcome.reason ?? outcome.refused})` : outcome.failed ? `failed (${outcome.reason ?? 'see the reply'})` : 'done') : `ignored (${outcome.reason ?? 'no command'})`),
  );
}
