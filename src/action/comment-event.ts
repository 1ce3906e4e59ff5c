import * as core from '@actions/core';
import type { RepoRef } from '../github/port.js';
import { handleCommand, type CommandOutcome, type CommentEvent } from '../use-cases/handle-command.js';
import { commandRunners } from '../use-cases/command-runners.js';
import { serviceLinkPorts } from '../links/service-link-ports.js';
import { reportEvent, type ReportInputs } from './report-event.js';
import { logInfo } from './workflow-text.js';

interface IssueCommentPayload {
  action?: string;
  comment?: { id: number; body?: string | null; user?: { login: string; type?: string } | null };
  issue?: { number: number; pull_request?: unknown };
}

/** The same inputs as a scheduled run: commands run the report and the maintenance PR too. */
export type CommentInputs = ReportInputs;

/** The comment of an `issue_comment` payload, or undefined when it has none. */
export function commentEventOf(repo: RepoRef, payload: IssueCommentPayload): CommentEvent | undefined {
  const { comment, issue } = payload;
  if (!comment || !issue) return undefined;
  return {
    repo,
    action: payload.action ?? 'created',
    comment: { id: comment.id, body: comment.body ?? '', login: comment.user?.login ?? '', userType: comment.user?.type ?? 'User' },
    issue: { number: issue.number, isPull: issue.pull_request !== undefined && issue.pull_request !== null },
  };
}

/** The Action on `issue_comment`: `/listwarden …` commands, run with the same use cases as the other events. */
export async function commentEvent(inputs: CommentInputs, event: CommentEvent): Promise<CommandOutcome> {
  const { github, repo } = inputs;
  const runners = commandRunners({
    github,
    repo,
    config: inputs.config,
    files: inputs.files,
    checkLinks: inputs.checkLinks ? 'changed' : 'none',
    maintenance: inputs.maintenance,
    reviewLinks: () => serviceLinkPorts(inputs.config),
    scheduled: (maintenance) => reportEvent({ ...inputs, maintenance }),
  });
  const outcome = await handleCommand(
    github,
    event,
    runners,
    { now: Date.now, log: (line) => logInfo(`listwarden: ${line}`) },
  );
  logInfo(`listwarden: ${outcome.handled ? `/listwarden ${outcome.command ?? ''}: ${outcome.refused ? `refused (${outcome.refused})` : (outcome.reply ?? 'done').split('\n')[0]}` : `not a command for listwarden${outcome.reason ? ` (${outcome.reason})` : ''}`}`);
  if (outcome.failed && !outcome.refused) core.setFailed(`listwarden: /listwarden ${outcome.command ?? ''} failed — see the reply on the comment`);
  return outcome;
}
