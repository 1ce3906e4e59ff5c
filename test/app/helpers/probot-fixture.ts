/**
 * The app under test the way Probot's own tests run apps: a real Probot instance (a private
 * key made at test time, retries and throttling off), `probot.receive()` with real payloads
 * from @octokit/webhooks-examples, and nock in front of api.github.com. Both of the app's
 * clients go through nock: Probot's octokit (token exchange, config) and the GitHubPort
 * built over the installation token. Every request body is checked against GitHub's REST
 * request schemas, and every log line is kept, to look for secrets in.
 */
import { expect } from '@jest/globals';
import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';
import type { AppSettings } from '../../../src/app/app-settings.js';
import { listwardenApp } from '../../../src/app/app.js';
import { findOperation } from '../../github/helpers/request-schemas.js';
import { API, APP_ID, APP_SLUG, INSTALLATION_ID, NOW, OWNER, PRIVATE_KEY, REPO, SECRET, TOKEN } from './app-payloads.js';

import { capturedLog } from './captured-log.js';

export * from './app-payloads.js';
export * from './captured-log.js';

export const SETTINGS: AppSettings = {
  files: ['README.md'],
  checkLinks: 'none',
  reportLinks: false,
  maintenance: true,
  now: () => NOW,
  env: {},
  port: { retries: 0, throttle: { spaceWrites: false } },
};

export async function testProbot(settings: Partial<AppSettings> = {}): Promise<{ probot: Probot; lines: string[]; logText(): string }> {
  const { log, lines, text } = capturedLog();
  const probot = new Probot({
    appId: APP_ID,
    privateKey: PRIVATE_KEY,
    secret: SECRET,
    log,
    Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }),
  });
  await probot.load(listwardenApp({ ...SETTINGS, ...settings }));
  return { probot, lines, logText: text };
}

export interface SeenRequest {
  method: string;
  /** Path with the query, as sent. */
  path: string;
  body: unknown;
  authorization: string | null;
}

/**
 * nock in front of api.github.com that records each request it answers and checks each
 * write's body against GitHub's request schema. `done()` asserts no mock is left pending,
 * no request went unanswered, and every body fit.
 */
export class GitHubMock {
  readonly scope = nock(API);
  readonly seen: SeenRequest[] = [];
  private readonly unmatched: string[] = [];
  private readonly onNoMatch = (req: { method?: string; url?: string; path?: string }) => {
    this.unmatched.push(`${req.method ?? '?'} ${req.url ?? req.path ?? '?'}`);
  };

  constructor() {
    nock.disableNetConnect();
    nock.emitter.on('no match', this.onNoMatch);
    this.scope.on('request', (req: Request, _interceptor: unknown, body: string) => {
      const url = new URL(req.url);
      let parsed: unknown = body;
      try {
        parsed = body ? JSON.parse(body) : undefined;
      } catch {
        // not JSON: kept as text
      }
      this.seen.push({ method: req.method, path: url.pathname + url.search, body: parsed, authorization: req.headers.get('authorization') });
    });
  }

  /** The token exchange Probot makes before the first installation request, and GET /app for the bot's login. */
  installation(times = 1): this {
    this.scope
      .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
      .times(times)
      .reply(201, { token: TOKEN, expires_at: '2099-01-01T00:00:00Z', permissions: { contents: 'write', issues: 'write', pull_requests: 'write', checks: 'write', metadata: 'read' }, repository_selection: 'all' });
    return this;
  }

  appIdentity(): this {
    this.scope.get('/app').reply(200, { id: APP_ID, slug: APP_SLUG, name: 'listwarden test', owner: { login: OWNER } });
    return this;
  }

  /** `.github/listwarden.yml` of the repository: text, or undefined for none (then the owner's .github repository is asked too). */
  config(text: string | undefined): this {
    const path = `/repos/${OWNER}/${REPO}/contents/.github%2Flistwarden.yml`;
    if (text === undefined) {
      this.scope.get(path).reply(404, { message: 'Not Found' });
      this.scope.get(`/repos/${OWNER}/.github/contents/.github%2Flistwarden.yml`).reply(404, { message: 'Not Found' });
    } else {
      this.scope.get(path).reply(200, text, { 'content-type': 'text/plain; charset=utf-8' });
    }
    return this;
  }

  /** Requests of a method whose path (without the query) matches. */
  requests(method: string, path: string | RegExp): SeenRequest[] {
    return this.seen.filter((r) => r.method === method && (typeof path === 'string' ? r.path.split('?')[0] === path : path.test(r.path)));
  }

  get writes(): SeenRequest[] {
    return this.seen.filter((r) => r.method !== 'GET' && !r.path.startsWith('/app/'));
  }

  done(): void {
    nock.emitter.removeListener('no match', this.onNoMatch);
    expect(this.unmatched).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
    // As the stand-in judges: a DELETE without a body has nothing to validate.
    for (const write of this.writes.filter((w) => !(w.method === 'DELETE' && w.body === undefined))) {
      const request = `${write.method} ${write.path.split('?')[0]!}`;
      const operation = findOperation(write.method, write.path.split('?')[0]!);
      const errors = operation ? operation.validate(write.body ?? {}) : ['no request schema for this operation in the fixtures'];
      expect({ request, errors }).toEqual({ request, errors: [] });
    }
    // The port writes with the installation token, as the Action writes with GITHUB_TOKEN.
    for (const request of this.seen.filter((r) => !r.path.startsWith('/app'))) expect(request.authorization).toBe(`token ${TOKEN}`);
    nock.cleanAll();
  }
}
