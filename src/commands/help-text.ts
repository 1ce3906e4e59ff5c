import { echoed } from './reply-texts.js';

/** The commands, one line each, as the `help` reply lists them. */
export const COMMAND_LINES: readonly string[] = [
  '- `/listwarden recheck` — on a pull request: review it again; on an issue: run the link-rot report again.',
  '- `/listwarden fix` — on a pull request: push the certain fixes to its branch (or post them as suggestions when listwarden may not push there); on an issue: open or update the maintenance pull request.',
  '- `/listwarden ignore <url|rule-id>` — leave a link or a rule out of the link-rot report and the maintenance pull request.',
  '- `/listwarden explain <rule-id>` — what a rule finds, its default severity, whether it fixes and where its documentation is.',
  '- `/listwarden help` — this list.',
];

/** The reply to `/listwarden help`. */
export function helpText(): string {
  return [
    '**listwarden commands** — write one as the first line of a comment:',
    '',
    ...COMMAND_LINES,
    '',
    '`recheck`, `fix` and `ignore` need write access to the repository; `help` and `explain` are open to everyone.',
  ].join('\n');
}

/** The reply to a verb listwarden does not know: what went wrong, then the help text. */
export function unknownCommandText(verb: string): string {
  return `Unknown command ${echoed(`/listwarden ${verb}`)} — use one of these:\n\n${helpText()}`;
}
