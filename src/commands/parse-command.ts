import { trimEndChars, trimStartChars } from '../core/text/trim.js';
/**
 * Reading a slash command from a comment. Only the first line counts, so a command quoted
 * or mentioned further down a comment (or in listwarden's own replies) never runs.
 */
export interface ParsedCommand {
  /** The verb, lower-cased (`recheck`, `fix`, …); `help` for a bare `/listwarden`. */
  verb: string;
  /** The first word after the verb, without wrapping backticks or angle brackets. */
  argument?: string;
}

/**
 * `/listwarden`, then the verb and its argument; `/listwardenx` is no command. At most
 * three spaces before it: four spaces or a tab make the line an indented code block, which
 * shows the command rather than giving it.
 */
const COMMAND = /^ {0,3}\/listwarden(?=\s|$)\s*(\S+)?\s*(\S+)?/i;

/** The command on the first line of a comment, or undefined when it holds none. */
export function parseCommand(body: string): ParsedCommand | undefined {
  const firstLine = body.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0] ?? '';
  const match = COMMAND.exec(firstLine);
  if (!match) return undefined;
  const verb = (match[1] ?? 'help').toLowerCase();
  const argument = match[2] === undefined ? undefined : unwrap(match[2]);
  return argument ? { verb, argument } : { verb };
}

/** `https://x` written as `` `https://x` `` or `<https://x>` is still `https://x`. */
function unwrap(word: string): string {
  return trimEndChars(trimStartChars(word, '`<'), '`>');
}

/** The command as a person would type it, for replies: `/listwarden ignore https://…`. */
export function commandText(command: ParsedCommand): string {
  return `/listwarden ${command.verb}${command.argument ? ` ${command.argument}` : ''}`;
}
