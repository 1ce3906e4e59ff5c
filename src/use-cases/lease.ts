import type { GitHubPort, RepoRef } from '../github/port.js';

/**
 * A lease: one run at a time does a piece of work in a repository, across processes and
 * machines (Action jobs, app replicas), with nothing but GitHub. Creating a git ref is
 * atomic — GitHub answers 422 to the second creator — so the ref
 * `refs/listwarden/lease-<name>` is the lock. It lives outside refs/heads, so it is no
 * branch, shows in no branch list and starts no workflow.
 *
 * The ref points at an empty commit whose message says until when the lease holds; a
 * holder that died (a cancelled job) leaves a lease that later runs take over once it has
 * expired. Work that finds the lease held is a duplicate of work under way: it is skipped.
 */
export interface LeaseOptions {
  now: () => number;
  /** How long the holder may take before others may take over (default 30 minutes). */
  ttlMs?: number;
  /** A commit to hang the lease on (any; the default branch's head will do). */
  baseSha: string;
}

export type LeaseResult<T> = { ran: true; value: T } | { ran: false; heldUntil?: string };

const DEFAULT_TTL_MS = 30 * 60_000;
const UNTIL = /^listwarden lease until (\S+)/;

export function leaseRef(name: string): string {
  return `refs/listwarden/lease-${name.replace(/[^A-Za-z0-9._-]+/g, '-')}`;
}

export async function withLease<T>(github: GitHubPort, repo: RepoRef, name: string, options: LeaseOptions, work: () => Promise<T>): Promise<LeaseResult<T>> {
  const ref = leaseRef(name);
  const until = new Date(options.now() + (options.ttlMs ?? DEFAULT_TTL_MS)).toISOString();
  const commit = await github.createCommit(repo, { message: `listwarden lease until ${until}\n\nA lock held while listwarden works; it is removed when the work is done.`, parentSha: options.baseSha, files: [] });
  if (!(await github.createRef(repo, ref, commit))) {
    const held = await github.getRefSha(repo, ref);
    const heldUntil = held ? UNTIL.exec((await github.getCommit(repo, held))?.message ?? '')?.[1] : undefined;
    const expired = held !== undefined && (heldUntil === undefined || Date.parse(heldUntil) < options.now());
    if (!expired) return { ran: false, ...(heldUntil ? { heldUntil } : {}) };
    // The holder died: take over (delete, then create again, which only one taker wins).
    await github.deleteRef(repo, ref);
    if (!(await github.createRef(repo, ref, commit))) return { ran: false };
  }
  try {
    return { ran: true, value: await work() };
  } finally {
    await github.deleteRef(repo, ref);
  }
}
