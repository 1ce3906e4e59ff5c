// A worker thread of the app's check pool (check-pool.ts): parses lists and runs the rules,
// and computes the certain fixes (`fixJob`, run by name), all CPU, off the event loop that
// answers GitHub and /ping.
import { checkFiles, type FilesCheck, type PlainFacts, type RuleFile, type RulePart } from '../core/check-files.js';
import type { ResolvedConfig } from '../core/config/resolved-config.js';
import { runFixJob, type FixJob, type FixJobResult } from '../use-cases/fix-job.js';

export interface CheckJob {
  files: RuleFile[];
  config: ResolvedConfig;
  part: RulePart;
  facts?: PlainFacts;
  keepDocs?: boolean;
}

export default function checkJob(job: CheckJob): FilesCheck {
  return checkFiles(job.files, job.config, job.part, job.facts, job.keepDocs ?? false);
}

/** One list's certain fixes (the pool runs it as `{ name: 'fixJob' }`). */
export function fixJob(job: FixJob): FixJobResult {
  return runFixJob(job);
}
