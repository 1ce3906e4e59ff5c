import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `/work/shared` beside the repository: seeds, peer fixtures and real lists, when present. */
export const SHARED_DIR = resolve(process.cwd(), '..', 'shared');

/** Reads a file under the shared directory, or undefined when it is not there. */
export function readShared(...parts: string[]): string | undefined {
  const path = join(SHARED_DIR, ...parts);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** The newest seed (`002_…`), or undefined when the seeds are not there. */
export function seed(prefix: string): string | undefined {
  const dir = join(SHARED_DIR, 'seeds');
  if (!existsSync(dir)) return undefined;
  const name = readdirSync(dir).find((f) => f.startsWith(`${prefix}_`) && f.endsWith('.md'));
  return name ? readFileSync(join(dir, name), 'utf8') : undefined;
}

/** The real lists under `corpus/` (README.md excluded), as [file name, text]. */
export function corpusLists(): [string, string][] {
  const dir = join(SHARED_DIR, 'corpus');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}

/** Markdown files of a peer fixture directory, as [file name, text]. */
export function peerFiles(...parts: string[]): [string, string][] {
  const dir = join(SHARED_DIR, 'peers', ...parts);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}
