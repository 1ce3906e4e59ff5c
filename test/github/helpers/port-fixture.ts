import { afterEach, beforeEach, expect } from '@jest/globals';
import { createGitHubPort, type GitHubPortOptions } from '../../../src/github/octokit-adapter.js';
import type { GitHubPort } from '../../../src/github/port.js';
import { startGitHubApiStandIn, type GitHubApiStandIn, type InvalidRequest, type StandInOptions } from './api-stand-in.js';

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

/**
 * A fresh stand-in (token TOKEN) for each test of the file, closed after it. After each
 * test: every route the port used exists, every request carried the token, and no body
 * was refused (schema or GitHub rule) unless the test expected that with `expectRefused`,
 * which returns what was refused so the test can say what it expected.
 */
export function standInPerTest(options: StandInOptions = {}): { api(): GitHubApiStandIn; expectRefused(): readonly InvalidRequest[] } {
  let current: GitHubApiStandIn | undefined;
  let refusedExpected = false;
  beforeEach(async () => {
    current = await startGitHubApiStandIn({ token: TOKEN, ...options });
    refusedExpected = false;
  });
  afterEach(async () => {
    const api = current as GitHubApiStandIn;
    try {
      if (!refusedExpected) expect(api.invalid).toEqual([]);
      expect(api.unmatched).toEqual([]);
      for (const request of api.requests) expect(request.headers.authorization).toBe(`token ${TOKEN}`);
    } finally {
      await api.close();
    }
  });
  return {
    api: () => current as GitHubApiStandIn,
    expectRefused: () => {
      refusedExpected = true;
      return (current as GitHubApiStandIn).invalid;
    },
  };
}

/** The rejection of a promise (fails when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
