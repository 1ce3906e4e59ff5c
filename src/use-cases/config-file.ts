import { readFile } from 'node:fs/promises';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { configSchema } from '../core/config/config-file-schema.js';
import { resolveConfig, type ResolvedConfig } from '../core/config/resolved-config.js';
import { allRules } from '../core/rules/index.js';
import { LINK_RULES } from '../links/link-findings.js';

export class ConfigError extends Error {}

/** Reads and validates a listwarden config file. Errors name the file, the key and the expected shape. */
export async function loadConfigFile(path: string): Promise<ResolvedConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`${path}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? String(error)}) — check the path given to --config`);
  }
  return parseConfigText(path, text);
}

export function parseConfigText(path: string, text: string): ResolvedConfig {
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const pos = error.linePos?.[0];
      throw new ConfigError(`${path}${pos ? `:${pos.line}:${pos.col}` : ''}: invalid YAML — ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join('.') || '(top level)';
    const detail =
      issue.code === 'unrecognized_keys'
        ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${key === '(top level)' ? '' : ` in "${key}"`} — expected one of: rules, ignore (urls, files), tools (name, homes, aliases), duplicates (scope), links (concurrency, hostConcurrency, hostIntervalMs, timeoutSeconds, retries, aliveStatusCodes, headers, reviewBudgetSeconds, reviewMaxLinks, hostProbeDays, unmaintainedYears), report (confirmRuns, confirmDays, intervalDays, budgetMinutes), style (order, separator, descriptionCase, finalPunctuation, bullet, toc, tableColumns), maintenance (deadLinks, style), files`
        : `"${key}": ${issue.message}`;
    throw new ConfigError(`${path}: ${detail}`);
  }
  const known = new Set([...allRules.map((r) => r.meta.id), ...LINK_RULES.map((r) => r.id)]);
  for (const id of Object.keys(parsed.data.rules ?? {})) {
    if (!known.has(id)) throw new ConfigError(`${path}: "rules.${id}" is not a listwarden rule — known rules: ${[...known].join(', ')}`);
  }
  return resolveConfig(parsed.data);
}
