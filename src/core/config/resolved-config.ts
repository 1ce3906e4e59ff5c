import type { Severity } from '../findings/types.js';
import type { ConfigInput, SeveritySetting } from './config-file-schema.js';
import { defaultStyle, type StyleSettings } from '../style/style-settings.js';

export type { ConfigInput, SeveritySetting } from './config-file-schema.js';

/** The settings a run uses: a validated config file (or none) with every default filled in. */
export interface ResolvedConfig {
  /** Globs of the list files, when the config names them. */
  files?: string[];
  /** Severity per rule id; 'off' disables. Rules not named use their default. */
  rules: Record<string, SeveritySetting>;
  /** URL patterns to ignore: `*` wildcards, or `/regex/`. */
  ignoreUrls: string[];
  /** File globs to skip. */
  ignoreFiles: string[];
  tools: { name: string; homes: string[]; aliases?: string[] }[];
  /** `section` (default): duplicates within one section or table group are errors; `file`: anywhere in the file. */
  duplicateScope: 'section' | 'file';
  /** Link checker settings from the config (the CLI's flags take precedence). */
  links: NonNullable<ConfigInput['links']>;
  report: { confirmRuns: number; confirmDays: number; intervalDays: number; budgetMinutes: number };
  maintenance: { deadLinks: 'archive' | 'archive-or-remove' | 'off'; /** Also fix existing style deviations (default false). */ style?: boolean };
  /** House-style conventions: learned (auto), forced or off. Absent means all auto. */
  style?: StyleSettings;
}

export function resolveConfig(input: ConfigInput = {}): ResolvedConfig {
  return {
    ...(input.files ? { files: input.files } : {}),
    rules: { ...(input.rules ?? {}) },
    ignoreUrls: input.ignore?.urls ?? [],
    ignoreFiles: input.ignore?.files ?? [],
    tools: input.tools ?? [],
    duplicateScope: input.duplicates?.scope ?? 'section',
    links: input.links ?? {},
    report: {
      confirmRuns: input.report?.confirmRuns ?? 2,
      confirmDays: input.report?.confirmDays ?? 3,
      intervalDays: input.report?.intervalDays ?? 7,
      budgetMinutes: input.report?.budgetMinutes ?? 20,
    },
    maintenance: { deadLinks: input.maintenance?.deadLinks ?? 'archive', style: input.maintenance?.style ?? false },
    style: { ...defaultStyle, ...(input.style ?? {}) },
  };
}

export function severityFor(config: ResolvedConfig, ruleId: string, fallback: Severity): Severity | 'off' {
  return config.rules[ruleId] ?? fallback;
}
