import type { AdapterContext } from './octokit-adapter.js';
import type { CommitSummary, GitHubPort, PullSummary } from './port.js';
import { statusOf } from './request-errors.js';

/**
 * The git side of the GitHubPort over Octokit: the default branch, files of a tree,
 * refs (branches and the leases' refs outside refs/heads), commits made through the Git
 * Data API (GitHub writes no working tree), comparisons, and pull requests.
 */

type GitPort = Pick<
  GitHubPort,
  | 'getDefaultBranch'
  | 'listFiles'
  | 'getPull'
  | 'getBranchSha'
  | 'listCommitsBetween'
  | 'createCommit'
  | 'createBranch'
  | 'updateBranch'
  | 'getRefSha'
  | 'createRef'
  | 'deleteRef'
  | 'getCommit'
  | 'listPullsForBranch'
  | 'createPull'
  | 'updatePull'
>;

interface ApiPull {
  number: number;
  state: string;
  merged_at: string | null;
  title: string;
  body: string | null;
  head: { ref: string; sha: string; repo: { full_name: string } | null };
  base: { ref: string; sha: string };
}

/** GitHub's list and get answers alike: `merged_at` is set once merged (the list has no `merged`). */
function toPull(pull: ApiPull): PullSummary {
  return {
    number: pull.number,
    state: pull.state === 'closed' ? 'closed' : 'open',
    merged: pull.merged_at !== null && pull.merged_at !== undefined,
    title: pull.title,
    body: pull.body ?? '',
    headRef: pull.head.ref,
    headSha: pull.head.sha,
    ...(pull.head.repo ? { headRepo: pull.head.repo.full_name } : {}),
    baseRef: pull.base.ref,
    baseSha: pull.base.sha,
  };
}

/** `refs/listwarden/lease-x` → `listwarden/lease-x`, the form the single-ref endpoints take. */
function refPath(ref: string): string {
  return ref.replace(/^refs\//, '');
}

/** Undefined for a 404, the value otherwise; other failures are thrown. */
async function unless404<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

export function gitPort({ octokit, write, commentBody, perPage, log }: AdapterContext): GitPort {
  const getRefSha = async (repo: Parameters<GitPort['getRefSha']>[0], ref: string) =>
    (await unless404(() => octokit.rest.git.getRef({ ...repo, ref: refPath(ref) })))?.data.object.sha;

  async function createRef(repo: Parameters<GitPort['createRef']>[0], ref: string, sha: string, what: string): Promise<void> {
    await write('POST', what, () => octokit.rest.git.createRef({ ...repo, ref, sha }));
  }

  /** The mode of a path in a tree (`100644`, `100755`, `120000` a symbolic link, `160000` a submodule), undefined when it is new. */
  async function modeOf(repo: Parameters<GitPort['createCommit']>[0], treeSha: string, path: string): Promise<string | undefined> {
    const parts = path.replace(/^\/+/, '').split('/');
    let sha = treeSha;
    for (let i = 0; i < parts.length; i++) {
      const { data } = await octokit.rest.git.getTree({ ...repo, tree_sha: sha });
      const entry = data.tree.find((e) => e.path === parts[i]);
      if (!entry) return undefined;
      if (i === parts.length - 1) return entry.mode;
      if (entry.type !== 'tree' || !entry.sha) return entry.mode;
      sha = entry.sha;
    }
    return undefined;
  }

  return {
    async getDefaultBranch(repo) {
      const { data } = await octokit.rest.repos.get({ ...repo });
      return data.default_branch;
    },

    async listFiles(repo, ref) {
      const { data } = await octokit.rest.git.getTree({ ...repo, tree_sha: ref, recursive: '1' });
      if (data.truncated) {
        log?.warn(`GitHub listed only part of the files of ${repo.owner}/${repo.repo} at ${ref} (the tree is too large); files past the cut are not seen`);
      }
      return data.tree.filter((entry) => entry.type === 'blob' && entry.path !== undefined).map((entry) => entry.path as string);
    },

    async getPull(repo, pull) {
      const found = await unless404(() => octokit.rest.pulls.get({ ...repo, pull_number: pull }));
      return found ? toPull(found.data) : undefined;
    },

    getBranchSha(repo, branch) {
      return getRefSha(repo, `refs/heads/${branch}`);
    },

    async listCommitsBetween(repo, base, head) {
      // The comparison pages its commits (oldest first); `total_commits` counts them all.
      const commits: CommitSummary[] = [];
      for (let page = 1; ; page++) {
        const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
          ...repo,
          basehead: `${base}...${head}`,
          per_page: perPage,
          page,
        });
        for (const commit of data.commits) {
          commits.push({
            sha: commit.sha,
            message: commit.commit.message,
            ...(commit.author?.login ? { authorLogin: commit.author.login } : {}),
            ...(commit.committer?.login ? { committerLogin: commit.committer.login } : {}),
            parents: commit.parents.map((parent) => parent.sha),
          });
        }
        if (data.commits.length < perPage || commits.length >= data.total_commits) return commits;
      }
    },

    async createCommit(repo, commit) {
      const parent = await unless404(() => octokit.rest.git.getCommit({ ...repo, commit_sha: commit.parentSha }));
      if (!parent) {
        throw new Error(`Cannot commit on ${commit.parentSha} in ${repo.owner}/${repo.repo}: GitHub has no such commit — fetch the branch again and retry`);
      }
      let tree = parent.data.tree.sha;
      if (commit.files.length > 0) {
        const entries: { path: string; mode: '100644' | '100755'; type: 'blob'; content: string }[] = [];
        for (const file of commit.files) {
          const mode = await modeOf(repo, tree, file.path);
          if (mode === '120000' || mode === '160000') {
            throw new Error(`${file.path} is a ${mode === '120000' ? 'symbolic link' : 'submodule'} in ${repo.owner}/${repo.repo}: listwarden does not write it — list the file it points to instead`);
          }
          entries.push({ path: file.path, mode: mode === '100755' ? ('100755' as const) : ('100644' as const), type: 'blob' as const, content: file.content });
        }
        const { data } = await write('POST', `writing ${commit.files.length} file(s)`, () => octokit.rest.git.createTree({ ...repo, base_tree: tree, tree: entries }));
        tree = data.sha;
      }
      const { data } = await write('POST', 'creating a commit', () =>
        octokit.rest.git.createCommit({ ...repo, message: commit.message, tree, parents: [commit.parentSha] }),
      );
      return data.sha;
    },

    async createBranch(repo, branch, sha) {
      await createRef(repo, `refs/heads/${branch}`, sha, `creating branch ${branch}`);
    },

    async updateBranch(repo, branch, sha, force) {
      await write('PATCH', `moving branch ${branch}`, () =>
        octokit.rest.git.updateRef({ ...repo, ref: `heads/${branch}`, sha, force }),
      );
    },

    getRefSha,

    async createRef(repo, ref, sha) {
      try {
        await createRef(repo, ref, sha, `creating ${ref}`);
        return true;
      } catch (error) {
        if (statusOf(error) === 422) return false; // "Reference already exists"
        throw error;
      }
    },

    async deleteRef(repo, ref) {
      try {
        await write('DELETE', `deleting ${ref}`, () => octokit.rest.git.deleteRef({ ...repo, ref: refPath(ref) }));
      } catch (error) {
        const status = statusOf(error);
        if (status !== 404 && status !== 422) throw error; // "Reference does not exist": gone already
      }
    },

    async getCommit(repo, sha) {
      const found = await unless404(() => octokit.rest.git.getCommit({ ...repo, commit_sha: sha }));
      if (!found) return undefined;
      return { sha: found.data.sha, message: found.data.message, parents: found.data.parents.map((parent) => parent.sha) };
    },

    async listPullsForBranch(repo, branch, state) {
      const pulls = await octokit.paginate(octokit.rest.pulls.list, {
        ...repo,
        head: `${repo.owner}:${branch}`,
        state,
        per_page: perPage,
      });
      return pulls.map(toPull);
    },

    async createPull(repo, input) {
      const { data } = await write('POST', `opening a pull request from ${input.head}`, () =>
        octokit.rest.pulls.create({ ...repo, title: input.title, body: commentBody(input.body), head: input.head, base: input.base }),
      );
      return { number: data.number };
    },

    async updatePull(repo, pull, update) {
      await write('PATCH', `updating pull request #${pull}`, () =>
        octokit.rest.pulls.update({
          ...repo,
          pull_number: pull,
          ...(update.title !== undefined ? { title: update.title } : {}),
          ...(update.body !== undefined ? { body: commentBody(update.body) } : {}),
          ...(update.state !== undefined ? { state: update.state } : {}),
        }),
      );
    },
  };
}
