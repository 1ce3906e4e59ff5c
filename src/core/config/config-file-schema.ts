/**
 * The shape of `.github/listwarden.yml`, validated with zod. Only loading a config file needs
 * it: a run without one never loads zod (see resolved-config.ts).
 */
import { z } from 'zod';
import { parseHeaderPrefix } from './header-prefix.js';

export const severitySetting = z.enum(['error', 'warning', 'info', 'off']);
export type SeveritySetting = z.infer<typeof severitySetting>;

const toolEntry = z
  .object({
    name: z.string().min(1),
    homes: z.array(z.string().min(1)).min(1),
    aliases: z.array(z.string().min(1)).optional(),
  })
  .strict();

/** A `links.headers` prefix: an absolute http(s) URL without user name, password, query or fragment. */
const headerPrefix = z.string().superRefine((prefix, context) => {
  const parsed = parseHeaderPrefix(prefix);
  if ('problem' in parsed) context.addIssue({ code: 'custom', message: `the prefix ${JSON.stringify(prefix)} ${parsed.problem}` });
});

/** The shape of `.github/listwarden.yml`. Unknown keys are errors. */
export const configSchema = z
  .object({
    /** Globs of the list files (the Probot app's; the Action takes its `files` input). */
    files: z.array(z.string().min(1)).min(1).optional(),
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
    links: z
      .object({
        concurrency: z.number().int().min(1).max(1000).optional(),
        hostConcurrency: z.number().int().min(1).max(100).optional(),
        hostIntervalMs: z.number().int().min(0).max(60_000).optional(),
        timeoutSeconds: z.number().min(1).max(300).optional(),
        retries: z.number().int().min(0).max(10).optional(),
        aliveStatusCodes: z.array(z.number().int().min(100).max(999)).optional(),
        /** Extra request headers (credentials) for the URLs under a prefix: an absolute http(s) URL, matched on origin and path. */
        headers: z.array(z.object({ prefix: headerPrefix, headers: z.record(z.string(), z.string()) }).strict()).optional(),
        /** Pull-request reviews stop starting link checks after this many seconds (default 180); the rest are named as not checked. */
        reviewBudgetSeconds: z.number().min(1).max(3600).optional(),
        /** Pull-request reviews check at most this many distinct links (default 500); the rest are named as not checked. */
        reviewMaxLinks: z.number().int().min(1).max(100_000).optional(),
        /** Days a host's answer to an invented path (the soft-404 check) is reused before it is asked again. */
        hostProbeDays: z.number().min(0).max(365).optional(),
        /** Years without a push after which a GitHub repository is reported by repo-unmaintained. */
        unmaintainedYears: z.number().min(0.1).max(100).optional(),
      })
      .strict()
      .optional(),
    report: z
      .object({
        /** A dead link is confirmed after failing in this many runs… */
        confirmRuns: z.number().int().min(1).max(100).optional(),
        /** …spanning at least this many days. */
        confirmDays: z.number().min(0).max(365).optional(),
        /** Days between scheduled reports (the Probot app's scheduler; the Action follows its workflow's cron). */
        intervalDays: z.number().min(1).max(365).optional(),
        /** Stop starting link checks after this many minutes; the rest wait for the next run. */
        budgetMinutes: z.number().min(1).max(360).optional(),
      })
      .strict()
      .optional(),
    style: z
      .object({
        /** `auto` (default) learns each convention from the list; a value forces it; `off` turns it off. */
        order: z.enum(['auto', 'alphabetical', 'off']).optional(),
        separator: z.enum(['auto', ' - ', ' — ', ' – ', ': ', 'off']).optional(),
        descriptionCase: z.enum(['auto', 'upper', 'lower', 'off']).optional(),
        finalPunctuation: z.enum(['auto', 'period', 'none', 'off']).optional(),
        bullet: z.enum(['auto', '-', '*', '+', 'off']).optional(),
        toc: z.enum(['auto', 'off']).optional(),
        tableColumns: z.enum(['auto', 'off']).optional(),
      })
      .strict()
      .optional(),
    maintenance: z
      .object({
        /** Confirmed dead links: `archive` replaces them with an archived copy where one exists; `archive-or-remove` also removes the entry when there is none; `off` leaves them to people. */
        deadLinks: z.enum(['archive', 'archive-or-remove', 'off']).optional(),
        /** Whether the maintenance pull request also fixes the list's existing style deviations (entry-order, entry-format, toc-in-sync, table-column-values). */
        style: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ConfigInput = z.infer<typeof configSchema>;
