import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { cutAtLine } from './cut-text.js';

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
/** Marks a memory stored compressed (raw deflate, base64), for memories too large as plain JSON. */
export const PACKED = 'deflate:';
/** Most characters of a memory block: the report body's other parts keep the rest of GitHub's 65,536. */
export const MEMORY_LIMIT = 40_000;
/** Past runs a memory keeps when it must shrink to fit (the chart draws 12). */
const MIN_RUNS = 12;
/** The most inflated bytes a stored memory may claim: a hostile edit cannot make the report inflate a bomb. */
const MAX_INFLATED = 8_000_000;

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
/**
 * The memory block of an issue body; an empty memory when there is none or it is damaged
 * (a person edited it): the report then starts a fresh trend rather than failing. The
 * block is the last one in the body: listwarden writes it last, so nothing quoted above
 * it (list text in the report) can stand in for it.
 */
export function readMemory(body: string | undefined): ReportMemory {
  if (!body) return emptyMemory();
  const start = body.lastIndexOf(OPEN);
  if (start < 0) return emptyMemory();
  const end = body.indexOf(CLOSE, start + OPEN.length);
  if (end < 0) return emptyMemory();
  try {
    let text = body.slice(start + OPEN.length, end).trim();
    if (text.startsWith(PACKED)) text = inflateRawSync(Buffer.from(text.slice(PACKED.length), 'base64'), { maxOutputLength: MAX_INFLATED }).toString('utf8');
    const parsed = memorySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : emptyMemory();
  } catch {
    return emptyMemory();
  }
}

/**
 * The block's text for a memory: JSON a maintainer can edit, or compressed when the JSON
 * would pass `limit`. `--` cannot occur in JSON text outside strings, and is escaped inside them.
 */
function blockOf(memory: ReportMemory, limit: number): string {
  const json = JSON.stringify(memory).replace(/--/g, '-\\u002d');
  const plain = `${OPEN}\n${json}\n${CLOSE}`;
  if (plain.length <= limit) return plain;
  return `${OPEN}\n${PACKED}${deflateRawSync(Buffer.from(json, 'utf8'), { level: 9 }).toString('base64')}\n${CLOSE}`;
}

/**
 * The memory as it is stored: at most KEEP_RUNS runs, in a block of at most `limit`
 * characters (plain JSON while it fits, compressed beyond). When even that is too small the oldest
 * runs go first (down to the 12 the chart draws), then the oldest ignored URLs;
 * `droppedUrls` counts those, so the report can say so.
 */
export function fittedMemory(memory: ReportMemory, limit = MEMORY_LIMIT): { memory: ReportMemory; block: string; droppedUrls: number } {
  let kept: ReportMemory = { ...memory, runs: memory.runs.slice(-KEEP_RUNS) };
  let block = blockOf(kept, limit);
  while (block.length > limit && kept.runs.length > MIN_RUNS) {
    kept = { ...kept, runs: kept.runs.slice(-Math.max(MIN_RUNS, Math.floor(kept.runs.length / 2))) };
    block = blockOf(kept, limit);
  }
  if (block.length <= limit) return { memory: kept, block, droppedUrls: 0 };
  // Keep the newest ignores that fit (ignores are appended, so the oldest come first): a binary search on how many.
  const urls = kept.ignoredUrls;
  let low = 0;
  let high = urls.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (blockOf({ ...kept, ignoredUrls: urls.slice(urls.length - mid) }, limit).length <= limit) low = mid;
    else high = mid - 1;
  }
  kept = { ...kept, ignoredUrls: urls.slice(urls.length - low) };
  return { memory: kept, block: blockOf(kept, limit), droppedUrls: urls.length - low };
}

/** The hidden block for a body (see `fittedMemory`). */
export function memoryBlock(memory: ReportMemory): string {
  return fittedMemory(memory).block;
}

/** GitHub refuses issue bodies over 65,536 characters; a body with its memory stays under this. */
export const BODY_LIMIT = 65_000;

/**
 * A body with its memory block (the last one) replaced, or appended when it has none; the
 * memory goes last. When the result would pass `limit`, the text before the memory is cut
 * (a larger memory never pushes itself out of the body).
 */
export function withMemory(body: string, memory: ReportMemory, limit = BODY_LIMIT): string {
  const start = body.lastIndexOf(OPEN);
  const block = memoryBlock(memory);
  const before = (start < 0 ? body : body.slice(0, start)).trimEnd();
  const room = limit - block.length - 3;
  const text = cutAtLine(before, room, '_…the rest of this report is shown again after the next run._');
  return `${text}\n\n${block}\n`;
}
