import { posix } from 'node:path';
import type { ResolvedConfig } from '../core/config/resolved-config.js';
import type { Finding } from '../core/findings/types.js';
import { matchesAnyGlob } from '../core/config/glob.js';
import type { GitHubPort, IssueSummary, RepoRef } from '../github/port.js';
import { tickedBoxes } from '../report/checkboxes.js';
import { REPORT_LABEL, REPORT_LABEL_COLOR, REPORT_LABEL_DESCRIPTION, REPORT_MARKER, REPORT_TITLE } from '../report/identity.js';
import { exactUrlPatterns, ignoredUrlTest } from '../report/ignored-urls.js';
import { renderReportBody } from '../report/report-body.js';
import { emptyMemory, readMemory, type ReportMemory } from '../report/report-memory.js';
import { buildReportModel, hasSomethingToReport, unverifiableCount } from '../report/report-model.js';
import { rotDeadCounts } from '../report/rot-items.js';
import { recordRun } from '../report/trend-chart.js';
import { withLease } from './lease.js';
import { readListFile } from './read-list-file.js';
import { compileUrlPatterns } from '../core/findings/url-pattern.js';
import { collectUrls } from '../links/collect-links.js';
import { rememberedFailures } from '../report/remembered-links.js';
import type { FixRunner } from './fix-job.js';
import { checkLists, recheckLists, type LinkEvidence, type LinkPorts, type ListFile, type RuleRunner } from './check-lists.js';
import { trimEndChars } from '../core/text/trim.js';

export interface ReportRequest {
  repo: RepoRef;
  /** Globs of list files, matched against the default branch's tree. */
  files: string[];
  config: ResolvedConfig;
  /** The link checker; `links.state` is the LinkState (persisted by the caller). Absent → static findings only. */
  links?: LinkPorts;
  /** Runs the parse and the rules off this thread (the app's worker pool, with its deadline); absent → here. */
  rules?: RuleRunner;
  /** Computes the maintenance pull request's fixes off this thread (the app's worker pool, with its deadline); absent → here. */
  fixes?: FixRunner;
  now: () => number;
  /** Write nothing (and take no lease); log and return what would be written. */
  dryRun?: boolean;
  /** The login listwarden writes as (else the port's viewer login, else github-actions[bot]). */
  botLogin?: string;
  log?: (line: string) => void;
  /** Web address of the GitHub server, for links to lines (default https://github.com; GITHUB_SERVER_URL on GHES). */
  serverUrl?: string;
}

export interface ReportOutcome {
  issue?: number;
  /**
   * `skipped`: another run holds the report lease; `none`: nothing to report and no open
   * report issue (a closed one only gets its hidden memory, the trend, brought up to date).
   */
  action: 'created' | 'updated' | 'unchanged' | 'reopened' | 'closed' | 'none' | 'skipped';
  /** The body written (or that would be, on a dry run). */
  body?: string;
  defaultBranch: string;
  baseSha: string;
  /** The lists read at baseSha (empty when skipped). */
  files: ListFile[];
  /** Everything found, after the ignores. */
  findings: Finding[];
  evidence?: LinkEvidence;
  /** The memory after this run (empty when skipped). */
  memory: ReportMemory;
  /** The "open a pull request with the certain fixes" box was ticked. */
  fixRequested: boolean;
  /** Duplicate report issues closed in favour of the one kept. */
  duplicatesClosed: number[];
}

/** How long the report may take besides the link checks' budget before another run may take over. */
const LEASE_MARGIN_MS = 30 * 60_000;

interface Session {
  github: GitHubPort;
  request: ReportRequest;
  defaultBranch: string;
  baseSha: string;
  log: (line: string) => void;
}

/**
 * The scheduled link-rot report: checks the lists of the default branch and keeps one
 * report issue up to date — created when there is something to report, edited only when
 * its body changes, closed when everything is healthy, reopened (never duplicated) when rot
 * returns. Runs under the `report` lease, so concurrent deliveries do the work once.
 */
export async function publishReport(github: GitHubPort, request: ReportRequest): Promise<ReportOutcome> {
  const { repo } = request;
  const log = request.log ?? (() => undefined);
  const defaultBranch = await github.getDefaultBranch(repo);
  const baseSha = await github.getBranchSha(repo, defaultBranch);
  if (!baseSha) throw new Error(`${repo.owner}/${repo.repo}: the default branch "${defaultBranch}" has no commit — push a commit, then run the report again`);
  const session: Session = { github, request, defaultBranch, baseSha, log };
  if (request.dryRun) return runReport(session);

  // The lease must outlast the link checks' time budget, or a second run could take it over mid-way.
  const ttlMs = LEASE_MARGIN_MS + (request.links?.budgetMs ?? 0);
  const leased = await withLease(github, repo, 'report', { now: request.now, baseSha, ttlMs }, () => runReport(session));
  if (leased.ran) return leased.value;
  log(`another listwarden run is writing the report${leased.heldUntil ? ` (its lease holds until ${leased.heldUntil})` : ''} — skipping this one`);
  return { action: 'skipped', defaultBranch, baseSha, files: [], findings: [], memory: emptyMemory(), fixRequested: false, duplicatesClosed: [] };
}

async function readLists(session: Session): Promise<{ files: ListFile[]; tree: string[] }> {
  const { github, request, baseSha } = session;
  const tree = await github.listFiles(request.repo, baseSha);
  const paths = tree.filter((path) => matchesAnyGlob(path, request.files) && !matchesAnyGlob(path, request.config.ignoreFiles)).sort();
  const files: ListFile[] = [];
  for (const path of paths) {
    const read = await readListFile(github, request.repo, path, baseSha);
    if (read && 'skipped' in read) session.log(read.skipped);
    else if (read) files.push(read.file);
  }
  if (files.length === 0) session.log(`no list file matches ${request.files.join(', ')} on ${session.defaultBranch} — check the \`files\` input`);
  return { files, tree };
}

/** Relative links resolved against the default branch's tree (a directory counts as existing). */
function treeLinks(links: LinkPorts, tree: string[]): LinkPorts {
  if (links.fileExists && links.resolveRelative) return links;
  const known = new Set<string>();
  for (const path of tree) {
    known.add(path);
    for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) known.add(path.slice(0, i));
  }
  return {
    ...links,
    fileExists: async (path) => known.has(trimEndChars(path, '/')),
    resolveRelative: (listPath, link) => posix.normalize(link.startsWith('/') ? link.slice(1) : posix.join(posix.dirname(listPath), link)),
  };
}

/** The report issue to keep (an open one first, then the lowest number) and the open duplicates. */
function pickIssue(issues: IssueSummary[]): { kept?: IssueSummary; duplicates: IssueSummary[] } {
  const sorted = [...issues].sort((a, b) => (a.state === b.state ? a.number - b.number : a.state === 'open' ? -1 : 1));
  const [kept, ...others] = sorted;
  return { ...(kept ? { kept } : {}), duplicates: others.filter((issue) => issue.state === 'open') };
}

/** The config with the report's own ignores: exact URLs skipped, rules turned off. */
function configWithIgnores(config: ResolvedConfig, memory: ReportMemory): ResolvedConfig {
  const rules = { ...config.rules };
  for (const rule of memory.ignoredRules) rules[rule] = 'off';
  return { ...config, rules, ignoreUrls: [...config.ignoreUrls, ...exactUrlPatterns(memory.ignoredUrls)] };
}

async function runReport(session: Session): Promise<ReportOutcome> {
  const { github, request, log } = session;
  const { repo } = request;
  const dry = request.dryRun === true;
  const { files, tree } = await readLists(session);

  // The report issue, and duplicates left by earlier failures.
  const login = request.botLogin ?? (await github.viewerLogin()) ?? 'github-actions[bot]';
  const mine = (await github.listIssuesWithLabel(repo, REPORT_LABEL, 'all')).filter((issue) => issue.body.startsWith(REPORT_MARKER) && issue.login.toLowerCase() === login.toLowerCase());
  const { kept, duplicates } = pickIssue(mine);
  const duplicatesClosed: number[] = [];
  for (const duplicate of duplicates) {
    log(`${dry ? 'would close' : 'closing'} duplicate report issue #${duplicate.number} in favour of #${kept!.number}`);
    if (!dry) {
      await github.createIssueComment(repo, duplicate.number, `Closed in favour of #${kept!.number}.`);
      await github.updateIssue(repo, duplicate.number, { state: 'closed', state_reason: 'not_planned' });
    }
    duplicatesClosed.push(duplicate.number);
  }

  // What the maintainers asked for: the memory and the ticked boxes.
  const previous = readMemory(kept?.body);
  const ticked = tickedBoxes(kept?.body);
  const memory: ReportMemory = { ...previous, ignoredUrls: [...new Set([...previous.ignoredUrls, ...ticked.ignoreUrls])].sort() };
  for (const url of ticked.ignoreUrls) if (!previous.ignoredUrls.includes(url)) log(`ignoring ${url} from now on (its box was ticked)`);
  if (ticked.fixRequested) log('a fix pull request was asked for (its box was ticked)');

  // The checks.
  const config = configWithIgnores(request.config, memory);
  const links = request.links ? treeLinks(request.links, tree) : undefined;
  const result = await checkLists(files, config, links, request.rules);
  const run = result.evidence?.run;
  let evidence = result.evidence;
  let found = result.findings;
  if (run && run.leftForNextRun > 0 && links?.state) {
    // The budget ran out: links it had no time for keep their last failure in the report.
    const collected = collectUrls(result.docs, compileUrlPatterns(config.ignoreUrls), links.selectLink);
    const left = [...collected.http.keys()].filter((url) => !run.outcomes.has(url));
    const remembered = rememberedFailures(left, links.state, request.now());
    if (remembered.size > 0) {
      evidence = { ...result.evidence!, run: { ...run, outcomes: new Map([...run.outcomes, ...remembered]) } };
      found = await recheckLists(files, config, evidence, links, request.rules);
      log(`${remembered.size} failing link${remembered.size === 1 ? '' : 's'} not re-checked this run: the last failure is reported`);
    }
  }
  // `/listwarden ignore` may have written to the issue while the links were checked: take
  // what it added, so this run's write does not undo it.
  if (kept && !dry) {
    const now = (await github.listIssuesWithLabel(repo, REPORT_LABEL, 'all')).find((issue) => issue.number === kept.number);
    const latest = readMemory(now?.body);
    memory.ignoredUrls = [...new Set([...memory.ignoredUrls, ...latest.ignoredUrls])].sort();
    memory.ignoredRules = [...new Set([...memory.ignoredRules, ...latest.ignoredRules])].sort();
  }
  const ignored = ignoredUrlTest(memory.ignoredUrls);
  const ignoredRules = new Set(memory.ignoredRules);
  const findings = found.filter((f) => !ignoredRules.has(f.ruleId) && !(typeof f.data?.url === 'string' && ignored(f.data.url)));
  const model = buildReportModel({
    findings,
    ...(evidence ? { outcomes: evidence.run.outcomes, archived: evidence.archived } : {}),
    deadLinks: request.config.maintenance.deadLinks,
    style: request.config.maintenance.style === true,
  });

  // The trend: this run's totals, when the links could be checked.
  const date = new Date(request.now()).toISOString().slice(0, 10);
  const counted = run !== undefined && !run.networkUnavailable;
  const gone = rotDeadCounts(model.rot);
  const after = counted ? recordRun(memory, { at: date, dead: model.dead.length + gone.dead, failing: model.failing.length + gone.failing, unverifiable: unverifiableCount(model) }) : memory;

  const body = renderReportBody({
    repo,
    ...(request.serverUrl ? { serverUrl: request.serverUrl } : {}),
    sha: session.baseSha,
    date,
    files: files.map((f) => f.path),
    ...(run ? { linksChecked: run.outcomes.size } : {}),
    model,
    notes: result.notes,
    memory: after,
    partial: run !== undefined && (run.networkUnavailable || run.leftForNextRun > 0),
  });
  const base = {
    defaultBranch: session.defaultBranch,
    baseSha: session.baseSha,
    files,
    findings,
    ...(evidence ? { evidence } : {}),
    memory: after,
    fixRequested: ticked.fixRequested,
    duplicatesClosed,
  };
  const issue = kept ? { issue: kept.number } : {};

  // A run that could reach no host says nothing about the links: leave the issue as it is.
  if (kept && run?.networkUnavailable) {
    log(`the network was unavailable: report issue #${kept.number} left as it is`);
    return { ...base, ...issue, action: 'unchanged', body: kept.body };
  }

  if (!hasSomethingToReport(model)) {
    if (!kept) {
      log('nothing to report');
      return { ...base, action: 'none' };
    }
    if (kept.state === 'closed') {
      // It stays closed; its memory keeps the trend (and when the report last ran) current.
      if (kept.body !== body) {
        log(`nothing to report; ${dry ? 'would update' : 'updating'} the trend in closed report issue #${kept.number}`);
        if (!dry) await github.updateIssue(repo, kept.number, { body });
      } else log('nothing to report');
      return { ...base, ...issue, action: 'none', body };
    }
    // Close only when this run saw every link (or, without link checks, when no link rot was known).
    const lastRun = previous.runs.at(-1);
    const sawEverything = run ? run.leftForNextRun === 0 : !lastRun || lastRun.dead + lastRun.failing === 0;
    if (!sawEverything) return update(session, kept, body, base);
    const comment = `All links and lists are healthy again as of ${date} — closing.`;
    log(`${dry ? 'would close' : 'closing'} report issue #${kept.number}: everything is healthy`);
    if (!dry) {
      const comments = await github.listIssueComments(repo, kept.number);
      if (!comments.some((c) => c.login === login && c.body === comment)) await github.createIssueComment(repo, kept.number, comment);
      await github.updateIssue(repo, kept.number, { body, state: 'closed', state_reason: 'completed' });
    }
    return { ...base, ...issue, action: 'closed', body };
  }

  if (!kept) {
    log(`${dry ? 'would create' : 'creating'} the report issue`);
    if (dry) return { ...base, action: 'created', body };
    await github.ensureLabel(repo, REPORT_LABEL, REPORT_LABEL_COLOR, REPORT_LABEL_DESCRIPTION);
    const created = await github.createIssue(repo, { title: REPORT_TITLE, body, labels: [REPORT_LABEL] });
    return { ...base, issue: created.number, action: 'created', body };
  }
  if (kept.state === 'closed') {
    log(`${dry ? 'would reopen' : 'reopening'} report issue #${kept.number}: the rot is back`);
    if (!dry) await github.updateIssue(repo, kept.number, { body, state: 'open', state_reason: 'reopened' });
    return { ...base, ...issue, action: 'reopened', body };
  }
  return update(session, kept, body, base);
}

async function update(session: Session, kept: IssueSummary, body: string, base: Omit<ReportOutcome, 'action'>): Promise<ReportOutcome> {
  if (kept.body === body) {
    session.log(`report issue #${kept.number} is up to date`);
    return { ...base, issue: kept.number, action: 'unchanged', body };
  }
  session.log(`${session.request.dryRun ? 'would update' : 'updating'} report issue #${kept.number}`);
  if (!session.request.dryRun) await session.github.updateIssue(session.request.repo, kept.number, { body });
  return { ...base, issue: kept.number, action: 'updated', body };
}
