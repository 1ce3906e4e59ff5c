import { afterEach, beforeEach, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/action/run.js';
import type { GitHubApiStandIn } from '../../github/helpers/api-stand-in.js';
import { TOKEN } from './run-bundle.js';

export interface InProcessRun {
  /** The step's outputs (GITHUB_OUTPUT). */
  outputs: Record<string, string>;
  /** What the Action wrote to standard output (its log and workflow commands). */
  log: string;
  /** process.exitCode after the run (1 when the step failed). */
  exitCode: number;
}

/**
 * The Action's `run()` in this process, as a runner would start it: the event payload file,
 * GITHUB_* and INPUT_* variables, a fresh workspace (`dir()`, empty: no checkout unless the
 * test writes one) and GITHUB_API_URL at a GitHub API stand-in. The environment, standard
 * output and the exit code are restored after each test.
 */
export function actionInProcess(): { dir(): string; run(api: GitHubApiStandIn, options: { owner: string; repo: string; eventName: string; event: unknown; inputs?: Record<string, string> }): Promise<InProcessRun> } {
  let saved: NodeJS.ProcessEnv;
  let dir = '';
  let log = '';
  beforeEach(() => {
    saved = { ...process.env };
    for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_') || key.startsWith('GITHUB_') || key.startsWith('RUNNER_')) delete process.env[key];
    dir = mkdtempSync(join(tmpdir(), 'listwarden-action-'));
    log = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      log += String(chunk);
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.env = saved;
    process.exitCode = 0;
  });
  return {
    dir: () => dir,
    async run(api, options) {
      const output = join(dir, `output-${Math.random()}`);
      writeFileSync(output, '');
      const eventPath = join(dir, `event-${Math.random()}.json`);
      writeFileSync(eventPath, JSON.stringify(options.event));
      log = '';
      Object.assign(process.env, {
        GITHUB_EVENT_NAME: options.eventName,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: `${options.owner}/${options.repo}`,
        GITHUB_API_URL: api.url,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_OUTPUT: output,
        GITHUB_WORKSPACE: dir,
        RUNNER_TEMP: dir,
        'INPUT_GITHUB-TOKEN': TOKEN,
        INPUT_FILES: 'README.md',
        'INPUT_CHECK-LINKS': 'none',
        ...Object.fromEntries(Object.entries(options.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      });
      process.exitCode = 0;
      await run();
      const outputs: Record<string, string> = {};
      for (const match of readFileSync(output, 'utf8').matchAll(/^(\S+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
      return { outputs, log, exitCode: Number(process.exitCode ?? 0) };
    },
  };
}
