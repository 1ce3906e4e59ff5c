/**
 * Runs the bundled Action (dist/index.js) the way a runner does: a child process with an
 * event payload file, INPUT_* variables, the runner's files and GITHUB_API_URL pointing at
 * the local GitHub API stand-in. The committed dist/ is used (check-dist keeps it current).
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import examples from '@octokit/webhooks-examples' with { type: 'json' };
import type { GitHubApiStandIn } from '../../github/helpers/api-stand-in.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const BUNDLE = join(ROOT, 'dist', 'index.js');
export const TOKEN = 'ghs_e2eTokenThatMustNeverBeLogged00000';

export interface BundleRun {
  code: number;
  stdout: string;
  /** The GITHUB_OUTPUT file's text. */
  outputs: string;
}

export interface BundleRunOptions {
  api: GitHubApiStandIn;
  /** The runner's workspace and RUNNER_TEMP. */
  dir: string;
  owner: string;
  repo: string;
  eventName: string;
  /** Path of the event payload file. */
  eventPath: string;
  inputs?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  /** Run id (GITHUB_RUN_ID); the link-state cache key uses it. */
  runId?: string;
  /** The bundle to run (default: the committed dist/index.js). */
  bundle?: string;
}

/** A real webhook payload from @octokit/webhooks-examples (deep copy), by event and action. */
export function examplePayload<T = Record<string, unknown>>(event: string, action?: string): T {
  const group = (examples as unknown as { name: string; examples: Record<string, unknown>[] }[]).find((e) => e.name === event);
  if (!group) throw new Error(`no example payloads for ${event}`);
  const found = action === undefined ? group.examples[0] : group.examples.find((e) => e.action === action);
  if (!found) throw new Error(`no example payload for ${event}.${action}`);
  return structuredClone(found) as T;
}

export function runBundle(options: BundleRunOptions): Promise<BundleRun> {
  const { dir } = options;
  const outputPath = join(dir, `output-${Date.now()}-${Math.random()}`);
  writeFileSync(outputPath, '');
  writeFileSync(join(dir, 'summary.md'), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: options.eventPath,
    GITHUB_REPOSITORY: `${options.owner}/${options.repo}`,
    GITHUB_API_URL: options.api.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: options.runId ?? '42',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    'INPUT_GITHUB-TOKEN': TOKEN,
    INPUT_FILES: 'README.md',
    'INPUT_FAIL-ON': 'error',
    INPUT_MODE: 'auto',
    ...Object.fromEntries(Object.entries(options.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...options.env,
  };
  return new Promise((done) => {
    execFile(process.execPath, [options.bundle ?? BUNDLE], { env, cwd: dir, timeout: 120_000 }, (error, stdout) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout, outputs: readFileSync(outputPath, 'utf8') });
    });
  });
}
