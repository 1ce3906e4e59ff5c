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
  /** The repository's description (bounded), when it has one. */
  description?: string;
  /** ISO time of the last push, when GitHub gave it. */
  pushedAt?: string;
  /** For an archived repository: the successor its description or README names. */
  successor?: Successor;
  /** Human-readable reason (never contains the token). */
  reason: string;
}

/** Where an archived project says it went. */
export interface Successor {
  /** The successor's address, when the text links it (or names an `owner/repo`). */
  url?: string;
  /** The sentence that says so, bounded (e.g. "This project is now part of Trivy"). */
  evidence: string;
  /** Where the sentence is. */
  source: 'description' | 'README';
}

export interface RepoRef {
  owner: string;
  repo: string;
}
