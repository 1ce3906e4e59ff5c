import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Markdown files at a repository's root that are never the list. */
const NOT_LISTS = /^(changelog|changes|history|contributing|code_of_conduct|code-of-conduct|security|support|license|licence|authors|pull_request_template|issue_template)\b/i;
const MARKDOWN = /\.(md|markdown)$/i;
/** Larger files are not read whole: the first bytes tell a list as well. */
const READ_LIMIT = 1024 * 1024;

export interface ListGuess {
  /** The best candidate, relative to the root; undefined when no Markdown file has links. */
  list?: string;
  /** Candidates with their count of linked lines, best first. */
  candidates: { path: string; links: number }[];
}

/** The repository's root: the nearest directory up from `cwd` with a `.git`; undefined outside a repository. */
export function findRepoRoot(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Lines that carry an http(s) link: list items, table rows, HTML anchors. */
export function countLinkedLines(text: string): number {
  let count = 0;
  for (const line of text.split('\n')) {
    if (line.includes('](http') || line.includes('href="http') || line.includes("href='http")) count += 1;
  }
  return count;
}

/**
 * Which Markdown file at the root is the list: the one with the most linked lines, the README
 * winning a tie. The root's README, docs/README.md and the root's other Markdown files are read.
 */
export function guessListFile(root: string): ListGuess {
  const names: string[] = [];
  for (const entry of safeReaddir(root)) if (MARKDOWN.test(entry) && !NOT_LISTS.test(entry)) names.push(entry);
  if (safeReaddir(join(root, 'docs')).some((e) => /^readme\.md$/i.test(e))) names.push('docs/README.md');
  const candidates: { path: string; links: number }[] = [];
  for (const path of names) {
    const full = join(root, path);
    try {
      const info = statSync(full);
      if (!info.isFile()) continue;
      const buffer = readFileSync(full);
      candidates.push({ path, links: countLinkedLines(buffer.subarray(0, READ_LIMIT).toString('utf8')) });
    } catch {
      // Unreadable: not a candidate.
    }
  }
  const isReadme = (p: string) => /^readme\.(md|markdown)$/i.test(p);
  candidates.sort((a, b) => b.links - a.links || Number(isReadme(b.path)) - Number(isReadme(a.path)) || (a.path < b.path ? -1 : 1));
  const best = candidates[0];
  return { ...(best && best.links > 0 ? { list: best.path } : {}), candidates };
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
