/**
 * Recognizes links to a GitHub repository (and to the pages inside one: trees, blobs,
 * issues, releases…), so the link checker can ask GitHub's API about the repository
 * instead of probing the page.
 */

export interface GitHubRepoRef {
  owner: string;
  /** The repository name as written, without a `.git` suffix. */
  repo: string;
  /**
   * What follows `/owner/repo`: the rest of the path (`/tree/main/x`, '' for the repository
   * itself, a lone trailing slash dropped), then the query and fragment as written.
   * `https://github.com/${nameWithOwner}${rest}` rebuilds the link for a renamed repository.
   */
  rest: string;
}

const HOSTS = new Set(['github.com', 'www.github.com']);

/**
 * First path segments that are GitHub's own pages, not users or organizations
 * (GitHub reserves these names, so no account can own them).
 */
const RESERVED_OWNERS = new Set([
  'about', 'account', 'advisories', 'apps', 'assets', 'blog', 'codespaces', 'collections',
  'contact', 'copilot', 'customer-stories', 'dashboard', 'discussions', 'downloads', 'enterprise',
  'enterprises', 'events', 'explore', 'features', 'git-guides', 'github-copilot', 'home', 'issues',
  'join', 'login', 'logout', 'marketplace', 'mobile', 'new', 'nonprofit', 'notifications',
  'open-source', 'organizations', 'orgs', 'password_reset', 'premium-support', 'pricing', 'pulls',
  'readme', 'repositories', 'resources', 'search', 'security', 'sessions', 'settings', 'signup',
  'site', 'solutions', 'sponsors', 'stars', 'team', 'teams', 'topics', 'trending',
  'user-attachments', 'users', 'watching', 'why-github',
]);

/** A GitHub login: letters, digits and hyphens, at most 39, not starting with a hyphen. */
const OWNER = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
/** A repository name: letters, digits, `.`, `_`, `-`, at most 100 (not `.` or `..`). */
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

function toUrl(raw: string): URL | undefined {
  const trimmed = raw.trim();
  const withScheme = /^(?:www\.)?github\.com\//i.test(trimmed) ? `https://${trimmed}` : trimmed;
  try {
    return new URL(withScheme);
  } catch {
    return undefined;
  }
}

/**
 * The repository a github.com link points to, or undefined for any other link: GitHub's
 * own pages (`/sponsors/x`, `/orgs/x`, `/topics/x`, `/marketplace/…`, `/settings`…),
 * user and organization pages (`/owner`), gists, `*.github.io` sites and other hosts.
 * Accepts http(s) and scheme-less `github.com/…`; `.git` is dropped from the name.
 */
export function parseGitHubRepoUrl(url: string): GitHubRepoRef | undefined {
  const parsed = toUrl(url);
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return undefined;
  let host = parsed.hostname.toLowerCase();
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (!HOSTS.has(host)) return undefined;

  const segments = parsed.pathname.split('/');
  // ['', owner, repo, ...rest]
  const owner = segments[1] ?? '';
  let repo = segments[2] ?? '';
  if (!OWNER.test(owner) || RESERVED_OWNERS.has(owner.toLowerCase())) return undefined;
  if (repo.toLowerCase().endsWith('.git')) repo = repo.slice(0, -4);
  if (!REPO.test(repo) || repo === '.' || repo === '..') return undefined;

  let path = segments.length > 3 ? `/${segments.slice(3).join('/')}` : '';
  if (path === '/') path = '';
  return { owner, repo, rest: `${path}${parsed.search}${parsed.hash}` };
}

/** The case-insensitive comparison key of a repository: `owner/repo`, lower-cased. */
export function gitHubRepoKey(ref: { owner: string; repo: string }): string {
  return `${ref.owner}/${ref.repo}`.toLowerCase();
}
