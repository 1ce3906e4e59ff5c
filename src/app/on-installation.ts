import type { Context } from 'probot';

/**
 * `installation` and `installation_repositories`: logged, nothing written. A new
 * installation starts in dry run in every repository until it has `.github/listwarden.yml`;
 * the scheduler finds new repositories by itself at its next round.
 */
export function onInstallation(context: Context<'installation'>): void {
  const { action, installation, repositories } = context.payload;
  const account = installation.account && 'login' in installation.account ? installation.account.login : String(installation.account?.name ?? installation.id);
  const names = (repositories ?? []).map((r) => r.full_name);
  context.log.info(
    { installation: installation.id, action, repositories: names },
    `installation ${installation.id} (${account}) ${action}` +
      (action === 'created' ? `: ${names.length} repositor${names.length === 1 ? 'y' : 'ies'}; each stays in dry run until it has .github/listwarden.yml` : ''),
  );
}

export function onInstallationRepositories(context: Context<'installation_repositories'>): void {
  const { action, installation, repositories_added, repositories_removed } = context.payload;
  const added = repositories_added.map((r) => r.full_name);
  const removed = repositories_removed.map((r) => r.full_name);
  context.log.info({ installation: installation.id, action, added, removed }, `installation ${installation.id}: ${added.length} repositor${added.length === 1 ? 'y' : 'ies'} added, ${removed.length} removed`);
}
