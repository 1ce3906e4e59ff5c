import { z } from 'zod';

/**
 * What the scheduled report remembers between runs, kept in a hidden JSON block in the
 * report issue's body: it survives a lost link-state cache, is the same for the Action and
 * the app, and a maintainer can see it (and delete it) in the source.
 *
 * - `runs`: totals of past runs, for the trend chart (newest last, at most KEEP_RUNS).
 * - `ignoredUrls` / `ignoredRules`: what `/listwarden ignore` or a ticked checkbox asked
 *   the report and the maintenance PR to leave alone (exact URLs; rule ids).
 */
export interface ReportRun {
  /** ISO time of the run. */
  at: string;
  dead: number;
  failing: number;
  unverifiable: number;
}

export interface ReportMemory {
  version: 1;
  runs: ReportRun[];
  ignoredUrls: string[];
  ignoredRules: string[];
}

export const KEEP_RUNS = 52;
const OPEN = '<!-- listwarden:memory';
const CLOSE = '-->';

const memorySchema = z.object({
  version: z.literal(1),
  runs: z.array(z.object({ at: z.string(), dead: z.number().int().nonnegative(), failing: z.number().int().nonnegative(), unverifiable: z.number().int().nonnegative() })),
  ignoredUrls: z.array(z.string()),
  ignoredRules: z.array(z.string()),
});

export function emptyMemory(): ReportMemory {
  return { version: 1, runs: [], ignoredUrls: [], ignoredRules: [] };
}

/**
 * The memory block of an issue body; an empty memory when there is none or it is damaged
 * (a person edited it): the report then starts a fresh trend rather than failing.
 */
export function readMemory(body: string | undefined): ReportMemory {
  if (!body) return emptyMemory();
  const start = body.indexOf(OPEN);
  if (start < 0) return emptyMemory();
  const end = body.indexOf(CLOSE, start + OPEN.length);
  if (end < 0) return emptyMemory();
  try {
    const parsed = memorySchema.safeParse(JSON.parse(body.slice(start + OPEN.length, end)));
    return parsed.success ? parsed.data : emptyMemory();
  } catch {
    return emptyMemory();
  }
}

/** The hidden block for a body. `--` cannot occur in JSON text outside strings, and is escaped inside them. */
export function memoryBlock(memory: ReportMemory): string {
  const trimmed: ReportMemory = { ...memory, runs: memory.runs.slice(-KEEP_RUNS) };
  return `${OPEN}\n${JSON.stringify(trimmed).replace(/--/g, '-\\u002d')}\n${CLOSE}`;
}

/** A body with its memory block replaced (or appended). */
export function withMemory(body: string, memory: ReportMemory): string {
  const start = body.indexOf(OPEN);
  const block = memoryBlock(memory);
  if (start < 0) return `${body.trimEnd()}\n\n${block}\n`;
  const end = body.indexOf(CLOSE, start + OPEN.length);
  return body.slice(0, start) + block + (end < 0 ? '' : body.slice(end + CLOSE.length));
}
