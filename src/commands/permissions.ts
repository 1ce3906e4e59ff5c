import type { RepoPermission } from '../github/port.js';

/**
 * Who may run which command. Commands that change something (recheck, fix, ignore) need
 * write access or more, read from the collaborator-permission API — a comment's
 * author_association says nothing about a member's actual rights.
 *
 * `help` and `explain` are open to everyone, on purpose: they only answer with text that
 * is already public (the command list, a rule's documentation) and change nothing, so
 * refusing them would only make listwarden less helpful to contributors. An unknown verb
 * is answered with the help text for the same reason.
 */
export const NEEDS_WRITE_ACCESS: ReadonlySet<string> = new Set(['recheck', 'fix', 'ignore']);

const MAY_WRITE: ReadonlySet<RepoPermission> = new Set(['write', 'maintain', 'admin']);

/** Whether a permission lets a person run commands that change things. */
export function mayRun(permission: RepoPermission): boolean {
  return MAY_WRITE.has(permission);
}
