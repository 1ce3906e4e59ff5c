import { createGitHubPort, type GitHubPortOptions } from '../../../src/github/octokit-adapter.js';
import type { GitHubPort } from '../../../src/github/port.js';
import type { GitHubApiStandIn } from './api-stand-in.js';

/** A secret-looking token, to prove it goes out only in the authorization header. */
export const TOKEN = 'ghs_Te5tT0kenNeverInMessages0123456789';

export const REPO = { owner: 'octo', repo: 'awesome-things' };

export interface LogLines {
  warn: string[];
  info: string[];
}

/** The Octokit port against a stand-in, writes unspaced, its log kept for assertions. */
export function portFor(api: GitHubApiStandIn, options: Partial<GitHubPortOptions> = {}): { port: GitHubPort; log: LogLines } {
  const log: LogLines = { warn: [], info: [] };
  const port = createGitHubPort({
    token: TOKEN,
    baseUrl: api.url,
    log: { warn: (m) => log.warn.push(m), info: (m) => log.info.push(m) },
    ...options,
    throttle: { spaceWrites: false, ...options.throttle },
  });
  return { port, log };
}

/** A unified diff of a file whose head-side lines `from`..`to` were added. */
export function addedLinesPatch(from: number, to: number): string {
  const added = Array.from({ length: to - from + 1 }, (_, i) => `+line ${from + i}`);
  return [`@@ -${from - 1},0 +${from},${to - from + 1} @@`, ...added].join('\n');
}
