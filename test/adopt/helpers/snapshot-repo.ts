import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './workflow-lint.js';

/** Runs git quietly with a fixed identity (no global config needed). */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=listwarden tests', '-c', 'user.email=tests@listwarden.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

/**
 * This working tree as a fresh git repository with one commit (what a clone of a pushed
 * branch holds): the tracked files and the new ones not ignored, as they are on disk.
 * Returns the commit.
 */
export function snapshotRepo(into: string): string {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f !== '' && f !== 'node_modules' && !f.startsWith('node_modules/'));
  for (const file of files) {
    try {
      mkdirSync(dirname(join(into, file)), { recursive: true });
      cpSync(join(ROOT, file), join(into, file));
    } catch (error) {
      // A tracked file deleted in the working tree is not part of the snapshot.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  git(into, 'init', '-q');
  git(into, 'add', '-A');
  git(into, 'commit', '-q', '-m', 'snapshot');
  return git(into, 'rev-parse', 'HEAD').trim();
}
