import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { matchesAnyGlob } from '../core/config/glob.js';
import { ConfigError, loadConfigFile } from '../use-cases/config-file.js';
import { checkSource } from '../core/check-source.js';
import { resolveConfig, type ResolvedConfig } from '../core/config/resolved-config.js';
import type { Finding, Severity } from '../core/findings/types.js';
import { formatJson } from '../core/format/format-json.js';
import { decodeInput } from '../core/parse/decode-input.js';
import { LineIndex } from '../core/parse/line-index.js';
import { EventError, reviewEvent } from './review-event.js';
import { annotate } from './annotate.js';
import { createGitHubPort } from '../github/octokit-adapter.js';
import { reportEvent } from './report-event.js';
import { commentEvent, commentEventOf } from './comment-event.js';
import type { CheckLinks } from '../use-cases/review-pull-request.js';
import { loadRepoConfig } from '../use-cases/load-repo-config.js';
import { logInfo } from './workflow-text.js';
import { codeSpan, markdownText } from '../core/format/markdown-text.js';

/** GitHub shows 10 error and 10 warning annotations per step; more than this only clutters the log. */
export const MAX_ANNOTATIONS_PER_SEVERITY = 50;
/** Rows of not-annotated findings written to the job summary (which is capped at 1 MiB per step). */
const MAX_SUMMARY_ROWS = 1000;
const DEFAULT_CONFIG = '.github/listwarden.yml';
const REPORT_NAME = 'listwarden-report.json';
const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
/** Folders never searched when a `files` glob is expanded. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/** A problem the workflow author can fix in the step's inputs or the repository. */
class InputError extends Error {}

/** The Action's entry point: reads inputs, checks the lists, annotates, reports, and fails the step when asked to. */
export async function run(): Promise<void> {
  try {
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const failOn = readFailOn();
    const mode = readMode();
    // On events with an API (reviews, reports, commands) the config comes from GitHub at a
    // commit the maintainers control, never from the checkout a pull request could change.
    if (mode === 'review') {
      await reviewEvent({ token: readToken(), files: splitList(core.getInput('files') || 'README.md'), configPath: configInput(), failOn, checkLinks: readCheckLinks('changed') });
      return;
    }
    if (mode === 'report' || mode === 'command') {
      const token = readToken();
      const repository = process.env.GITHUB_REPOSITORY ?? '';
      const [owner, name] = repository.split('/');
      if (!owner || !name) throw new InputError('GITHUB_REPOSITORY is not set — the report and commands run only inside a GitHub Actions workflow');
      const repo = { owner, repo: name };
      const github = createGitHubPort({
        token,
        ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}),
        log: { warn: (m) => core.warning(m), info: (m) => logInfo(m) },
      });
      const branch = await github.getDefaultBranch(repo);
      const loaded = await loadRepoConfig(github, repo, branch, 'the default branch', configInput());
      core.info(`listwarden: ${loaded.description} (read through the API, not from the checkout)`);
      const config = loaded.config;
      const inputs = { github, repo, token, files: splitList(core.getInput('files') || 'README.md'), config, checkLinks: readCheckLinks('all') !== 'none', maintenance: readBoolean('maintenance-pr', true) };
      if (mode === 'report') {
        await reportEvent(inputs);
        return;
      }
      const payload = JSON.parse(await readFile(process.env.GITHUB_EVENT_PATH ?? '', 'utf8')) as Parameters<typeof commentEventOf>[1];
      const event = commentEventOf(repo, payload);
      if (!event) throw new InputError('the event has no comment — run commands on issue_comment events');
      await commentEvent(inputs, event);
      return;
    }
    // A push or a manual check: the checkout is the repository's own code.
    const config = await readConfig(workspace);
    const files = await expandFiles(workspace, splitList(core.getInput('files') || 'README.md'), config);

    const findings: Finding[] = [];
    const indexes = new Map<string, LineIndex>();
    for (const file of files) {
      const decoded = decodeInput(file, await readFile(resolve(workspace, file)));
      if ('problem' in decoded) {
        findings.push(decoded.problem);
        continue;
      }
      findings.push(...checkSource(file, decoded.source, { config }).findings);
      indexes.set(file, new LineIndex(decoded.source));
    }

    const overflow = annotate(findings, MAX_ANNOTATIONS_PER_SEVERITY);
    const reportPath = join(process.env.RUNNER_TEMP || process.cwd(), REPORT_NAME);
    await writeFile(reportPath, formatJson(findings, files, (f) => indexes.get(f)), 'utf8');

    const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
    const errors = count('error');
    const warnings = count('warning');
    const infos = count('info');
    core.setOutput('errors', errors);
    core.setOutput('warnings', warnings);
    core.setOutput('infos', infos);
    core.setOutput('json-report', reportPath);
    core.info(`listwarden: ${files.length} file${plural(files.length)} checked: ${errors} error${plural(errors)}, ${warnings} warning${plural(warnings)}, ${infos} info. JSON report: ${reportPath}`);
    await writeSummary(files, findings, overflow, { errors, warnings, infos });

    if (failOn !== 'never') {
      const failing = findings.filter((f) => RANK[f.severity] >= RANK[failOn]).length;
      if (failing > 0) {
        core.setFailed(
          `${failing} finding${plural(failing)} at or above ${failOn} — fix ${failing === 1 ? 'it' : 'them'} (\`npx listwarden fix\` applies the certain fixes), silence a single one with <!-- listwarden-disable-next-line rule-id -->, or loosen the fail-on input (info → warning → error → never)`,
        );
      }
    }
  } catch (error) {
    if (error instanceof InputError || error instanceof EventError) core.setFailed(`listwarden: ${error.message}`);
    else if (error instanceof ConfigError) core.setFailed(`listwarden: config error: ${error.message} — fix the file, or point the config input at another one`);
    else core.setFailed(`listwarden failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)} — please report this with the list that caused it`);
  }
}

const MODES = ['auto', 'review', 'check', 'report', 'command'] as const;
type Mode = Exclude<(typeof MODES)[number], 'auto'>;

/**
 * `auto` picks from the event: pull_request(_target) → review; schedule and
 * workflow_dispatch → report; issue_comment → command; anything else (push) → check the files.
 */
function readMode(): Mode {
  const value = (core.getInput('mode') || 'auto').toLowerCase();
  if (!(MODES as readonly string[]).includes(value)) throw new InputError(`mode is "${value}" — expected one of: ${MODES.join(', ')}`);
  if (value !== 'auto') return value as Mode;
  const event = process.env.GITHUB_EVENT_NAME ?? '';
  if (event === 'pull_request' || event === 'pull_request_target') return 'review';
  if (event === 'schedule' || event === 'workflow_dispatch') return 'report';
  if (event === 'issue_comment') return 'command';
  return 'check';
}

function readToken(): string {
  const token = core.getInput('github-token') || process.env.GITHUB_TOKEN || '';
  if (!token) throw new InputError('github-token is empty — pass ${{ github.token }} (the default) or a token that can read the repository');
  core.setSecret(token);
  return token;
}

function readBoolean(name: string, fallback: boolean): boolean {
  const value = (core.getInput(name) || String(fallback)).toLowerCase();
  if (value !== 'true' && value !== 'false') throw new InputError(`${name} is "${value}" — expected true or false`);
  return value === 'true';
}

function readCheckLinks(fallback: CheckLinks): CheckLinks {
  const value = (core.getInput('check-links') || fallback).toLowerCase();
  if (value !== 'changed' && value !== 'all' && value !== 'none') throw new InputError(`check-links is "${value}" — expected changed, all or none`);
  return value;
}

function readFailOn(): FailOn {
  const value = (core.getInput('fail-on') || 'error').toLowerCase();
  if (!(FAIL_ON as readonly string[]).includes(value)) {
    throw new InputError(`fail-on is "${value}" — expected one of: ${FAIL_ON.join(', ')}`);
  }
  return value as FailOn;
}

/** The config input: a path relative to the repository root. */
function configInput(): string {
  return (core.getInput('config') || DEFAULT_CONFIG).replace(/^\.\//, '');
}

/** The default config file is optional; a config path the workflow names must exist. */
async function readConfig(workspace: string): Promise<ResolvedConfig> {
  const input = core.getInput('config') || DEFAULT_CONFIG;
  const path = resolve(workspace, input);
  if (!existsSync(path)) {
    if (input === DEFAULT_CONFIG) return resolveConfig();
    throw new InputError(`config file ${input} does not exist — check the config input (it is relative to the repository root)`);
  }
  return loadConfigFile(path);
}

/** Splits the `files` input on newlines and commas. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const GLOB_CHARS = /[*?[\]{}]/;

/** Resolves paths and globs to workspace-relative, `/`-separated file paths, in input order, without duplicates. */
async function expandFiles(workspace: string, patterns: string[], config: ResolvedConfig): Promise<string[]> {
  const out = new Set<string>();
  let all: string[] | undefined;
  for (const pattern of patterns) {
    if (GLOB_CHARS.test(pattern)) {
      all ??= await listFiles(workspace);
      const glob = pattern.replace(/^\.\//, '');
      const matched = all.filter((f) => matchesAnyGlob(f, [glob]));
      if (matched.length === 0) core.warning(`files: the glob ${pattern} matches no file — check the files input`);
      for (const f of matched) out.add(f);
      continue;
    }
    const full = resolve(workspace, pattern);
    const info = await stat(full).catch(() => undefined);
    if (!info) throw new InputError(`files: ${pattern} does not exist — check the files input (paths are relative to the repository root; did the workflow run actions/checkout?)`);
    if (info.isDirectory()) throw new InputError(`files: ${pattern} is a directory — name the list file, e.g. ${join(pattern, 'README.md')}, or a glob such as ${pattern}/**/*.md`);
    out.add(toRelative(workspace, full));
  }
  const files = [...out].filter((f) => !matchesAnyGlob(f, config.ignoreFiles));
  if (files.length === 0) throw new InputError(`files: nothing to check in "${patterns.join(', ')}" — name at least one Markdown list`);
  return files;
}

function toRelative(workspace: string, full: string): string {
  const rel = relative(workspace, full);
  return (rel === '' || rel.startsWith('..') || isAbsolute(rel) ? full : rel).split(sep).join('/');
}

/** Every file under the workspace, `/`-separated, sorted; .git and node_modules are skipped. */
async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(join(dir, entry.name), rel);
      } else if (entry.isFile()) {
        out.push(rel);
      }
    }
  };
  await walk(root, '');
  return out.sort();
}

/** List text for a table cell of the job summary, through the one GitHub Markdown escaper. */
function cell(text: string): string {
  return markdownText(text, 1000, { inTable: true });
}

/** Counts, and the findings that got no annotation, on the job's summary page (only when the runner provides one). */
async function writeSummary(
  files: string[],
  findings: Finding[],
  overflow: Finding[],
  counts: { errors: number; warnings: number; infos: number },
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  const lines = [
    '## listwarden',
    '',
    findings.length === 0
      ? `No problems found in ${files.length} file${plural(files.length)}.`
      : `${files.length} file${plural(files.length)} checked: **${counts.errors}** error${plural(counts.errors)}, **${counts.warnings}** warning${plural(counts.warnings)}, **${counts.infos}** info.`,
    '',
  ];
  if (overflow.length > 0) {
    lines.push(
      `${overflow.length} finding${plural(overflow.length)} beyond the first ${MAX_ANNOTATIONS_PER_SEVERITY} of each severity ${overflow.length === 1 ? 'is' : 'are'} not shown as annotations:`,
      '',
      '| Severity | File | Line | Rule | Problem |',
      '| --- | --- | ---: | --- | --- |',
    );
    for (const f of overflow.slice(0, MAX_SUMMARY_ROWS)) {
      lines.push(`| ${f.severity} | ${codeSpan(f.file, 300, { inTable: true })} | ${f.span.start.line}:${f.span.start.column} | \`${f.ruleId}\` | ${cell(f.message)} |`);
    }
    if (overflow.length > MAX_SUMMARY_ROWS) lines.push('', `…and ${overflow.length - MAX_SUMMARY_ROWS} more: see the JSON report (output json-report).`);
    lines.push('');
  }
  await core.summary.addRaw(lines.join('\n'), true).write();
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}
