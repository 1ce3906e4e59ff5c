import type { RuleMeta } from '../core/findings/types.js';
import type { RepoAnswer } from './check-urls.js';

/** Projects that moved on: archived repositories that name a successor, and repositories nobody pushes to. */
export const REPO_UNMAINTAINED: RuleMeta = {
  id: 'repo-unmaintained',
  defaultSeverity: 'info',
  description: 'Links to GitHub repositories without a push for years (3 by default; `links.unmaintainedYears`).',
  fixable: false,
};

export const DEFAULT_UNMAINTAINED_YEARS = 3;
const YEAR_MS = 365.25 * 24 * 3600_000;

function quote(text: string): string {
  return `"${text}"`;
}

/** The no-archived-repo message, and the successor as a suggestion when the repository names one with an address. */
export function archivedRepoMessage(repo: RepoAnswer, linkUrl: string): { message: string; suggestion?: string } {
  const name = repo.nameWithOwner ?? linkUrl;
  const successor = repo.successor;
  if (!successor) {
    return { message: `${name} is archived on GitHub (read-only, no longer maintained) — keep it only if it is still useful, or point to a maintained fork` };
  }
  const says = `its ${successor.source} says ${quote(successor.evidence)}`;
  if (successor.url) {
    return { message: `${name} is archived on GitHub and ${says} — check ${successor.url} and link it instead`, suggestion: successor.url };
  }
  return { message: `${name} is archived on GitHub and ${says} — link the successor it names instead` };
}

/** The repo-unmaintained message when the last push is at least `years` old, else undefined. */
export function unmaintainedMessage(repo: RepoAnswer, linkUrl: string, now: number, years = DEFAULT_UNMAINTAINED_YEARS): string | undefined {
  if (!repo.pushedAt || repo.isArchived) return undefined;
  const pushed = Date.parse(repo.pushedAt);
  if (Number.isNaN(pushed) || now - pushed < years * YEAR_MS) return undefined;
  const age = Math.floor((now - pushed) / YEAR_MS);
  return `${repo.nameWithOwner ?? linkUrl} has had no push since ${repo.pushedAt.slice(0, 10)} (${age} year${age === 1 ? '' : 's'}) — check that it still works, or point to a maintained alternative`;
}
