import { ConfigError, parseConfigText } from './config-file.js';
import { resolveConfig, type ResolvedConfig } from '../core/config/resolved-config.js';
import { decodeInput } from '../core/parse/decode-input.js';
import type { GitHubPort, RepoRef } from '../github/port.js';

export const REPO_CONFIG_PATH = '.github/listwarden.yml';

export interface LoadedRepoConfig {
  config: ResolvedConfig;
  /** Whether a file was found (else the defaults are used). */
  found: boolean;
  /** One sentence for the log: which file, at which commit, or that the defaults are used. */
  description: string;
}

/**
 * A repository's listwarden config read through the API at a ref the maintainers control
 * (a pull request's base commit, the default branch) — never from a checkout, where a pull
 * request could bring its own. Validated with the CLI's schema and messages. A missing
 * default file means the defaults; a missing file the workflow named explicitly, or one
 * that cannot be used, throws a ConfigError naming it and the ref.
 */
export async function loadRepoConfig(github: GitHubPort, repo: RepoRef, ref: string, refLabel: string, path = REPO_CONFIG_PATH): Promise<LoadedRepoConfig> {
  const at = `${refLabel} (${ref.length === 40 ? ref.slice(0, 7) : ref})`;
  const file = await github.getFile(repo, path, ref);
  if (!file) {
    if (path !== REPO_CONFIG_PATH) throw new ConfigError(`${path} does not exist at ${at} — check the config input (it is read through the API, relative to the repository root)`);
    return { config: resolveConfig(), found: false, description: `no ${path} at ${at}: default settings` };
  }
  if (file.kind !== 'file') throw new ConfigError(`${path} at ${at} is a ${file.kind === 'symlink' ? 'symbolic link' : file.kind}, not a file — make it a regular file`);
  const decoded = decodeInput(path, file.bytes);
  if ('problem' in decoded) throw new ConfigError(`${path} at ${at}: ${decoded.problem.message}`);
  try {
    return { config: parseConfigText(path, decoded.source), found: true, description: `config from ${path} at ${at}` };
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`${error.message} (at ${at})`);
    throw error;
  }
}
