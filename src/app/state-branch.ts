import type { GitHubPort, RepoRef } from '../github/port.js';
import { LinkState, LinkStateError, type StatePolicy } from '../links/link-state.js';

/**
 * The app's link state, kept in the repository itself: one JSON file on the branch
 * `listwarden/state`. It survives restarts and works across replicas with no database of
 * the app's own; a maintainer can read it, revert it, or delete the branch to start over.
 * (The report's trend lives in the report issue's memory block, not here.)
 *
 * Each save is one commit on top of the branch's previous head; the branch is moved with
 * force, so a person who reset or rewrote it never blocks the app. The commit message says
 * `[skip ci]`, so the push starts no workflow. A damaged file starts a fresh state, logged.
 */
export const STATE_BRANCH = 'listwarden/state';
export const STATE_FILE = '.listwarden/link-state.json';

export interface StateLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface LinkStateStore {
  load(policy: StatePolicy): Promise<LinkState>;
  save(state: LinkState): Promise<void>;
}

export function stateBranchStore(github: GitHubPort, repo: RepoRef, log: StateLog): LinkStateStore {
  const where = `${repo.owner}/${repo.repo}@${STATE_BRANCH}:${STATE_FILE}`;
  /** The state as loaded, serialized: a save that would write the same commits nothing. Undefined: save whatever. */
  let baseline: string | undefined;
  return {
    async load(policy) {
      const text = await github.getFileText(repo, STATE_FILE, STATE_BRANCH);
      if (text === undefined) {
        log.info(`no link state in ${where} yet — starting a fresh one`);
        const state = LinkState.empty(policy);
        baseline = state.serialize();
        return state;
      }
      try {
        const state = await LinkState.parse(text, where, policy);
        baseline = state.serialize();
        return state;
      } catch (error) {
        if (!(error instanceof LinkStateError)) throw error;
        log.warn(`${error.message.replace(/ — .*$/, '')} — starting a fresh link state; it replaces the damaged file at the end of this run`);
        baseline = undefined;
        return LinkState.empty(policy);
      }
    },

    async save(state) {
      const content = state.serialize();
      if (content === baseline) return; // nothing learned: no commit
      const head = await github.getBranchSha(repo, STATE_BRANCH);
      const parentSha = head ?? (await github.getBranchSha(repo, await github.getDefaultBranch(repo)));
      if (!parentSha) throw new Error(`${repo.owner}/${repo.repo} has no commit to hang ${STATE_BRANCH} on — push a first commit to the default branch`);
      const sha = await github.createCommit(repo, {
        message: `listwarden: link state [skip ci]\n\nWhat listwarden remembers about the links of this repository between runs.\nDelete the ${STATE_BRANCH} branch to start afresh.`,
        parentSha,
        files: [{ path: STATE_FILE, content }],
      });
      if (head) await github.updateBranch(repo, STATE_BRANCH, sha, true);
      else await createOrMove(github, repo, sha);
      baseline = content;
    },
  };
}

/** Creates the branch; when another replica created it a moment ago (GitHub's 422), moves it instead. */
async function createOrMove(github: GitHubPort, repo: RepoRef, sha: string): Promise<void> {
  try {
    await github.createBranch(repo, STATE_BRANCH, sha);
  } catch (error) {
    if ((await github.getBranchSha(repo, STATE_BRANCH)) === undefined) throw error;
    await github.updateBranch(repo, STATE_BRANCH, sha, true);
  }
}
