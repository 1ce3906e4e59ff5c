import { buildDocument } from './parse/build-document.js';
import { inspectInput } from './parse/inspect-input.js';
import { runRules } from './findings/run-rules.js';
import type { ResolvedConfig } from './config/resolved-config.js';
import type { Finding, LinkFacts } from './findings/types.js';
import type { ListDocument } from './model/types.js';

/** Which rules a job runs (see RunOptions.part). */
export type RulePart = 'all' | 'before-links' | 'after-links';

/** What the link checks learned, as plain data (it crosses to a worker thread): by each link's URL as written. */
export interface PlainFacts {
  titles: [url: string, titles: string[]][];
  https: [url: string, works: boolean][];
}

/** One file of a job: plain data (it crosses to a worker thread). */
export interface RuleFile {
  path: string;
  source: string;
  /** In a pull request's review: the lines it adds or changes (see RunOptions.changedLines). */
  changedLines?: number[];
}

export interface FilesCheck {
  /** Files that cannot be read as a list (binary, too large, too slow to parse). */
  problems: Finding[];
  /** The rules' findings (of `part`) over the other files. */
  findings: Finding[];
  /** The parsed documents, when asked for (the link checks collect their URLs). */
  docs: ListDocument[];
}

export function linkFactsOf(plain: PlainFacts): LinkFacts {
  const titles = new Map(plain.titles);
  const https = new Map(plain.https);
  return { titlesFor: (url) => titles.get(url) ?? [], httpsWorks: (url) => https.get(url) };
}

/**
 * Parses list files and runs one part of the rules. Pure and all CPU: the job the app runs
 * in a worker thread, so a hostile list never holds its event loop.
 */
export function checkFiles(files: RuleFile[], config: ResolvedConfig, part: RulePart, facts?: PlainFacts, keepDocs = false): FilesCheck {
  const problems: Finding[] = [];
  const findings: Finding[] = [];
  const docs: ListDocument[] = [];
  for (const file of files) {
    const problem = inspectInput(file.path, file.source);
    if (problem) {
      if (part !== 'after-links') problems.push(problem);
      continue;
    }
    const doc = buildDocument(file.path, file.source);
    findings.push(...runRules(doc, { config, part, ...(facts ? { facts: linkFactsOf(facts) } : {}), ...changedOf(file) }));
    if (keepDocs) docs.push(doc);
  }
  return { problems, findings, docs };
}

/** The run option for a file's changed lines, when it has them. */
export function changedOf(file: RuleFile): { changedLines?: ReadonlySet<number> } {
  return file.changedLines ? { changedLines: new Set(file.changedLines) } : {};
}
