/** What GitHub says about one repository a list links to. */
export type RepoState = 'ok' | 'renamed' | 'archived' | 'missing' | 'unknown';

export interface RepoStatus {
  /** `owner/repo` as asked, lower-cased (see `gitHubRepoKey`). */
  key: string;
  /**
   * - ok: exists under the name asked (letter case aside), not archived;
   * - renamed: GitHub answered with another `nameWithOwner` (renamed or transferred);
   *   takes precedence over archived, `isArchived` tells both;
   * - archived: exists under the name asked, archived (read-only);
   * - missing: GitHub said NOT_FOUND (deleted, made private, or never existed);
   * - unknown: no verdict (rate limit, server errors, bad token, other GraphQL errors).
   */
  state: RepoState;
  /** The current `owner/name` (after a rename or transfer), when the repository was found. */
  nameWithOwner?: string;
  /** The current HTML URL, when found. */
  url?: string;
  isArchived?: boolean;
  /** Human-readable reason (never contains the token). */
  reason: string;
}

export interface RepoRef {
  owner: string;
  repo: string;
}
