import { gitHubRepoKey } from './parse-github-url.js';
import { exhaustedWaitMs, rateLimitWaitMs, readRateLimit, type RateLimitState } from './rate-limit.js';
import { buildRepoQuery, interpretRepoResponse, type GraphQLBody, type RepoQuery } from './repo-query.js';
import { buildReadmeQuery, interpretReadmes, README_BATCH } from './readme-query.js';
import { successorIn } from './successor.js';
import type { RepoRef, RepoStatus } from './repo-status.js';
import { trimEndChars } from '../../core/text/trim.js';

export type { RepoRef, RepoState, RepoStatus } from './repo-status.js';

export interface GitHubRepoCheckerOptions {
  /** A token (a fine-grained one with public read access is enough). Never logged. */
  token: string;
  /** REST API root: https://api.github.com (default), or `https://ghe.example/api/v3` for GHES. */
  apiUrl?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Clock for `x-ratelimit-reset` and HTTP-date `retry-after` (default Date.now). */
  now?: () => number;
  /** Repositories per GraphQL query (default 50). */
  batchSize?: number;
  /** Retries of one batch after a 5xx, a network error or a rate limit (default 2). */
  retries?: number;
  /** First backoff after a 5xx or network error, doubled on each retry (default 1000 ms). */
  retryBaseMs?: number;
  /** Longest wait for a rate limit; a longer one is not waited and the batch is 'unknown' (default 60 s). */
  maxWaitMs?: number;
  /** Per-request timeout (default 30 s). */
  timeoutMs?: number;
  userAgent?: string;
}

type Attempt<T = RepoStatus[]> =
  | { kind: 'done'; statuses: T }
  | { kind: 'retry'; waitMs: number; reason: string; rateLimited: boolean }
  | { kind: 'fail'; reason: string; fatal: boolean };

const DEFAULT_USER_AGENT = 'listwarden (+https://github.com/listwarden/listwarden)';

/** GraphQL endpoint of an API root: `${apiUrl}/graphql`, or `…/api/graphql` for a GHES `…/api/v3`. */
export function graphqlEndpoint(apiUrl: string): string {
  const base = trimEndChars(apiUrl, '/');
  if (/\/api\/v3$/i.test(base)) return `${base.slice(0, -'/v3'.length)}/graphql`;
  if (/\/graphql$/i.test(base)) return base;
  return `${base}/graphql`;
}

function bodyMessage(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) {
      const message = (parsed as Record<string, unknown>).message;
      if (typeof message === 'string') return `: ${message.slice(0, 200)}`;
    }
  } catch {
    // not JSON
  }
  return '';
}

/**
 * Asks GitHub's GraphQL API about many repositories at once (one query per batch, one
 * alias per repository), following renames and transfers, honoring rate limits. Batches
 * run one after another, as GitHub asks of integrations. A batch that cannot be answered
 * leaves its repositories 'unknown', never 'missing'.
 */
export class GitHubRepoChecker {
  private readonly token: string;
  private readonly endpoint: string;
  private readonly fetchFn: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly batchSize: number;
  private readonly retries: number;
  private readonly retryBaseMs: number;
  private readonly maxWaitMs: number;
  private readonly timeoutMs: number;
  private readonly userAgent: string;
  /** The quota as of the last response. */
  private quota: RateLimitState = {};
  /** Set by a 401: no request is worth sending with this token. */
  private fatal: string | undefined;

  constructor(options: GitHubRepoCheckerOptions) {
    if (!options.token) throw new TypeError('GitHubRepoChecker needs a token');
    this.token = options.token;
    this.endpoint = graphqlEndpoint(options.apiUrl ?? 'https://api.github.com');
    this.fetchFn = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
    this.batchSize = Math.max(1, Math.floor(options.batchSize ?? 50));
    this.retries = Math.max(0, Math.floor(options.retries ?? 2));
    this.retryBaseMs = options.retryBaseMs ?? 1000;
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  }

  /** The status of each repository, keyed by `gitHubRepoKey` (duplicates asked once). */
  async check(repos: RepoRef[]): Promise<Map<string, RepoStatus>> {
    const unique = new Map<string, RepoRef>();
    for (const ref of repos) {
      const key = gitHubRepoKey(ref);
      if (!unique.has(key)) unique.set(key, ref);
    }
    const entries = [...unique];
    const result = new Map<string, RepoStatus>();
    for (let i = 0; i < entries.length; i += this.batchSize) {
      const batch = entries.slice(i, i + this.batchSize);
      const statuses = await this.runBatch(batch.map(([, ref]) => ref), batch.map(([key]) => key));
      for (const status of statuses) result.set(status.key, status);
    }
    await this.findSuccessors(result);
    return result;
  }

  /**
   * Archived repositories that name their successor: in the description (asked with the
   * status), else in the README's first paragraph, asked only of the archived ones whose
   * description names none (a README is fetched whole, so never of every repository).
   */
  private async findSuccessors(result: Map<string, RepoStatus>): Promise<void> {
    const needReadme: [string, RepoRef][] = [];
    for (const status of result.values()) {
      if (!status.isArchived || !status.nameWithOwner) continue;
      const named = status.description ? successorIn(status.description, status.nameWithOwner, 'description') : undefined;
      if (named) status.successor = named;
      else needReadme.push([status.key, { owner: status.nameWithOwner.split('/')[0]!, repo: status.nameWithOwner.split('/')[1]! }]);
    }
    for (let i = 0; i < needReadme.length; i += README_BATCH) {
      const batch = needReadme.slice(i, i + README_BATCH);
      const keys = batch.map(([key]) => key);
      const readmes = await this.runQuery(buildReadmeQuery(batch.map(([, ref]) => ref)), (body) => interpretReadmes(keys, body), () => new Map<string, string>());
      for (const [key, text] of readmes) {
        const status = result.get(key)!;
        const named = successorIn(text, status.nameWithOwner!, 'README');
        if (named) status.successor = named;
      }
    }
  }

  private unknown(keys: string[], reason: string): RepoStatus[] {
    const safe = this.redact(reason);
    return keys.map((key) => ({ key, state: 'unknown', reason: safe }));
  }

  private redact(text: string): string {
    return text.split(this.token).join('***');
  }

  private runBatch(refs: RepoRef[], keys: string[]): Promise<RepoStatus[]> {
    return this.runQuery(
      buildRepoQuery(refs),
      (body) => interpretRepoResponse(keys, body).map((s) => ({ ...s, reason: this.redact(s.reason) })),
      (reason) => this.unknown(keys, reason),
    );
  }

  /** One query, with the retries, waits and rate-limit handling; `failed` gives the answer when none came. */
  private async runQuery<T>(query: RepoQuery, interpret: (body: GraphQLBody) => T, failed: (reason: string) => T): Promise<T> {
    const unknown = (reason: string) => failed(this.redact(reason));
    let lastReason = 'no attempt';
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (this.fatal) return unknown(this.fatal);
      const gate = exhaustedWaitMs(this.quota, this.now());
      if (gate !== undefined && gate > 0) {
        if (gate > this.maxWaitMs) {
          const until = new Date(this.quota.resetAt ?? 0).toISOString();
          return unknown(`GitHub API rate limit exhausted until ${until}`);
        }
        await this.sleep(gate);
        this.quota = {};
      }
      const outcome = await this.attempt(query, interpret, attempt);
      if (outcome.kind === 'done') return outcome.statuses;
      if (outcome.kind === 'fail') {
        if (outcome.fatal) this.fatal = this.redact(outcome.reason);
        return unknown(outcome.reason);
      }
      lastReason = outcome.reason;
      if (attempt === this.retries) break;
      if (outcome.waitMs > this.maxWaitMs) {
        const seconds = Math.ceil(outcome.waitMs / 1000);
        return unknown(`${outcome.reason}; GitHub asked to wait ${seconds}s, longer than allowed`);
      }
      await this.sleep(outcome.waitMs);
      if (outcome.rateLimited) this.quota = {};
    }
    return unknown(`${lastReason} (gave up after ${this.retries + 1} attempts)`);
  }

  private async attempt<T>(query: RepoQuery, interpret: (body: GraphQLBody) => T, attempt: number): Promise<Attempt<T>> {
    const backoff = this.retryBaseMs * 2 ** attempt;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchFn(this.endpoint, {
        method: 'POST',
        headers: {
          authorization: `bearer ${this.token}`,
          'user-agent': this.userAgent,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify(query),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { kind: 'retry', waitMs: backoff, reason: `GitHub API request failed: ${message}`, rateLimited: false };
    }
    const now = this.now();
    const quota = readRateLimit(response.headers);
    if (quota.remaining !== undefined) this.quota = quota;
    const status = response.status;

    if (status === 401) return { kind: 'fail', reason: `GitHub API 401${bodyMessage(text)} (check the token)`, fatal: true };
    if (status === 403 || status === 429) {
      const wait = rateLimitWaitMs(response.headers, text, status === 429, now);
      if (wait !== undefined) {
        return { kind: 'retry', waitMs: wait, reason: `GitHub API ${status} rate limit${bodyMessage(text)}`, rateLimited: true };
      }
      return { kind: 'fail', reason: `GitHub API ${status}${bodyMessage(text)}`, fatal: false };
    }
    if (status >= 500) return { kind: 'retry', waitMs: backoff, reason: `GitHub API ${status}${bodyMessage(text)}`, rateLimited: false };
    if (status < 200 || status > 299) return { kind: 'fail', reason: `GitHub API ${status}${bodyMessage(text)}`, fatal: false };

    let body: GraphQLBody;
    try {
      body = JSON.parse(text) as GraphQLBody;
      if (typeof body !== 'object' || body === null) throw new Error('not an object');
    } catch {
      return { kind: 'retry', waitMs: backoff, reason: 'GitHub API answered with something other than JSON', rateLimited: false };
    }
    const errors = Array.isArray(body.errors) ? body.errors : [];
    const noData = body.data === null || body.data === undefined;
    const limited = errors.find((e) => e.type === 'RATE_LIMITED');
    if (limited && noData) {
      const wait = rateLimitWaitMs(response.headers, text, true, now) ?? backoff;
      return { kind: 'retry', waitMs: wait, reason: `GitHub GraphQL RATE_LIMITED: ${limited.message ?? ''}`.trim(), rateLimited: true };
    }
    const transient = errors.find((e) => /something went wrong|timeout|timed out/i.test(e.message ?? ''));
    if (transient && noData) {
      return { kind: 'retry', waitMs: backoff, reason: `GitHub GraphQL error: ${transient.message ?? ''}`, rateLimited: false };
    }
    return { kind: 'done', statuses: interpret(body) };
  }
}
