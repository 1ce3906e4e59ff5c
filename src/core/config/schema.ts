import { z } from 'zod';
import type { Severity } from '../findings/types.js';

export const severitySetting = z.enum(['error', 'warning', 'info', 'off']);
export type SeveritySetting = z.infer<typeof severitySetting>;

const toolEntry = z
  .object({
    name: z.string().min(1),
    homes: z.array(z.string().min(1)).min(1),
    aliases: z.array(z.string().min(1)).optional(),
  })
  .strict();

/** The shape of `.github/listwarden.yml`. Unknown keys are errors. */
export const configSchema = z
  .object({
    rules: z.record(z.string(), severitySetting).optional(),
    ignore: z
      .object({
        urls: z.array(z.string().min(1)).optional(),
        files: z.array(z.string().min(1)).optional(),
      })
      .strict()
      .optional(),
    tools: z.array(toolEntry).optional(),
    duplicates: z
      .object({
        scope: z.enum(['section', 'file']).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ConfigInput = z.infer<typeof configSchema>;

export interface ResolvedConfig {
  /** Severity per rule id; 'off' disables. Rules not named use their default. */
  rules: Record<string, SeveritySetting>;
  /** URL patterns to ignore: `*` wildcards, or `/regex/`. */
  ignoreUrls: string[];
  /** File globs to skip. */
  ignoreFiles: string[];
  tools: { name: string; homes: string[]; aliases?: string[] }[];
  /** `section` (default): duplicates within one section or table group are errors; `file`: anywhere in the file. */
  duplicateScope: 'section' | 'file';
}

export function resolveConfig(input: ConfigInput = {}): ResolvedConfig {
  return {
    rules: { ...(input.rules ?? {}) },
    ignoreUrls: input.ignore?.urls ?? [],
    ignoreFiles: input.ignore?.files ?? [],
    tools: input.tools ?? [],
    duplicateScope: input.duplicates?.scope ?? 'section',
  };
}

export function severityFor(config: ResolvedConfig, ruleId: string, fallback: Severity): Severity | 'off' {
  return config.rules[ruleId] ?? fallback;
}
