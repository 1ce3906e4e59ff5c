/**
 * The GitHub App endpoints the stand-in lacks, added as test routes: the app itself
 * (GET /app), its installations, the JWT → installation token exchange, and the
 * repositories an installation token may reach. Tokens are told apart by installation,
 * so a test can see which installation each request was made for.
 */
import type { GitHubApiStandIn } from '../../github/helpers/api-stand-in.js';
import { errorReply } from '../../github/helpers/stand-in-router.js';

export interface StandInInstallation {
  id: number;
  account: string;
  repositories: { owner: string; repo: string; archived?: boolean }[];
  suspended?: boolean;
}

export interface AppRoutes {
  /** Token exchanges made, by installation id. */
  exchanges(): number[];
}

export const tokenFor = (id: number) => `ghs_standInInstallation${id}TokenNeverLogged`;

export function addAppRoutes(api: GitHubApiStandIn, app: { id: number; slug: string }, installations: StandInInstallation[]): AppRoutes {
  const isJwt = (authorization: unknown) => typeof authorization === 'string' && /^bearer ey/i.test(authorization);
  const installationOf = (authorization: unknown) => installations.find((i) => authorization === `token ${tokenFor(i.id)}`);
  const repoJson = (i: StandInInstallation, r: StandInInstallation['repositories'][number], n: number) => ({
    id: 1000 + n,
    name: r.repo,
    full_name: `${r.owner}/${r.repo}`,
    owner: { login: r.owner, id: 1, type: 'Organization' },
    private: false,
    archived: r.archived ?? false,
    disabled: false,
    default_branch: 'main',
    installation: i.id,
  });

  api.route('GET', '/app', ({ headers }) =>
    isJwt(headers.authorization) ? { status: 200, body: { id: app.id, slug: app.slug, name: app.slug, owner: { login: 'octo' }, events: [], permissions: {} } } : errorReply(401, 'A JSON web token could not be decoded'),
  );
  api.route('GET', '/app/installations', ({ headers, page }) =>
    isJwt(headers.authorization)
      ? page(installations.map((i) => ({ id: i.id, account: { login: i.account, id: i.id, type: 'Organization' }, app_id: app.id, suspended_at: i.suspended ? '2025-01-01T00:00:00Z' : null, permissions: {} })))
      : errorReply(401, 'A JSON web token could not be decoded'),
  );
  // The token exchange. The stand-in checks every POST body against the REST schema
  // fixtures before a route runs, and they have no entry for this operation yet; an armed
  // answer comes before that check (and is still recorded), so it stands in for the route.
  for (const installation of installations) {
    api.failNext('POST', `/app/installations/${installation.id}/access_tokens`, {
      status: installation.suspended ? 403 : 201,
      body: installation.suspended
        ? { message: 'This installation has been suspended' }
        : { token: tokenFor(installation.id), expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: { contents: 'write', issues: 'write', pull_requests: 'write', checks: 'write', metadata: 'read' }, repository_selection: 'selected' },
      times: 1000,
    });
  }
  api.route('GET', '/installation/repositories', ({ headers, page }) => {
    const installation = installationOf(headers.authorization);
    if (!installation) return errorReply(401, 'Bad credentials');
    return page(installation.repositories.map((r, n) => repoJson(installation, r, n)), 'repositories');
  });
  return {
    exchanges: () => api.requestsTo('POST', '/app/installations/{id}/access_tokens').map((r) => Number(r.path.split('/')[3])),
  };
}
