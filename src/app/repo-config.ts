import type { ProbotOctokit } from 'probot';
import { ConfigError, parseConfigText } from '../use-cases/config-file.js';
import type { ResolvedConfig } from '../core/config/resolved-config.js';
import type { RepoRef } from '../github/port.js';

/**
 * A repository's listwarden config, read as Probot's `context.config('listwarden.yml')`
 * reads it — `.github/listwarden.yml` on the default branch, else the owner's `.github`
 * repository's, following `_extends`, later files deep-merged under earlier ones — and
 * validated with the same schema and messages as the CLI and the Action.
 *
 * `missing`: no file anywhere → the app does a dry run. `invalid`: a file that cannot be
 * used; `message` says which file, which key and what was expected.
 */
export type RepoConfig =
  | { status: 'missing' }
  | { status: 'ok'; config: ResolvedConfig; source: string }
  | { status: 'invalid'; message: string; source: string };

export const CONFIG_FILE = 'listwarden.yml';
export const CONFIG_PATH = `.github/${CONFIG_FILE}`;

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** deepmerge's rules, as Probot's context.config applies them: objects merge key by key, arrays concatenate, the later file wins. */
function deepMerge(base: unknown, over: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(over)) return [...base, ...over];
  if (!isPlain(base) || !isPlain(over)) return over;
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = key in out ? deepMerge(out[key], value) : value;
  return out;
}

/** The plugin's own errors start with its name in brackets; people need only the rest. */
function pluginMessage(error: Error): string {
  const message = error.message.replace(/^\[@probot\/octokit-plugin-config\]\s*/, '');
  const cause = (error as Error & { cause?: unknown }).cause;
  if (cause instanceof Error && /invalid YAML/.test(message)) {
    const pos = (cause as Error & { linePos?: { line: number; col: number }[] }).linePos?.[0];
    return `${pos ? `:${pos.line}:${pos.col}` : ''}: invalid YAML — ${cause.message.split('\n')[0]}`;
  }
  return `: ${message}`;
}

export async function loadRepoConfig(octokit: ProbotOctokit, repo: RepoRef): Promise<RepoConfig> {
  let result: Awaited<ReturnType<ProbotOctokit['config']['get']>>;
  try {
    result = await octokit.config.get({ ...repo, path: CONFIG_PATH, defaults: (configs) => configs.reduce<Plain>((merged, c) => deepMerge(merged, c) as Plain, {}) });
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('[@probot/octokit-plugin-config]')) {
      return { status: 'invalid', source: CONFIG_PATH, message: `${CONFIG_PATH}${pluginMessage(error)} — fix the file on the default branch` };
    }
    throw error;
  }
  const found = result.files.filter((file) => file.config !== null);
  if (found.length === 0) return { status: 'missing' };
  const own = (file: { owner: string; repo: string; path: string }) => file.owner === repo.owner && file.repo === repo.repo && file.path === CONFIG_PATH;
  const source = found.map((file) => (own(file) ? CONFIG_PATH : `${file.owner}/${file.repo}:${file.path}`)).join(' + ');
  try {
    // JSON is YAML: the merged object goes through the one validator the CLI and the Action use.
    return { status: 'ok', config: parseConfigText(source, JSON.stringify(result.config)), source };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { status: 'invalid', source, message: `${error.message} — fix the file on the default branch` };
  }
}
