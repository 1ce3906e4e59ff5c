import { z } from 'zod';
import { LinkStateError, type LinkStateData } from './link-state.js';

/** The link state file's schema (see link-state.ts), loaded only when a file is read. */
const memorySchema = z.object({
  verdict: z.enum(['alive', 'dead', 'unverifiable']),
  cause: z.string(),
  status: z.number().optional(),
  reason: z.string(),
  checkedAt: z.string(),
  lastAliveAt: z.string().optional(),
  firstFailureAt: z.string().optional(),
  failureStreak: z.number().int().nonnegative(),
  finalUrl: z.string().optional(),
  permanentRedirect: z.boolean().optional(),
  redirects: z.array(z.object({ url: z.string(), status: z.number() })).optional(),
  titles: z.array(z.string()).optional(),
});

const twinSchema = z.object({
  url: z.string(),
  verdict: z.enum(['alive', 'dead', 'unverifiable']),
  status: z.number().optional(),
  finalUrl: z.string(),
  redirected: z.boolean(),
  title: z.string().optional(),
  words: z.number().int().nonnegative(),
  sketch: z.array(z.number().int().nonnegative()).max(256),
  checkedAt: z.string(),
});

const stateSchema = z.object({
  version: z.literal(1),
  urls: z.record(z.string(), memorySchema),
  runs: z.array(z.object({ at: z.string(), dead: z.number(), failing: z.number(), unverifiable: z.number(), checked: z.number() })),
  hosts: z.record(z.string(), twinSchema).optional(),
});

/** The state file's data, checked; a LinkStateError naming `where` and the first problem otherwise. */
export function checkStateData(json: unknown, where: string): LinkStateData {
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LinkStateError(`${where}: not a listwarden link state ("${issue.path.join('.')}": ${issue.message}) — delete the file to start a fresh one`);
  }
  return parsed.data as LinkStateData;
}
