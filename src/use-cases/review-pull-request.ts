import type { ResolvedConfig } from '../core/config/resolved-config.js';
import type { Finding, Severity } from '../core/findings/types.js';
import type { Link } from '../core/model/types.js';
import { matchesAnyGlob } from '../core/config/glob.js';
import { GitHubPermissionError, type GitHubPort, type RepoRef, type ReviewCommentInput } from '../github/port.js';
import { changedLines } from '../review/changed-lines.js';
import { partitionFindings } from '../review/partition-findings.js';
import { batches, toAnnotations } from '../review/annotations.js';
import { fingerprintOf, suggestionComment } from '../review/suggestions.js';
import { SUMMARY_MARKER, summaryComment, type SummaryInput } from '../review/summary-comment.js';
import { checkLists, type LinkPorts, type ListFile, type RuleRunner } from './check-lists.js';

export type FailOn = Severity | 'never';
export type CheckLinks = 'changed' | 'all' | 'none';

export interface ReviewRequest {
  repo: RepoRef;
  pull: number;
  baseSha: string;
  headSha: string;
  /** Globs of the list files to review. */
  files: string[];
  config: ResolvedConfig;
  failOn: FailOn;
  checkLinks: CheckLinks;
  /** The link checker; absent → no link checks. */
  links?: LinkPorts;
  /** The login the token writes as, when known (the Action's is github-actions[bot]). */
  botLogin?: string;
  /** Where the full report is (the workflow run), for the sticky comment. */
  reportUrl?: string;
  /** Runs the parse and rules off this thread (the app's worker pool); absent → here. */
  rules?: RuleRunner;
}

export interface ReviewOutcome {
  files: ListFile[];
  findings: Finding[];
  gating: Finding[];
  existing: Finding[];
  conclusion: 'success' | 'failure';
  notes: string[];
  summary: SummaryInput;
  /** The token could not write (fork PR, read-only token): the caller must annotate and summarize itself. */
  readOnly: boolean;
  /** What was written: for logs and tests. */
  wrote: { checkRun?: number; suggestions: number; summary: 'created' | 'updated' | 'unchanged' | 'skipped' };
}

export const CHECK_NAME = 'listwarden';
/** A review's link checks stop starting after this long (links.reviewBudgetSeconds). */
export const DEFAULT_REVIEW_BUDGET_SECONDS = 180;
/** A review checks at most this many distinct links (links.reviewMaxLinks). */
export const DEFAULT_REVIEW_MAX_LINKS = 500;
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * Reviews a pull request: reads the base and head of each changed list through the API
 * (no checkout, so fork PRs are safe), checks the head, and lets only findings on the
 * lines the PR adds or changes gate. Writes one check run (annotations in batches of 50),
 * review comments with suggestions (never the same one twice), and one sticky summary
 * comment — each found again and updated rather than duplicated.
 */
export async function reviewPullRequest(github: GitHubPort, request: ReviewRequest): Promise<ReviewOutcome> {
  const { repo } = request;
  const pullFiles = (await github.listPullFiles(repo, request.pull)).filter(
    (f) => f.status !== 'removed' && matchesAnyGlob(f.filename, request.files) && !matchesAnyGlob(f.filename, request.config.ignoreFiles),
  );
  const files: ListFile[] = [];
  const changed = new Map<string, Set<number>>();
  for (const file of pullFiles) {
    const head = await github.getFileText(repo, file.filename, request.headSha);
    if (head === undefined) continue;
    const base = file.status === 'added' ? undefined : await github.getFileText(repo, file.previousFilename ?? file.filename, request.baseSha);
    const lines = changedLines(base, head);
    files.push({ path: file.filename, source: head, changedLines: [...lines] });
    changed.set(file.filename, lines);
  }

  const onChangedLine = (path: string, line: number) => changed.get(path)?.has(line) ?? false;
  const links: LinkPorts | undefined =
    request.checkLinks === 'none' || !request.links
      ? undefined
      : {
          ...reviewLimits(request.links, request.config),
          ...(request.checkLinks === 'changed' ? { selectLink: (path: string, link: Link) => onChangedLine(path, link.span.start.line) } : {}),
        };
  const result = await checkLists(files, request.config, links, request.rules);
  const { gating, existing } = partitionFindings(result.findings, changed);
  const failing = request.failOn === 'never' ? [] : gating.filter((f) => RANK[f.severity] >= RANK[request.failOn as Severity]);
  const conclusion = failing.length > 0 ? 'failure' : 'success';
  const summary: SummaryInput = {
    gating,
    existing,
    files: files.map((f) => f.path),
    linkNotes: result.notes,
    ...(request.reportUrl ? { reportUrl: request.reportUrl } : {}),
    sha: request.headSha,
  };
  const outcome: ReviewOutcome = {
    files,
    findings: result.findings,
    gating,
    existing,
    conclusion,
    notes: result.notes,
    summary,
    readOnly: false,
    wrote: { suggestions: 0, summary: 'skipped' },
  };

  try {
    outcome.wrote.checkRun = await writeCheckRun(github, request, gating, conclusion);
    outcome.wrote.suggestions = await writeSuggestions(github, request, gating, files, changed);
    outcome.wrote.summary = await writeSummary(github, request, summaryComment(summary));
  } catch (error) {
    if (!(error instanceof GitHubPermissionError)) throw error;
    outcome.readOnly = true;
  }
  return outcome;
}

/**
 * A review's link checks have a time budget and a cap on links (10,000 links to one slow
 * host would otherwise take hours): what they leave is named in the review, never dropped.
 */
function reviewLimits(links: LinkPorts, config: ResolvedConfig): LinkPorts {
  const seconds = config.links.reviewBudgetSeconds ?? DEFAULT_REVIEW_BUDGET_SECONDS;
  const maxUrls = Math.min(config.links.reviewMaxLinks ?? DEFAULT_REVIEW_MAX_LINKS, links.maxUrls ?? Infinity);
  const budgetMs = Math.min(seconds * 1000, links.budgetMs ?? Infinity);
  const budget = budgetMs % 60_000 === 0 ? `${budgetMs / 60_000} min` : `${Math.round(budgetMs / 100) / 10} s`;
  return {
    ...links,
    budgetMs,
    maxUrls,
    limits: {
      budget: `a review's link checks stop after ${budget}: links.reviewBudgetSeconds`,
      cap: `a review checks at most ${maxUrls} links (links.reviewMaxLinks)`,
    },
  };
}

async function writeCheckRun(github: GitHubPort, request: ReviewRequest, gating: Finding[], conclusion: 'success' | 'failure'): Promise<number> {
  const annotations = toAnnotations(gating);
  const [first = [], ...rest] = batches(annotations);
  const title = gating.length === 0 ? 'No problems in the changed lines' : `${gating.length} problem${gating.length === 1 ? '' : 's'} in the changed lines`;
  // GitHub appends annotations to a check run and never removes them: a re-run with the
  // same annotations updates the earlier run in place; different ones get a fresh run.
  const marker = `<!-- listwarden:annotations=${hashOf(JSON.stringify(annotations))} -->`;
  const output = { title, summary: title, text: marker };
  const same = (await github.listCheckRuns(request.repo, request.headSha, CHECK_NAME)).find((run) => run.outputText?.includes(marker));
  if (same) {
    await github.updateCheckRun(request.repo, same.id, { status: 'completed', conclusion, output });
    return same.id;
  }
  const id = (await github.createCheckRun(request.repo, { name: CHECK_NAME, head_sha: request.headSha, status: 'completed', conclusion, output: { ...output, annotations: first } })).id;
  for (const batch of rest) await github.updateCheckRun(request.repo, id, { output: { ...output, annotations: batch } });
  return id;
}

/** A short stable hash (FNV-1a, 32 bits) for markers. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

async function writeSuggestions(github: GitHubPort, request: ReviewRequest, gating: Finding[], files: ListFile[], changed: Map<string, Set<number>>): Promise<number> {
  const sources = new Map(files.map((f) => [f.path, f.source]));
  const wanted: ReviewCommentInput[] = [];
  const seen = new Set<string>();
  for (const finding of gating) {
    const comment = finding.fix ? suggestionComment(finding, sources.get(finding.file) ?? '') : undefined;
    if (!comment) continue;
    // GitHub takes review comments only on lines of the diff: every line of the suggestion must be changed.
    const lines = changed.get(comment.path);
    const from = comment.start_line ?? comment.line;
    let inDiff = true;
    for (let line = from; line <= comment.line; line++) if (!lines?.has(line)) inDiff = false;
    const fp = fingerprintOf(comment.body);
    if (!inDiff || !fp || seen.has(fp)) continue;
    seen.add(fp);
    wanted.push(comment);
  }
  if (wanted.length === 0) return 0;
  const posted = new Set((await github.listReviewComments(request.repo, request.pull)).map((c) => fingerprintOf(c.body)).filter(Boolean));
  const fresh = wanted.filter((c) => !posted.has(fingerprintOf(c.body)));
  if (fresh.length === 0) return 0;
  await github.createReview(request.repo, request.pull, request.headSha, fresh);
  return fresh.length;
}

async function writeSummary(github: GitHubPort, request: ReviewRequest, body: string): Promise<'created' | 'updated' | 'unchanged'> {
  const login = request.botLogin ?? (await github.viewerLogin()) ?? 'github-actions[bot]';
  const mine = (await github.listIssueComments(request.repo, request.pull)).filter((c) => c.body.includes(SUMMARY_MARKER) && c.login === login);
  const [current] = mine;
  if (!current) {
    await github.createIssueComment(request.repo, request.pull, body);
    return 'created';
  }
  if (current.body === body) return 'unchanged';
  await github.updateIssueComment(request.repo, current.id, body);
  return 'updated';
}
