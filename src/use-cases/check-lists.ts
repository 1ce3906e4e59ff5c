import { compareFindings } from '../core/findings/finding-order.js';
import { buildDocument } from '../core/parse/build-document.js';
import { ruleSteps, runRules } from '../core/findings/run-rules.js';
import { inspectInput, tooSlowFiles } from '../core/parse/inspect-input.js';
import { compileUrlPatterns } from '../core/findings/url-pattern.js';
import { severityFor, type ResolvedConfig } from '../core/config/resolved-config.js';
import type { Finding, LinkFacts } from '../core/findings/types.js';
import type { Link, ListDocument } from '../core/model/types.js';
import { collectUrls, requestUrl } from '../links/collect-links.js';
import { checkUrls, type CheckUrlsOptions, type UrlOutcome, type UrlRun } from '../links/check-urls.js';
import { linkFindings } from '../links/link-findings.js';
import { changedOf, type FilesCheck, type PlainFacts, type RulePart } from '../core/check-files.js';

/**
 * Runs the parse and the rules somewhere else (the app: a worker pool with a deadline), so
 * the caller's event loop only waits. Given `keepDocs`, the documents come back too.
 */
export type RuleRunner = (files: ListFile[], config: ResolvedConfig, part: RulePart, facts?: PlainFacts, keepDocs?: boolean) => Promise<FilesCheck>;
import { findArchivedCopies, type ArchiveLookup } from '../links/wayback/archived-copies.js';

export interface LinkPorts extends CheckUrlsOptions {
  /** Archived copies for dead links (optional), looked up a few at a time inside the time budget. */
  wayback?: ArchiveLookup;
  /**
   * How notes name what was left unchecked. Default: a run that comes again ("left for the
   * next run"). A review names its own limits (its config keys), and its links are simply
   * "not checked".
   */
  limits?: { budget: string; cap: string };
  /** Whether a repository file exists (relative links); absent → relative links are not checked. */
  fileExists?: (path: string) => Promise<boolean>;
  /** Directory part of a list's path, to resolve its relative links. */
  resolveRelative?: (listPath: string, link: string) => string;
  /** Which links to check (e.g. only those on lines a pull request changes); default all. */
  selectLink?: (file: string, link: Link) => boolean;
}

export interface ListFile {
  path: string;
  source: string;
  /** The bytes the text was decoded from, when read through the API (to verify a write against). */
  bytes?: Uint8Array;
  /** The file starts with a UTF-8 byte order mark (not part of `source`). */
  bom?: boolean;
  /** In a pull request's review: the lines it adds or changes (plain data: it travels to a worker with the file). */
  changedLines?: number[];
}

export interface CheckListsResult {
  findings: Finding[];
  docs: ListDocument[];
  linkRun?: UrlRun;
  /** What the link checks learned (titles, verified https), for a later fix pass. */
  facts?: LinkFacts;
  evidence?: LinkEvidence;
  /** Lines for the person running it ("network unavailable: 79 links not checked"). */
  notes: string[];
}

function siteOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** Facts the static rules may use: page titles and repository names, verified https. */
function factsFrom(outcomes: Map<string, UrlOutcome>): LinkFacts {
  return {
    titlesFor(url) {
      const key = requestUrl(url);
      return key ? (outcomes.get(key)?.result.titles ?? []) : [];
    },
    httpsWorks(url) {
      const key = requestUrl(url);
      const outcome = key ? outcomes.get(key) : undefined;
      if (!outcome?.https) return undefined;
      if (outcome.https.verdict !== 'alive') return false;
      return siteOf(outcome.https.finalUrl) === siteOf(outcome.result.finalUrl);
    },
  };
}

/** What the network phase learned; reused to report on a fixed text without new requests. */
export interface LinkEvidence {
  run: UrlRun;
  archived: Map<string, string>;
  facts: LinkFacts;
}

/**
 * Checks lists: the static rules, and when link ports are given, every link (each URL
 * once), with verdicts turned into findings at every place the URL is used.
 */
export async function checkLists(files: ListFile[], config: ResolvedConfig, links?: LinkPorts, runner?: RuleRunner): Promise<CheckListsResult> {
  if (runner) return checkListsWith(runner, files, config, links);
  const notes: string[] = [];
  const docs = parseAll(files);
  let evidence: LinkEvidence | undefined;
  let beforeLinks: Finding[] | undefined;
  if (links) {
    const collected = collectUrls(docs.docs, compileUrlPatterns(config.ignoreUrls), links.selectLink);
    const checking = checkUrls([...collected.http.keys()], links);
    checking.catch(() => undefined); // awaited below; a rejection meanwhile is not unhandled
    // The rules that need nothing from the network run while the requests are out, not
    // after the last answer: one rule at a time, with the event loop let run before each
    // (first to send the first requests), so answers and handshakes wait one rule at most.
    beforeLinks = [];
    for (const doc of docs.docs) beforeLinks.push(...(await stepwise(ruleSteps(doc, { config, part: 'before-links', ...changedIn(files, doc.path) }))));
    evidence = await evidenceOf(await checking, links, notes);
  }
  const findings = [...docs.problems, ...(await report(files, docs.docs, config, evidence, links, beforeLinks))];
  return { findings, docs: docs.docs, ...(evidence ? { linkRun: evidence.run, facts: evidence.facts, evidence } : {}), notes };
}

/** Notes on the link run (what was left unchecked and why), archived copies of the dead links, and the facts for the rules. */
async function evidenceOf(run: UrlRun, links: LinkPorts, notes: string[]): Promise<LinkEvidence> {
  if (run.networkUnavailable) notes.push(`network unavailable: ${run.notChecked} link${run.notChecked === 1 ? '' : 's'} not checked (no host could be reached; none is reported dead)`);
  notes.push(...uncheckedNotes(run, links));
  let archived = new Map<string, string>();
  if (links.wayback) {
    const dead = [...run.outcomes.values()].filter((o) => o.result.verdict === 'dead').map((o) => o.url);
    const copies = await findArchivedCopies(dead, links.wayback, { ...(run.deadline !== undefined ? { deadline: run.deadline } : {}), ...(links.now ? { now: links.now } : {}) });
    archived = copies.archived;
    const n = copies.notLookedUp;
    if (n > 0) notes.push(`time budget spent: ${n} dead link${n === 1 ? '' : 's'} not looked up in the archive${links.limits ? ` (${links.limits.budget})` : ''}`);
  }
  return { run, archived, facts: factsFrom(run.outcomes) };
}

/**
 * checkLists with the parse and rules run by `runner` (off this thread): the rules that need
 * nothing from the network first (with the documents, to collect the links), then the link
 * checks here, then the rules that use what they learned, given as plain facts.
 */
async function checkListsWith(runner: RuleRunner, files: ListFile[], config: ResolvedConfig, links: LinkPorts | undefined): Promise<CheckListsResult> {
  const notes: string[] = [];
  if (!links) {
    const all = await runner(files, config, 'all');
    return { findings: [...all.problems, ...all.findings], docs: [], notes };
  }
  const first = await runner(files, config, 'before-links', undefined, true);
  const collected = collectUrls(first.docs, compileUrlPatterns(config.ignoreUrls), links.selectLink);
  const evidence = await evidenceOf(await checkUrls([...collected.http.keys()], links), links, notes);
  const after = await afterLinks(runner, files, first, config, evidence.facts);
  const ruleFindings = [...first.findings, ...after.findings, ...after.problems];
  const findings = [...first.problems, ...(await report(files, first.docs, config, evidence, links, ruleFindings, true))];
  return { findings, docs: first.docs, linkRun: evidence.run, facts: evidence.facts, evidence, notes };
}

/** What the budget and the cap left unchecked, said, never silently dropped. */
function uncheckedNotes(run: UrlRun, links: LinkPorts): string[] {
  const notes: string[] = [];
  const count = (n: number) => `${n} link${n === 1 ? '' : 's'}`;
  if (run.overCap > 0) notes.push(`${count(run.overCap)} not checked: ${links.limits?.cap ?? `more than ${links.maxUrls} links to check`}`);
  if (run.leftForNextRun > 0) {
    notes.push(links.limits ? `time budget spent: ${count(run.leftForNextRun)} not checked (${links.limits.budget})` : `time budget spent: ${count(run.leftForNextRun)} left for the next run (the stalest were checked first)`);
  }
  return notes;
}

/**
 * The rules that use what the links taught (`facts`, given as plain data by each link's URL),
 * run by `runner` on the files the first part could read: a file refused or past its
 * deadline there is not sent again (it would only wait out a second deadline).
 */
async function afterLinks(runner: RuleRunner, files: ListFile[], first: FilesCheck, config: ResolvedConfig, facts: LinkFacts | undefined): Promise<FilesCheck> {
  const refused = tooSlowFiles(first.problems);
  const readable = files.filter((file) => !refused.has(file.path));
  if (readable.length === 0) return { problems: [], findings: [], docs: [] };
  if (!facts) return runner(readable, config, 'after-links');
  const plain: PlainFacts = { titles: [], https: [] };
  for (const url of new Set(first.docs.flatMap((doc) => doc.links.map((link) => link.url)))) {
    const titles = facts.titlesFor(url);
    if (titles.length > 0) plain.titles.push([url, titles]);
    const https = facts.httpsWorks?.(url);
    if (https !== undefined) plain.https.push([url, https]);
  }
  return runner(readable, config, 'after-links', plain);
}

/** Drives a generator to its end, letting the event loop run before each step. */
async function stepwise<T>(steps: Generator<void, T, void>): Promise<T> {
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve));
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Findings for texts whose links were already checked (e.g. after `fix`): no request is sent. */
export async function recheckLists(files: ListFile[], config: ResolvedConfig, evidence?: LinkEvidence, links?: LinkPorts, runner?: RuleRunner): Promise<Finding[]> {
  if (runner) {
    const first = await runner(files, config, 'before-links', undefined, true);
    const after = await afterLinks(runner, files, first, config, evidence?.facts);
    return [...first.problems, ...(await report(files, first.docs, config, evidence, links, [...first.findings, ...after.findings, ...after.problems], true))];
  }
  const docs = parseAll(files);
  return [...docs.problems, ...(await report(files, docs.docs, config, evidence, links))];
}

/** The run option for the changed lines of the file at `path` (a review), when it has them. */
function changedIn(files: ListFile[], path: string): ReturnType<typeof changedOf> {
  const file = files.find((f) => f.path === path);
  return file ? changedOf(file) : {};
}

function parseAll(files: ListFile[]): { docs: ListDocument[]; problems: Finding[] } {
  const docs: ListDocument[] = [];
  const problems: Finding[] = [];
  for (const file of files) {
    const problem = inspectInput(file.path, file.source);
    if (problem) problems.push(problem);
    else docs.push(buildDocument(file.path, file.source));
  }
  return { docs, problems };
}

/** Findings of the rules (those of `beforeLinks` already run) and of the link checks. */
async function report(files: ListFile[], docs: ListDocument[], config: ResolvedConfig, evidence: LinkEvidence | undefined, links: LinkPorts | undefined, beforeLinks?: Finding[], rulesDone = false): Promise<Finding[]> {
  const findings: Finding[] = beforeLinks ? [...beforeLinks] : [];
  const part = beforeLinks ? 'after-links' : 'all';
  if (!rulesDone) for (const doc of docs) findings.push(...runRules(doc, { config, part, ...(evidence ? { facts: evidence.facts } : {}), ...changedIn(files, doc.path) }));
  if (!evidence) return findings;
  const collected = collectUrls(docs, compileUrlPatterns(config.ignoreUrls), links?.selectLink);
  const sources = new Map(files.map((f) => [f.path, f.source]));
  const severity = (ruleId: string, fallback: Finding['severity']) => severityFor(config, ruleId, fallback);
  const unmaintainedYears = config.links.unmaintainedYears;
  findings.push(...linkFindings(evidence.run.outcomes, collected.http, sources, { archived: evidence.archived, severity, ...(unmaintainedYears !== undefined ? { unmaintainedYears } : {}) }));

  if (links?.fileExists && links.resolveRelative) {
    for (const [path, places] of collected.local) {
      for (const place of places) {
        const target = links.resolveRelative(place.file, path);
        if (await links.fileExists(target)) continue;
        const level = severity('no-dead-link', 'error');
        if (level === 'off') continue;
        findings.push({
          ruleId: 'no-dead-link',
          severity: level,
          message: `${place.link.url} points to ${target}, which does not exist — fix the path or remove the link`,
          file: place.file,
          span: place.link.urlSpan ?? place.link.span,
          data: { url: place.link.url, verdict: 'dead', cause: 'not-found' },
        });
      }
    }
  }
  findings.sort(compareFindings);
  return findings;
}
