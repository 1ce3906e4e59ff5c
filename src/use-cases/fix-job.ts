import type { ResolvedConfig } from '../core/config/resolved-config.js';
import type { Finding, LinkFacts } from '../core/findings/types.js';
import type { RefusedFix } from '../core/fixes/apply-fixes.js';
import { requestUrl } from '../links/collect-links.js';
import { traceOf, type FixTrace } from '../maintenance/trace-fixes.js';
import { fixText } from './fix-text.js';

/**
 * What the link checks learned, as plain data (it crosses to a worker thread), by each
 * URL's request form (see requestUrl): so the fixes see the same facts as the check did,
 * for any spelling of a checked URL, including those the link fixes write.
 */
export interface PlainRequestFacts {
  titles: [requestUrl: string, titles: string[]][];
  https: [requestUrl: string, works: boolean][];
}

/** One list's certain fixes, as plain data: the job the app runs in a worker thread. */
export interface FixJob {
  path: string;
  source: string;
  /** The file's findings from the check (the link ones are applied first). */
  findings: Finding[];
  config: ResolvedConfig;
  facts?: PlainRequestFacts;
  /** Also trace each fix back to the original text (the maintenance pull request). */
  trace?: boolean;
}

export interface FixJobResult {
  output: string;
  applied: Finding[];
  rejected: Finding[];
  /** Certain fixes left out because they would change a line that carries none of their finding (absent when the job did not run). */
  refused?: RefusedFix[];
  trace?: FixTrace;
  /** Set when the job passed its deadline: the "Too large or too slow to check" finding; `output` is then the source. */
  tooSlow?: Finding;
}

/** Runs fix jobs (the app's worker pool, with its deadline). */
export type FixRunner = (job: FixJob) => Promise<FixJobResult>;

export function plainRequestFacts(facts: LinkFacts | undefined, requestUrls: Iterable<string>): PlainRequestFacts | undefined {
  if (!facts) return undefined;
  const plain: PlainRequestFacts = { titles: [], https: [] };
  for (const url of requestUrls) {
    const titles = facts.titlesFor(url);
    if (titles.length > 0) plain.titles.push([url, titles]);
    const https = facts.httpsWorks?.(url);
    if (https !== undefined) plain.https.push([url, https]);
  }
  return plain;
}

export function requestFactsOf(plain: PlainRequestFacts): LinkFacts {
  const titles = new Map(plain.titles);
  const https = new Map(plain.https);
  return {
    titlesFor(url) {
      const key = requestUrl(url);
      return (key ? titles.get(key) : undefined) ?? [];
    },
    httpsWorks(url) {
      const key = requestUrl(url);
      return key ? https.get(key) : undefined;
    },
  };
}

/** The fix job itself: pure and all CPU. */
export function runFixJob(job: FixJob): FixJobResult {
  const facts = job.facts ? requestFactsOf(job.facts) : undefined;
  const { appliedByPass, ...fixed } = fixText(job.path, job.source, job.findings, job.config, facts);
  // The trace maps the fixes just made back to the original lines (it does not make them again).
  return job.trace ? { ...fixed, trace: traceOf({ output: fixed.output, appliedByPass }) } : fixed;
}

/** The in-process runner (the CLI, the Action, tests). */
export const inProcessFixer: FixRunner = async (job) => runFixJob(job);
