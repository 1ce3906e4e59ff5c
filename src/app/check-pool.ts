import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { checkFiles, type FilesCheck } from '../core/check-files.js';
import type { Finding } from '../core/findings/types.js';
import { TOO_SLOW } from '../core/parse/inspect-input.js';
import type { ListFile, RuleRunner } from '../use-cases/check-lists.js';
import type { FixJob, FixJobResult, FixRunner } from '../use-cases/fix-job.js';
import type { CheckJob } from './check-worker.js';

export interface CheckPoolOptions {
  /** The worker module (default: check-worker.js beside this file, as `npm run build` writes it). */
  filename?: string;
  /** Worker threads (LISTWARDEN_CHECK_THREADS; default: the cores but one, at least 2). */
  threads?: number;
  /** Longest one check job may take (LISTWARDEN_CHECK_DEADLINE_MS; default 60 s). */
  deadlineMs?: number;
}

export const DEFAULT_CHECK_DEADLINE_MS = 60_000;

/**
 * The app's pool of worker threads for parsing lists, running the rules and computing the
 * certain fixes. A job past its deadline is stopped (its thread is ended and replaced) and
 * its files get one clear finding each, "Too large or too slow to check", over the whole
 * file, so it gates the pull request (a fix job: the list is left unchanged, and the reply
 * says why); other jobs go on in the other threads meanwhile.
 */
export class CheckPool {
  readonly deadlineMs: number;
  readonly threads: number;
  private readonly pool: Piscina<CheckJob | FixJob, FilesCheck | FixJobResult>;
  /** Jobs handed to the pool and not yet settled (queued or running). */
  private submitted = 0;

  constructor(options: CheckPoolOptions & { filename: string }) {
    this.deadlineMs = options.deadlineMs ?? DEFAULT_CHECK_DEADLINE_MS;
    this.threads = options.threads ?? Math.max(2, availableParallelism() - 1);
    this.pool = new Piscina<CheckJob | FixJob, FilesCheck | FixJobResult>({ filename: options.filename, minThreads: 1, maxThreads: this.threads, idleTimeout: 60_000 });
  }

  /** The runner for checkLists and reviewPullRequest. */
  readonly run: RuleRunner = async (files, config, part, facts, keepDocs) => {
    const signal = AbortSignal.timeout(this.deadlineMs);
    const job: CheckJob = { files, config, part, ...(facts ? { facts } : {}), ...(keepDocs ? { keepDocs } : {}) };
    this.submitted++;
    try {
      return (await this.pool.run(job, { signal })) as FilesCheck;
    } catch (error) {
      if (!signal.aborted) throw error;
      return { problems: files.map((file) => tooSlow(file, this.deadlineMs)), findings: [], docs: [] };
    } finally {
      this.submitted--;
    }
  };

  /**
   * The fixer for `/listwarden fix` and the maintenance pull request: one list's certain
   * fixes in a worker thread, within the same deadline. A job past it leaves the list
   * unchanged and says why (`tooSlow`).
   */
  readonly fix: FixRunner = async (job) => {
    const signal = AbortSignal.timeout(this.deadlineMs);
    this.submitted++;
    try {
      return (await this.pool.run(job, { signal, name: 'fixJob' })) as FixJobResult;
    } catch (error) {
      if (!signal.aborted) throw error;
      return { output: job.source, applied: [], rejected: [], tooSlow: tooSlow(job, this.deadlineMs) };
    } finally {
      this.submitted--;
    }
  };

  /** Jobs queued for a thread and jobs running now (for the app's metrics). */
  counts(): { waiting: number; running: number } {
    const waiting = this.pool.queueSize;
    return { waiting, running: Math.max(0, this.submitted - waiting) };
  }

  /** Ends the threads (a job under way is abandoned). */
  async close(): Promise<void> {
    await this.pool.close({ force: true });
  }
}

/** The finding for a file whose check passed its deadline: over the whole file, so any change to it gates. */
export function tooSlow(file: Pick<ListFile, 'path' | 'source'>, deadlineMs: number): Finding {
  let lines = 1;
  let lastLineStart = 0;
  for (let at = file.source.indexOf('\n'); at >= 0; at = file.source.indexOf('\n', at + 1)) {
    lines++;
    lastLineStart = at + 1;
  }
  const seconds = deadlineMs >= 1000 ? `${Math.round(deadlineMs / 1000)} s` : `${deadlineMs} ms`;
  return {
    ruleId: 'unreadable-input',
    severity: 'error',
    message: `${TOO_SLOW}: checking this file took longer than ${seconds}, the most listwarden gives one list — split the list into smaller files, shorten its longest lines, or exclude it with ignore.files`,
    file: file.path,
    span: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines, column: file.source.length - lastLineStart + 1, offset: file.source.length } },
  };
}

/** The worker module beside this file, when it was built (lib/); undefined when running from the TypeScript sources. */
export function builtWorkerFile(): string | undefined {
  const file = fileURLToPath(new URL('./check-worker.js', import.meta.url));
  return existsSync(file) ? file : undefined;
}

/** Runs the jobs on this thread: where no worker module is built (tests of the sources). */
export const inProcessRunner: RuleRunner = async (files, config, part, facts, keepDocs) => checkFiles(files, config, part, facts, keepDocs);
