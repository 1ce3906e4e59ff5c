import type { Probot } from 'probot';

/**
 * The login the app writes as (`<slug>[bot]`), asked of GitHub once (GET /app, as the app)
 * and kept: installation tokens may not read /user, and the use cases must recognize the
 * app's own comments and issues to update them instead of adding twins.
 */
export function botLoginOf(app: Probot): () => Promise<string> {
  let login: Promise<string> | undefined;
  return () => {
    login ??= (async () => {
      const octokit = await app.auth();
      const { data } = await octokit.rest.apps.getAuthenticated();
      if (!data?.slug) throw new Error('GitHub did not say the app\'s slug (GET /app) — check APP_ID and PRIVATE_KEY');
      return `${data.slug}[bot]`;
    })();
    // A failure is asked again next time rather than kept.
    login.catch(() => {
      login = undefined;
    });
    return login;
  };
}
