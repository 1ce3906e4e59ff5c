import * as core from '@actions/core';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '../core/findings/types.js';
import { formatSarif } from '../core/format/format-sarif.js';
import { formatJson } from '../core/format/format-json.js';
import { LineIndex } from '../core/parse/line-index.js';
import { allRules } from '../core/rules/index.js';
import { createGitHubPort } from '../github/octokit-adapter.js';
import { LINK_RULES } from '../links/link-findings.js';
import { jobSummary } from '../review/job-summary.js';
import { reviewPullRequest, type CheckLinks, type FailOn } from '../use-cases/review-pull-request.js';
import { VERSION } from '../core/version.js';
import { serviceLinkPorts } from '../links/service-link-ports.js';
import { annotate } from './annotate.js';
import { loadRepoConfig } from '../use-cases/load-repo-config.js';
import { logInfo } from './workflow-text.js';

interface PullRequestPayload {
  pull_request?: {
    number: number;
    base: { sha: string; repo: { full_name: string } };
    head: { sha: string; repo: { full_name: string } | null };
  };
}

export interface ReviewInputs {
  token: string;
  files: string[];
  /** The config file, read through the API at the pull request's base commit. */
  configPath: string;
  failOn: FailOn;
  checkLinks: CheckLinks;
}

/** Thrown for an event the review cannot work with (the workflow author can fix it). */
export class EventError extends Error {}

/**
 * The Action on `pull_request` / `pull_request_target`: review the PR through the API,
 * then mirror the result on the job (annotations when the token could not write, the job
 * summary, SARIF and JSON reports, outputs) and fail the step when a gating finding is at
 * or above fail-on.
 */
export async function reviewEvent(inputs: ReviewInputs): Promise<void> {
  const payload = JSON.parse(await readFile(process.env.GITHUB_EVENT_PATH ?? '', 'utf8')) as PullRequestPayload;
  const pr = payload.pull_request;
  if (!pr) throw new EventError('the event has no pull_request — run the review on pull_request or pull_request_target events');
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? pr.base.repo.full_name).split('/') as [string, string];
  const github = createGitHubPort({
    token: inputs.token,
    ...(process.env.GITHUB_API_URL ? { baseUrl: process.env.GITHUB_API_URL } : {}),
    log: { warn: (m) => core.warning(m), info: (m) => logInfo(m) },
  });
  // The base commit's config: a pull request cannot turn its own gate off.
  const loaded = await loadRepoConfig(github, { owner, repo }, pr.base.sha, 'the base commit', inputs.configPath);
  core.info(`listwarden: ${loaded.description} (read through the API, not from the checkout)`);
  const config = loaded.config;
  const links = inputs.checkLinks === 'none' ? undefined : serviceLinkPorts(config);
  const runUrl = process.env.GITHUB_RUN_ID ? `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${owner}/${repo}/actions/runs/${process.env.GITHUB_RUN_ID}` : undefined;
  let outcome;
  try {
    outcome = await reviewPullRequest(github, {
      repo: { owner, repo },
      pull: pr.number,
      baseSha: pr.base.sha,
      headSha: pr.head.sha,
      files: inputs.files,
      config,
      failOn: inputs.failOn,
      checkLinks: inputs.checkLinks,
      ...(links ? { links: links.ports } : {}),
      ...(runUrl ? { reportUrl: runUrl } : {}),
    });
  } finally {
    await links?.close();
  }

  if (outcome.readOnly) {
    core.info('listwarden: the token cannot write to this pull request (a fork, or a read-only token): reporting through annotations and the job summary instead');
    annotate(outcome.gating, 10);
  }
  await writeReports(outcome.findings, outcome.files.map((f) => f.path), new Map(outcome.files.map((f) => [f.path, new LineIndex(f.source)])));
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(jobSummary(outcome.summary), true).write();
  for (const note of outcome.notes) logInfo(`listwarden: ${note}`);
  const count = (s: Finding['severity']) => outcome.findings.filter((f) => f.severity === s).length;
  core.setOutput('errors', count('error'));
  core.setOutput('warnings', count('warning'));
  core.setOutput('infos', count('info'));
  core.setOutput('gating', outcome.gating.length);
  core.info(
    `listwarden: ${outcome.gating.length} problem(s) in the lines this pull request changes, ${outcome.existing.length} elsewhere (not gating)` +
      (outcome.wrote.checkRun ? `; check run ${outcome.wrote.checkRun}, ${outcome.wrote.suggestions} new suggestion(s), summary comment ${outcome.wrote.summary}` : ''),
  );
  if (outcome.conclusion === 'failure') {
    core.setFailed(`${outcome.gating.length} problem(s) in the lines this pull request changes — see the annotations and suggestions on the pull request`);
  }
}

async function writeReports(findings: Finding[], files: string[], indexes: Map<string, LineIndex>): Promise<void> {
  const dir = process.env.RUNNER_TEMP || process.cwd();
  const json = join(dir, 'listwarden-report.json');
  const sarif = join(dir, 'listwarden.sarif');
  await writeFile(json, formatJson(findings, files, (f) => indexes.get(f)), 'utf8');
  await writeFile(sarif, formatSarif(findings, [...allRules.map((r) => r.meta), ...LINK_RULES], VERSION), 'utf8');
  core.setOutput('json-report', json);
  core.setOutput('sarif-report', sarif);
}
