import type { AdapterContext } from './octokit-adapter.js';
import type { GitHubPort, IssueSummary, RepoPermission } from './port.js';
import { gitHubMessage, permissionErrorFor, statusOf } from './request-errors.js';

/**
 * The issue side of the GitHubPort over Octokit: issues with a label, issues opened and
 * updated, labels ensured, reactions on comments, and a user's permission.
 */

type IssuePort = Pick<
  GitHubPort,
  'listIssuesWithLabel' | 'createIssue' | 'updateIssue' | 'ensureLabel' | 'addReaction' | 'getPermission'
>;

const ROLES: readonly RepoPermission[] = ['admin', 'maintain', 'write', 'triage', 'read', 'none'];

function isRole(value: unknown): value is RepoPermission {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether a 422 says the thing is already there (GitHub's `already_exists` validation code). */
function alreadyExists(error: unknown): boolean {
  if (statusOf(error) !== 422) return false;
  const data = (error as { response?: { data?: { errors?: { code?: unknown }[] } } }).response?.data;
  return (data?.errors ?? []).some((e) => e?.code === 'already_exists') || /already exists/i.test(gitHubMessage(error));
}

export function issuePort({ octokit, write, commentBody, perPage }: AdapterContext): IssuePort {
  return {
    async listIssuesWithLabel(repo, label, state) {
      const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
        ...repo,
        labels: label,
        state,
        sort: 'created',
        direction: 'desc',
        per_page: perPage,
      });
      return issues
        .filter((issue) => issue.pull_request === undefined || issue.pull_request === null)
        .map(
          (issue): IssueSummary => ({
            number: issue.number,
            title: issue.title,
            body: issue.body ?? '',
            state: issue.state === 'closed' ? 'closed' : 'open',
            login: issue.user?.login ?? '',
            labels: issue.labels.map((l) => (typeof l === 'string' ? l : l.name ?? '')).filter((name) => name !== ''),
            createdAt: issue.created_at,
          }),
        );
    },

    async createIssue(repo, input) {
      const { data } = await write('POST', `opening issue "${input.title}"`, () =>
        octokit.rest.issues.create({
          ...repo,
          title: input.title,
          body: commentBody(input.body),
          ...(input.labels !== undefined ? { labels: input.labels } : {}),
        }),
      );
      return { number: data.number };
    },

    async updateIssue(repo, number, update) {
      await write('PATCH', `updating issue #${number}`, () =>
        octokit.rest.issues.update({
          ...repo,
          issue_number: number,
          ...(update.title !== undefined ? { title: update.title } : {}),
          ...(update.body !== undefined ? { body: commentBody(update.body) } : {}),
          ...(update.state !== undefined ? { state: update.state } : {}),
          ...(update.state_reason !== undefined ? { state_reason: update.state_reason } : {}),
        }),
      );
    },

    async ensureLabel(repo, name, color, description) {
      try {
        await octokit.rest.issues.getLabel({ ...repo, name });
        return;
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
      try {
        await write('POST', `creating label "${name}"`, () =>
          octokit.rest.issues.createLabel({ ...repo, name, color: color.replace(/^#/, ''), description }),
        );
      } catch (error) {
        if (!alreadyExists(error)) throw error; // another run created it meanwhile
      }
    },

    async addReaction(repo, commentId, content) {
      // 201 for a new reaction, 200 when this user already reacted so: either is done.
      await write('POST', `reacting to comment ${commentId}`, () =>
        octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content }),
      );
    },

    async getPermission(repo, username) {
      try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
        // `role_name` tells maintain and triage apart (`permission` folds them into write and
        // read); a custom role's name is none of ours, and its base `permission` stands.
        if (isRole(data.role_name)) return data.role_name;
        return isRole(data.permission) ? data.permission : 'none';
      } catch (error) {
        if (statusOf(error) === 404) return 'none'; // no such user
        // 403 "Must have push access to view collaborator permission": a read-only token.
        throw permissionErrorFor(error, 'GET', `reading ${username}'s permission`) ?? error;
      }
    },
  };
}
