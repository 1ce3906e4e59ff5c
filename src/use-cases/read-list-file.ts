import { decodeInput } from '../core/parse/decode-input.js';
import { encodeFixed } from '../core/fixes/encode-fixed.js';
import type { FileWrite, GitHubPort, RepoRef } from '../github/port.js';
import type { ListFile } from './check-lists.js';

const NOT_A_FILE = { symlink: 'a symbolic link (list the file it points to instead)', submodule: 'a submodule', directory: 'a directory' } as const;

export type ReadList = { file: ListFile } | { skipped: string } | undefined;

/**
 * A list file read through the API as bytes and decoded as strictly as the CLI does: a file
 * that is not UTF-8, a symbolic link or a submodule is skipped with a sentence saying why
 * (never read with a lenient decoder, whose U+FFFD would be committed back); undefined when
 * nothing is at the path.
 */
export async function readListFile(github: GitHubPort, repo: RepoRef, path: string, ref: string): Promise<ReadList> {
  const found = await github.getFile(repo, path, ref);
  if (!found) return undefined;
  if (found.kind !== 'file') return { skipped: `${path} is ${NOT_A_FILE[found.kind]}: listwarden leaves it alone` };
  const decoded = decodeInput(path, found.bytes);
  if ('problem' in decoded) {
    const { line, column } = decoded.problem.span.start;
    return { skipped: `${path}:${line}:${column} is not valid UTF-8 — listwarden leaves it alone; re-save the file as UTF-8` };
  }
  return { file: { path, source: decoded.source, bytes: found.bytes, bom: decoded.bom } };
}

/**
 * The write of a fixed list: its text with the byte order mark it had, checked byte for
 * byte against what was read (see encodeFixed); a sentence saying why when refused.
 */
export function listWrite(file: ListFile, output: string): { write: FileWrite } | { refused: string } {
  const bom = file.bom ?? false;
  if (file.bytes) {
    const checked = encodeFixed(file.bytes, file.source, bom, output);
    if ('refused' in checked) return { refused: `${file.path} not written: ${checked.refused}` };
  }
  return { write: { path: file.path, content: bom ? `\uFEFF${output}` : output } };
}
