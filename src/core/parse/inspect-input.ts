import type { Finding } from '../findings/types.js';

/** Lists larger than this are refused: no real list comes near it, and parsing stays bounded. */
export const MAX_SOURCE_CHARS = 20 * 1024 * 1024;

/**
 * Refuses text that is not a Markdown list before parsing it: binary data (NUL bytes)
 * and oversized files.
 */
export function inspectInput(path: string, source: string): Finding | undefined {
  const at = (offset: number) => {
    const before = source.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { line, column, offset };
  };
  const problem = (offset: number, message: string): Finding => ({
    ruleId: 'unreadable-input',
    severity: 'error',
    message,
    file: path,
    span: { start: at(offset), end: at(offset) },
  });
  if (source.length > MAX_SOURCE_CHARS) {
    return problem(0, `File is ${(source.length / 1024 / 1024).toFixed(1)} MB, more than the ${MAX_SOURCE_CHARS / 1024 / 1024} MB listwarden reads — split the list or exclude this file with ignore.files`);
  }
  const nul = source.indexOf('\u0000');
  if (nul >= 0) return problem(nul, 'File contains NUL bytes: it looks binary, not Markdown — exclude it with ignore.files or pass the right file');
  return undefined;
}
