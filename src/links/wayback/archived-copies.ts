/**
 * Archived copies for dead links, looked up a few at a time and inside the run's time
 * budget: a list with hundreds of dead links must not spend minutes asking the archive
 * one link after another after the budget is gone.
 */

/** What answers "is there an archived copy?" (WaybackClient). */
export interface ArchiveLookup {
  closest(url: string, timestamp?: string, signal?: AbortSignal): Promise<{ url: string } | undefined>;
}

export interface ArchivedCopiesOptions {
  /** When the run's time budget ends (ms, on `now`'s clock); none: no limit. */
  deadline?: number;
  now?: () => number;
  /** Look-ups in flight at once (default 4: the archive rate-limits eager clients). */
  concurrency?: number;
}

export interface ArchivedCopies {
  /** Dead URL → archived copy, for those the archive has. */
  archived: Map<string, string>;
  /** Look-ups the budget left undone (not started, or cut short). */
  notLookedUp: number;
}

export const ARCHIVE_CONCURRENCY = 4;

export async function findArchivedCopies(urls: readonly string[], archive: ArchiveLookup, options: ArchivedCopiesOptions = {}): Promise<ArchivedCopies> {
  const now = options.now ?? Date.now;
  const archived = new Map<string, string>();
  const deadline = options.deadline ?? Infinity;
  const stop = new AbortController();
  const timer = deadline < Infinity ? setTimeout(() => stop.abort(new Error('time budget spent')), Math.max(0, deadline - now())) : undefined;
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < urls.length && !stop.signal.aborted && now() < deadline) {
      const url = urls[next++]!;
      const copy = await archive.closest(url, undefined, stop.signal);
      if (stop.signal.aborted) return;
      done++;
      if (copy) archived.set(url, copy.url);
    }
  };
  try {
    const workers = Math.max(1, Math.min(options.concurrency ?? ARCHIVE_CONCURRENCY, urls.length));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    clearTimeout(timer);
  }
  return { archived, notLookedUp: urls.length - done };
}
