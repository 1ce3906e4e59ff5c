import * as core from '@actions/core';
import { terminalText } from '../core/format/terminal-text.js';

/**
 * Text for the Action's log, where the runner reads any line that starts with `::` as a
 * workflow command (`::error::`, `::add-mask::`, `::stop-commands::` …). Log lines quote
 * the list (URLs, hrefs, names) and GitHub's answers, so each becomes one line that no
 * command can start: line breaks and other control characters are shown escaped (`\n`,
 * `\x1B`, as in the terminal), and a line that would still begin with `::` or `##[` has its
 * first character percent-encoded. `core.error/warning/notice` escape their own message
 * and properties (`%`, CR, LF; and `:` `,` in properties), as GitHub's rules ask; this is
 * the one place that escapes plain log text.
 */
export function logText(text: string): string {
  const line = terminalText(text);
  return line.replace(/^(\s*)(::|##\[)/, (_, space: string, start: string) => `${space}${start.startsWith(':') ? '%3A' : '%23'}${start.slice(1)}`);
}

/** core.info for text that may quote the list or a site. */
export function logInfo(text: string): void {
  core.info(logText(text));
}
