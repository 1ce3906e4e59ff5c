import type { Logger, ProbotOctokit } from 'probot';
import { createGitHubPort, type GitHubPortOptions } from '../github/octokit-adapter.js';
import type { GitHubPort } from '../github/port.js';
import type { ResponseObserver } from '../github/response-observer.js';

/** Options for the port the app builds, beyond the token and the API URL (tests turn off write spacing and retries). */
export type PortTuning = Omit<GitHubPortOptions, 'token' | 'baseUrl' | 'log' | 'onResponse'> & {
  /** The observer of one installation's requests (the app's metrics). */
  observe?: (installation: string) => ResponseObserver;
};

/**
 * The GitHubPort over an installation's token: the same adapter the Action uses, so the
 * app sends GitHub the very same requests. The token comes from Probot's installation
 * octokit (Probot fetches and caches it), the API URL from Probot's settings
 * (GHE_HOST / GHE_PROTOCOL → `https://host/api/v3`).
 */
export async function installationPort(octokit: ProbotOctokit, log: Logger, tuning: PortTuning = {}): Promise<{ port: GitHubPort; token: string; baseUrl: string }> {
  const { token, installationId } = (await octokit.auth({ type: 'installation' })) as { token: string; installationId?: number };
  const baseUrl = apiBaseUrl(octokit);
  const { observe, ...rest } = tuning;
  const port = createGitHubPort({
    ...rest,
    ...(observe ? { onResponse: observe(installationId !== undefined ? String(installationId) : 'unknown') } : {}),
    token,
    baseUrl,
    log: { warn: (message) => log.warn(message), info: (message) => log.info(message) },
  });
  return { port, token, baseUrl };
}

/** The REST API's base URL an octokit talks to. */
export function apiBaseUrl(octokit: ProbotOctokit): string {
  return String(octokit.request.endpoint.DEFAULTS.baseUrl);
}
