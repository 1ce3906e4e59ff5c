/**
 * Untrusted text (names, URLs and messages quoting a list) made safe to print to a
 * terminal: every C0 and C1 control character (ESC starts the sequences that recolour,
 * move the cursor, set the window title or write to the clipboard), DEL and every
 * bidirectional control is shown as an escape (`\x1B`, `\u202E`) instead of being
 * printed. This is the one place that escaping for a terminal is done.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escaped(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function terminalText(text: string): string {
  return text.replace(UNSAFE, escaped);
}
