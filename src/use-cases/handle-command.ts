import { CommandError } from '../commands/command-error.js';
import { explainText } from '../commands/explain-text.js';
import { helpText, unknownCommandText } from '../commands/help-text.js';
import { addIgnore, badIgnoreText, ignoredText, ignoreTarget, noReportText, type IgnoreTarget } from '../commands/ignore-target.js';
import { commandText, parseCommand, type ParsedCommand } from '../commands/parse-command.js';
import { mayRun, NEEDS_WRITE_ACCESS } from '../commands/permissions.js';
import { isReplyTo, replyBody } from '../commands/reply-marker.js';
import { cannotText, doneText, failedText, refusalText, tokenRefusedText } from '../commands/reply-texts.js';
import { GitHubPermissionError, type GitHubPort, type ReactionContent, type RepoPermission, type RepoRef } from '../github/port.js';
import { REPORT_LABEL, REPORT_MARKER } from '../report/identity.js';
import { readMemory, withMemory } from '../report/report-memory.js';
import { withLease } from './lease.js';

/** An `issue_comment` event, reduced to what a command needs. */
export interface CommentEvent {
  repo: RepoRef;
  /** 'created' | 'edited' | 'deleted'; only new comments run commands. */
  action: string;
  /** `userType` is GitHub's user type: 'Bot' | 'User' | 'Organization'. */
  comment: { id: number; body: string; login: string; userType: string };
  issue: { number: number; isPull: boolean };
}

/** The work behind the commands that change things; each returns one line for the reply. */
export interface CommandRunners {
  /** Re-run the PR review; returns one line for the reply. */
  recheckPull(pull: number): Promise<string>;
  /** Re-run the scheduled report; returns one line. */
  recheckReport(): Promise<string>;
  /** Open or update the maintenance PR; returns one line. */
  fixMaintenance(): Promise<string>;
  /** Push the certain fixes to the PR branch, or post suggestions; returns one line. */
  fixPull(pull: number): Promise<string>;
}

/**
 * What became of a comment. `handled` false: no command for listwarden (no request was
 * made). `command` is the verb. `failed` is set when the command was refused or went wrong.
 */
export interface CommandOutcome {
  command?: string;
  handled: boolean;
  refused?: 'permission';
  reply?: string;
  reason?: string;
  failed?: boolean;
}

export interface HandleCommandOptions {
  /** The login the token writes as; asked of GitHub when absent. */
  botLogin?: string;
  now: () => number;
  /** Read, decide and log, but write nothing (no reactions, replies, runs or memory changes). */
  dryRun?: boolean;
  log?: (line: string) => void;
}

const DEFAULT_BOT = 'github-actions[bot]';

function isBot(comment: CommentEvent['comment']): boolean {
  return comment.userType === 'Bot' || /\[bot\]$/i.test(comment.login);
}

function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Answers a `/listwarden …` comment on an issue or a pull request. For a command that
 * changes things, the commenter's permission is read from the collaborator-permission API
 * first: without write access the comment gets one refusal and 😕, and nothing else (no
 * lease, no 👀). Otherwise (and for help and explain, open to everyone): 👀 when seen, the
 * command run, one reply (tied to the comment by a hidden marker, so repeated deliveries
 * answer once), and 🚀 when done or 😕 when it failed. Concurrent deliveries of the same
 * comment are serialized by a lease; the one that does not get it does nothing.
 *
 * Ignored without a single request: comments that are not new, whose first line is no
 * command, or written by a bot (listwarden included).
 */
export async function handleCommand(github: GitHubPort, event: CommentEvent, runners: CommandRunners, options: HandleCommandOptions): Promise<CommandOutcome> {
  const log = options.log ?? (() => undefined);
  if (event.action !== 'created') return { handled: false, reason: `comment ${event.action}: only new comments run commands` };
  const parsed = parseCommand(event.comment.body);
  if (!parsed) return { handled: false, reason: 'the first line of the comment is no /listwarden command' };
  if (isBot(event.comment) || (options.botLogin !== undefined && sameLogin(event.comment.login, options.botLogin))) {
    return { command: parsed.verb, handled: false, reason: `comment by the bot ${event.comment.login}: bots do not run commands` };
  }
  const botLogin = options.botLogin ?? (await github.viewerLogin()) ?? DEFAULT_BOT;
  if (sameLogin(event.comment.login, botLogin)) {
    return { command: parsed.verb, handled: false, reason: `comment by listwarden itself (${botLogin})` };
  }

  const session = new CommandSession(github, event, runners, parsed, botLogin, options, log);
  if (NEEDS_WRITE_ACCESS.has(parsed.verb)) {
    // The permission comes first: a reader's command makes no lease, reaction or reply before
    // it, and its refusal needs no lease (nothing is done; the reply marker answers once).
    const permission = await github.getPermission(event.repo, event.comment.login);
    if (!mayRun(permission)) return session.refuse(permission);
  }
  if (options.dryRun) return session.answer();

  const { repo } = event;
  const baseSha = await github.getBranchSha(repo, await github.getDefaultBranch(repo));
  if (baseSha === undefined) {
    log('the default branch has no commit to hang a lease on; answering without one');
    return session.answer();
  }
  let started = false;
  try {
    const leased = await withLease(github, repo, `command-${event.comment.id}`, { now: options.now, baseSha }, () => {
      started = true;
      return session.answer();
    });
    if (leased.ran) return leased.value;
    log(`comment ${event.comment.id} is being answered by another delivery; nothing to do`);
    return { command: parsed.verb, handled: true, reason: 'another delivery of this comment is answering it' };
  } catch (error) {
    // A token without `contents: write` cannot take the lease; the reply marker still keeps
    // repeated deliveries from answering twice.
    if (started || !(error instanceof GitHubPermissionError)) throw error;
    log(`cannot take the lease (${error.message}); answering without it`);
    return session.answer();
  }
}

interface Answer {
  text: string;
  ok: boolean;
  reason?: string;
}

/** One comment's handling, once it is known to be a command from a person. */
class CommandSession {
  private readonly repo: RepoRef;
  private readonly command: string;

  constructor(
    private readonly github: GitHubPort,
    private readonly event: CommentEvent,
    private readonly runners: CommandRunners,
    private readonly parsed: ParsedCommand,
    private readonly botLogin: string,
    private readonly options: HandleCommandOptions,
    private readonly log: (line: string) => void,
  ) {
    this.repo = event.repo;
    this.command = commandText(parsed);
  }

  /**
   * Whether listwarden answered this comment already: a reply carrying the comment's marker,
   * written by listwarden's own login. Anyone can paste the marker into a comment; only the
   * bot's own replies count.
   */
  private async answered(): Promise<boolean> {
    const { event } = this;
    const comments = await this.github.listIssueComments(this.repo, event.issue.number);
    if (!comments.some((c) => sameLogin(c.login, this.botLogin) && isReplyTo(c.body, event.comment.id))) return false;
    this.log(`comment ${event.comment.id} was answered already; nothing to do`);
    return true;
  }

  /** The answer to a person without write access who asked for a command that changes things. */
  async refuse(permission: RepoPermission): Promise<CommandOutcome> {
    const { event, parsed } = this;
    if (await this.answered()) return { command: parsed.verb, handled: true, reason: 'already answered' };
    const reply = refusalText(event.comment.login, this.command);
    await this.reply(reply);
    await this.react('confused');
    return { command: parsed.verb, handled: true, refused: 'permission', reply, reason: `${event.comment.login} has ${permission} access`, failed: true };
  }

  /** Runs the command (its permission checked) and answers. */
  async answer(): Promise<CommandOutcome> {
    const verb = this.parsed.verb;
    if (await this.answered()) return { command: verb, handled: true, reason: 'already answered' };
    await this.react('eyes');

    const answer = await this.perform();
    await this.reply(answer.text);
    await this.react(answer.ok ? 'rocket' : 'confused');
    return { command: verb, handled: true, reply: answer.text, ...(answer.reason ? { reason: answer.reason } : {}), ...(answer.ok ? {} : { failed: true }) };
  }

  private async perform(): Promise<Answer> {
    const { verb, argument } = this.parsed;
    const login = this.event.comment.login;
    const { isPull, number } = this.event.issue;
    try {
      switch (verb) {
        case 'help':
          return { text: helpText(), ok: true };
        case 'explain': {
          const explained = explainText(argument);
          return { text: explained.text, ok: explained.known, ...(explained.known ? {} : { reason: 'unknown rule' }) };
        }
        case 'recheck':
          return await this.run(isPull ? `review #${number} again` : 'run the link-rot report again', () => (isPull ? this.runners.recheckPull(number) : this.runners.recheckReport()));
        case 'fix':
          return await this.run(isPull ? `fix #${number}` : 'open or update the maintenance pull request', () => (isPull ? this.runners.fixPull(number) : this.runners.fixMaintenance()));
        case 'ignore': {
          const target = ignoreTarget(argument);
          if (!target) return { text: badIgnoreText(argument), ok: false, reason: 'neither a URL nor a rule id' };
          return { text: await this.recordIgnore(target), ok: true };
        }
        default:
          return { text: unknownCommandText(verb), ok: false, reason: 'unknown command' };
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log(`${this.command} failed: ${message}`);
      if (error instanceof GitHubPermissionError) return { text: tokenRefusedText(login, this.command, message), ok: false, reason: `token refused: ${message}` };
      if (error instanceof CommandError) return { text: cannotText(login, this.command, message), ok: false, reason: message };
      return { text: failedText(login, this.command, message), ok: false, reason: `failed: ${message}` };
    }
  }

  private async run(what: string, work: () => Promise<string>): Promise<Answer> {
    const login = this.event.comment.login;
    if (this.options.dryRun) {
      this.log(`dry run: would ${what}`);
      return { text: doneText(login, this.command, `(dry run) would ${what}.`), ok: true };
    }
    return { text: doneText(login, this.command, await work()), ok: true };
  }

  /**
   * Records the target in the report issue's memory: the open report issues (normally one),
   * else the newest closed one, which the report reopens when rot returns.
   */
  private async recordIgnore(target: IgnoreTarget): Promise<string> {
    const reports = (await this.github.listIssuesWithLabel(this.repo, REPORT_LABEL, 'all')).filter(
      (issue) => issue.body.startsWith(REPORT_MARKER) && sameLogin(issue.login, this.botLogin),
    );
    const open = reports.filter((issue) => issue.state === 'open');
    const chosen = open.length > 0 ? open : reports.slice(0, 1);
    if (chosen.length === 0) return noReportText(target);
    let added = false;
    for (const issue of chosen) {
      const change = addIgnore(readMemory(issue.body), target);
      if (!change.added) continue;
      added = true;
      if (this.options.dryRun) this.log(`dry run: would record the ignore in #${issue.number}`);
      else await this.github.updateIssue(this.repo, issue.number, { body: withMemory(issue.body, change.memory) });
    }
    return ignoredText(target, chosen[0]!.number, added);
  }

  private async reply(text: string): Promise<void> {
    if (this.options.dryRun) {
      this.log(`dry run: would reply on #${this.event.issue.number}: ${text.split('\n')[0]}`);
      return;
    }
    await this.github.createIssueComment(this.repo, this.event.issue.number, replyBody(text, this.event.comment.id));
  }

  /** Reactions are a courtesy: one GitHub refuses does not stop the command. */
  private async react(content: ReactionContent): Promise<void> {
    if (this.options.dryRun) {
      this.log(`dry run: would react ${content} on comment ${this.event.comment.id}`);
      return;
    }
    try {
      await this.github.addReaction(this.repo, this.event.comment.id, content);
    } catch (error) {
      if (!(error instanceof GitHubPermissionError)) throw error;
      this.log(`could not react ${content}: ${error.message}`);
    }
  }
}
