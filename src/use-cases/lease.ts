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
 *
 * Taking over is a lock of its own: several runs may find the same expired lease at once,
 * and "delete, then create" lets a slow one delete the lease a faster one just took. So
 * only the run that creates the take-over ref named after the expired holder's commit
 * (`refs/listwarden/takeover-<name>-<commit>`) may replace it, and only while the lease
 * still points at that commit.
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

const refName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '-');

export function leaseRef(name: string): string {
  return `refs/listwarden/lease-${refName(name)}`;
}

/** The ref whose creation gives the right to replace the expired lease held by `heldSha`. */
export function takeoverRef(name: string, heldSha: string): string {
  return `refs/listwarden/takeover-${refName(name)}-${refName(heldSha)}`;
}

/** Replaces the expired lease `held` by `commit`; false when another run does (or did) it. */
async function takeOver(github: GitHubPort, repo: RepoRef, name: string, held: string, commit: string): Promise<boolean> {
  const ref = leaseRef(name);
  const takeover = takeoverRef(name, held);
  if (!(await github.createRef(repo, takeover, commit))) return false;
  try {
    // A run that was slow to get here finds the lease moved on (taken over, or released and taken anew).
    if ((await github.getRefSha(repo, ref)) !== held) return false;
    await github.deleteRef(repo, ref);
    return await github.createRef(repo, ref, commit);
  } finally {
    // Once the lease points elsewhere no one can pass the check above for this holder again.
    await github.deleteRef(repo, takeover);
  }
}

export async function withLease<T>(github: GitHubPort, repo: RepoRef, name: string, options: LeaseOptions, work: () => Promise<T>): Promise<LeaseResult<T>> {
  const ref = leaseRef(name);
  const until = new Date(options.now() + (options.ttlMs ?? DEFAULT_TTL_MS)).toISOString();
  const commit = await github.createCommit(repo, { message: `listwarden lease until ${until}\n\nA lock held while listwarden works; it is removed when the work is done.`, parentSha: options.baseSha, files: [] });
  if (!(await github.createRef(repo, ref, commit))) {
    const held = await github.getRefSha(repo, ref);
    // Released between the two calls: the work was just done by someone else.
    if (held === undefined) return { ran: false };
    const heldUntil = UNTIL.exec((await github.getCommit(repo, held))?.message ?? '')?.[1];
    const expired = heldUntil === undefined || !(Date.parse(heldUntil) >= options.now());
    if (!expired) return { ran: false, heldUntil };
    // The holder died: take over, if no other run does.
    if (!(await takeOver(github, repo, name, held, commit))) return { ran: false };
  }
  try {
    return { ran: true, value: await work() };
  } finally {
    // A holder that outlived its lease leaves the one that took over alone.
    if ((await github.getRefSha(repo, ref)) === commit) await github.deleteRef(repo, ref);
  }
}
