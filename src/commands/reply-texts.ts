import { codeSpan, markdownText } from '../core/format/markdown-text.js';

/** Replies that say how a command went: "what happened — what to do". */

/** The commenter's command as they wrote it, in a code span it cannot leave (backticks stripped). */
export function echoed(command: string): string {
  return codeSpan(command.replace(/`/g, ''), 200);
}

/** A person without write access asked for a command that changes things. */
export function refusalText(login: string, command: string): string {
  return `@${login}, only people with write access can run ${echoed(command)} — ask a maintainer.`;
}

/** The command's own one-line result. */
export function doneText(login: string, command: string, line: string): string {
  return `@${login}, ${echoed(command)}: ${line}`;
}

/** GitHub refused a write the command needed (a read-only or under-scoped token). */
export function tokenRefusedText(login: string, command: string, detail: string): string {
  return (
    `@${login}, ${echoed(command)} could not finish: ${markdownText(detail, 1000)}. The token may not write here — ` +
    'give the workflow `contents: write` / `pull-requests: write` (and `issues: write`) under `permissions:`, ' +
    'or run listwarden with a GitHub App token or a PAT that may.'
  );
}

/** The command failed for a reason the commenter can act on (a `CommandError`). */
export function cannotText(login: string, command: string, message: string): string {
  return `@${login}, ${echoed(command)} could not be done: ${message}`;
}

/** Anything else went wrong. */
export function failedText(login: string, command: string, message: string): string {
  return `@${login}, ${echoed(command)} failed: ${markdownText(message, 1000)} — the log of the listwarden run that handled this comment has the details; try the command again once it is fixed.`;
}
