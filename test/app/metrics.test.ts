/**
 * What an operator sees of the running app: the real server (startServer) on 127.0.0.1 with
 * its JSON log captured, a signed webhook delivery from @octokit/webhooks-examples, then a
 * scrape of GET /metrics parsed as Prometheus text. The GitHub API is the local stand-in under
 * /api/v3, the links a loopback farm.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { ProbotOctokit } from 'probot';
import { startServer, type RunningServer } from '../../src/app/server.js';
import { createMetrics, eventLabel, statusClass } from '../../src/app/metrics.js';
import { createOctokit } from '../../src/github/octokit-client.js';
import { startGitHubApiStandIn, type GitHubApiStandIn } from '../github/helpers/api-stand-in.js';
import { startLinkFarm, type LinkFarm } from '../links/helpers/link-farm.js';
import { addAppRoutes } from './helpers/app-routes.js';
import { APP_ID, PRIVATE_KEY, SECRET, payloadFor } from './helpers/app-payloads.js';
import { parsePrometheusText, type ParsedMetrics } from './helpers/prometheus-text.js';

const OWNER = 'octo';
const REPO = 'awesome-things';
const SLUG = 'listwarden-metrics';
const INSTALLATION = 5150;

let api: GitHubApiStandIn;
let farm: LinkFarm;
let server: RunningServer | undefined;
let logLines: string[];
let releaseGone: () => void;
let goneRequested: Promise<void>;

function baseList(): string {
  return ['# Awesome Things', '', '## Tools', '', `- [Alive](${farm.url('/alive')}) - Works.`, ''].join('\n');
}

async function start(env: Record<string, string> = {}): Promise<RunningServer> {
  logLines = [];
  const origin = new URL(api.url);
  server = await startServer(
    {
      APP_ID: String(APP_ID),
      PRIVATE_KEY,
      WEBHOOK_SECRET: SECRET,
      PORT: '0',
      HOST: '127.0.0.1',
      GHE_HOST: origin.host,
      GHE_PROTOCOL: 'http',
      LOG_LEVEL: 'debug',
      LISTWARDEN_ALLOW_PRIVATE: 'true',
      LISTWARDEN_SCHEDULE_INTERVAL_MS: '0',
      ...env,
    },
    {
      probot: { Octokit: ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } }) },
      settings: { port: { retries: 0, throttle: { spaceWrites: false } } },
      scheduler: { firstRoundMs: 3600_000 },
      logStream: new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
          done();
        },
      }),
    },
  );
  return server;
}

const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

async function deliver(id: string, event: string, payload: unknown, secret = SECRET): Promise<number> {
  const body = JSON.stringify(payload);
  const response = await fetch(`${server!.url}/api/github/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-github-event': event, 'x-github-delivery': id, 'x-hub-signature-256': sign(body, secret) },
    body,
  });
  await response.text();
  // The delivery is answered at once; its handler goes on (in the app's worker pool for the checks).
  await server!.settled();
  return response.status;
}

async function scrape(): Promise<ParsedMetrics & { contentType: string }> {
  const response = await fetch(`${server!.url}/metrics`);
  expect(response.status).toBe(200);
  return { ...parsePrometheusText(await response.text()), contentType: response.headers.get('content-type') ?? '' };
}

/** A pull request that adds a dead link and a live one: the review checks both. */
function pullOpened(): unknown {
  const head = baseList() + `- [Gone](${farm.url('/gone')}) - Went away.\n- [Other](${farm.url('/other')}) - Also works.\n`;
  api.pushCommit(OWNER, REPO, 'add-tools', { files: { 'README.md': head }, message: 'Add tools' });
  const pull = api.openPull(OWNER, REPO, { head: 'add-tools', title: 'Add tools' });
  return payloadFor<{ number: number; pull_request: { number: number; base: { sha: string; ref: string }; head: { sha: string; ref: string } } }>('pull_request', 'opened', (p) => {
    p.number = p.pull_request.number = pull.number;
    p.pull_request.base.sha = pull.base.sha;
    p.pull_request.base.ref = pull.base.ref;
    p.pull_request.head.sha = pull.head.sha;
    p.pull_request.head.ref = pull.head.ref;
    p.installation = { id: INSTALLATION, node_id: 'x' };
  });
}

beforeEach(async () => {
  let requested!: () => void;
  goneRequested = new Promise((resolve) => (requested = resolve));
  const released = new Promise<void>((resolve) => (releaseGone = resolve));
  farm = await startLinkFarm({
    '/alive': { status: 200, body: '<title>Alive</title>' },
    '/other': { status: 200, body: '<title>Other</title>' },
    // Held until the test lets it answer: the handler is running meanwhile.
    '/gone': async (_req, res) => {
      requested();
      await released;
      res.writeHead(404).end('gone');
    },
  });
  api = await startGitHubApiStandIn({ basePath: '/api/v3', login: `${SLUG}[bot]` });
  api.setRepository(OWNER, REPO, { defaultBranch: 'main' });
  api.pushCommit(OWNER, REPO, 'main', { files: { 'README.md': baseList(), '.github/listwarden.yml': 'rules:\n  prefer-https: "off"\n' }, message: 'The list' });
  addAppRoutes(api, { id: APP_ID, slug: SLUG }, [{ id: INSTALLATION, account: OWNER, repositories: [{ owner: OWNER, repo: REPO }] }]);
});

afterEach(async () => {
  releaseGone();
  await server?.close(5_000);
  server = undefined;
  await api.close();
  await farm.close();
});

describe('GET /metrics on the running app', () => {
  it('a signed pull_request delivery moves the delivery, handler, link, GitHub and job metrics', async () => {
    await start();
    const before = await scrape();
    expect(before.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(before.value('listwarden_webhook_deliveries_total', { event: 'pull_request', result: 'ok' })).toBe(0);
    expect(before.value('listwarden_jobs_running', { kind: 'webhook' })).toBe(0);
    // Every metric the README promises is declared, with its type.
    expect(Object.fromEntries([...before.types].filter(([name]) => name.startsWith('listwarden_') && !/process|nodejs/.test(name)))).toEqual({
      listwarden_webhook_deliveries_total: 'counter',
      listwarden_webhook_handler_duration_seconds: 'histogram',
      listwarden_link_run_duration_seconds: 'histogram',
      listwarden_links_checked_total: 'counter',
      listwarden_github_requests_total: 'counter',
      listwarden_github_rate_limit_remaining: 'gauge',
      listwarden_jobs_waiting: 'gauge',
      listwarden_jobs_running: 'gauge',
    });
    expect(before.types.get('listwarden_process_cpu_user_seconds_total')).toBe('counter');

    const delivered = deliver('delivery-pr-1', 'pull_request', pullOpened());
    await goneRequested;
    // The handler waits on the held link: one webhook job running.
    const during = await scrape();
    expect(during.value('listwarden_jobs_running', { kind: 'webhook' })).toBe(1);
    expect(during.value('listwarden_jobs_waiting', { kind: 'webhook' })).toBe(0);
    releaseGone();
    expect(await delivered).toBe(200);
    expect(api.invalid).toEqual([]);
    expect(api.state.checkRuns).toHaveLength(1);

    const after = await scrape();
    expect(after.value('listwarden_webhook_deliveries_total', { event: 'pull_request', result: 'ok' })).toBe(1);
    expect(after.value('listwarden_webhook_handler_duration_seconds_count', { event: 'pull_request', result: 'ok' })).toBe(1);
    expect(after.value('listwarden_webhook_handler_duration_seconds_sum', { event: 'pull_request', result: 'ok' })).toBeGreaterThan(0);
    expect(after.value('listwarden_link_run_duration_seconds_count', { kind: 'review' })).toBe(1);
    // The PR adds /gone and /other: one dead, one alive (the unchanged /alive is not checked,
    // and the https variant tried for /other is no link of the list).
    expect(after.value('listwarden_links_checked_total', { verdict: 'dead' })).toBe(1);
    expect(after.value('listwarden_links_checked_total', { verdict: 'alive' })).toBe(1);
    expect(after.value('listwarden_links_checked_total', { verdict: 'unverifiable' })).toBe(0);
    // Every request GitHub got is counted once: the app's own (signed as the app: who it is)
    // and those made for the installation (its token exchange, the config, the files, the check run, …).
    const appRequests = after.value('listwarden_github_requests_total', { installation: 'app', status: '2xx' });
    const installationRequests = after.value('listwarden_github_requests_total', { installation: String(INSTALLATION), status: '2xx' });
    expect(appRequests).toBeGreaterThan(0);
    expect(appRequests + installationRequests).toBe(api.requests.length);
    expect(installationRequests).toBeGreaterThan(5);
    expect(after.value('listwarden_github_rate_limit_remaining', { installation: String(INSTALLATION) })).toBe(4999);
    expect(after.value('listwarden_jobs_running', { kind: 'webhook' })).toBe(0);
  });

  it('a delivery with a wrong signature counts as rejected under one label, whatever its event header says', async () => {
    await start();
    expect(await deliver('forged-1', 'pull_request', { action: 'opened' }, 'not-the-secret')).toBe(400);
    expect(await deliver('forged-2', 'made_up_event_name', { action: 'opened' }, 'not-the-secret')).toBe(400);
    const metrics = await scrape();
    expect(metrics.value('listwarden_webhook_deliveries_total', { event: 'unverified', result: 'rejected' })).toBe(2);
    expect([...metrics.samples.keys()].filter((k) => k.startsWith('listwarden_webhook_deliveries_total'))).toHaveLength(1);
  });

  it('a delivery whose handler fails: answered at once (ok), the failure in the handler durations', async () => {
    await start();
    // The pull request's files cannot be read: GitHub answers 500 (no retries in this test).
    api.failNext('GET', /\/pulls\/\d+\/files/, { status: 500, times: 5 });
    api.failNext('GET', /\/contents\//, { status: 500, times: 20 });
    const status = await deliver('delivery-fail-1', 'pull_request', pullOpened());
    expect(status).toBe(200);
    const metrics = await scrape();
    expect(metrics.value('listwarden_webhook_deliveries_total', { event: 'pull_request', result: 'ok' })).toBe(1);
    expect(metrics.value('listwarden_webhook_deliveries_total', { event: 'pull_request', result: 'error' })).toBe(0);
    expect(metrics.value('listwarden_webhook_handler_duration_seconds_count', { event: 'pull_request', result: 'error' })).toBe(1);
    expect(metrics.value('listwarden_github_requests_total', { installation: String(INSTALLATION), status: '5xx' })).toBeGreaterThan(0);
  });
});

describe('GET /metrics during a scheduled report', () => {
  it('the report is a running job while its links are checked; its link run is timed and its verdicts counted', async () => {
    const running = await start({ LISTWARDEN_SCHEDULE_INTERVAL_MS: '3600000' });
    api.pushCommit(OWNER, REPO, 'main', { files: { 'README.md': baseList() + `- [Gone](${farm.url('/gone')}) - Went away.\n` }, message: 'Rot' });
    const round = running.scheduler!.runRound();
    await goneRequested;
    const during = await scrape();
    expect(during.value('listwarden_jobs_running', { kind: 'report' })).toBe(1);
    releaseGone();
    expect(await round).toMatchObject({ ran: 1, failed: 0 });
    const after = await scrape();
    expect(after.value('listwarden_jobs_running', { kind: 'report' })).toBe(0);
    expect(after.value('listwarden_link_run_duration_seconds_count', { kind: 'report' })).toBe(1);
    expect(after.value('listwarden_link_run_duration_seconds_count', { kind: 'review' })).toBe(0);
    expect(after.value('listwarden_links_checked_total', { verdict: 'dead' })).toBe(1);
    expect(after.value('listwarden_links_checked_total', { verdict: 'alive' })).toBe(1);
    // The scheduler's lines belong to no delivery.
    expect(logLines.map((l) => (JSON.parse(l) as { deliveryId?: string }).deliveryId).filter(Boolean)).toEqual([]);
  });
});

describe('the JSON log', () => {
  it('one JSON object a line; every line written while a delivery is handled carries its id and event', async () => {
    await start();
    const startup = logLines.length;
    expect(startup).toBeGreaterThan(0);
    releaseGone();
    expect(await deliver('delivery-log-7', 'pull_request', pullOpened())).toBe(200);
    const lines = logLines.slice(startup).map((l) => JSON.parse(l) as { msg: string; deliveryId?: string; event?: string; level: number });
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect({ msg: line.msg, deliveryId: line.deliveryId, event: line.event }).toEqual({ msg: line.msg, deliveryId: 'delivery-log-7', event: 'pull_request' });
    expect(lines.some((l) => /^pull request #\d+: \d+ problem\(s\) in the changed lines/.test(l.msg))).toBe(true);
    // Lines from before any delivery carry none.
    expect(logLines.slice(0, startup).map((l) => (JSON.parse(l) as { deliveryId?: string }).deliveryId)).toEqual(Array(startup).fill(undefined));
  });

  it('an unknown LOG_LEVEL stops the start with a message that says what is expected', async () => {
    await expect(start({ LOG_LEVEL: 'verbose' })).rejects.toThrow('LOG_LEVEL is "verbose" — expected one of trace, debug, info, warn, error, fatal, silent');
  });
});

describe('metrics pieces', () => {
  it('event labels are GitHub event names or "unknown"; status classes', () => {
    expect(eventLabel('pull_request')).toBe('pull_request');
    expect(eventLabel('Pull-Request')).toBe('unknown');
    expect(eventLabel('a'.repeat(64))).toBe('a'.repeat(64));
    expect(eventLabel('a'.repeat(65))).toBe('unknown');
    expect(eventLabel(undefined)).toBe('unknown');
    expect([statusClass(200), statusClass(304), statusClass(404), statusClass(599), statusClass(600), statusClass(undefined)]).toEqual(['2xx', '3xx', '4xx', '5xx', 'network', 'network']);
  });

  it('the GitHub client reports each answer after retries, its rate limit left, and failures with no answer', async () => {
    let remaining = 43;
    const github: Server = createServer((req, res) => {
      if (req.url?.startsWith('/broken')) return void res.writeHead(502, { 'x-ratelimit-remaining': '40' }).end('{}');
      remaining -= 1;
      res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining': String(remaining) }).end('{}');
    });
    await new Promise<void>((resolve) => github.listen(0, '127.0.0.1', resolve));
    const { port } = github.address() as AddressInfo;
    const metrics = createMetrics();
    const observe = (installation: string) => (response: { status: number | undefined; rateLimitRemaining: number | undefined }) => metrics.githubResponse(installation, response);
    try {
      const octokit = createOctokit({ token: 't', baseUrl: `http://127.0.0.1:${port}`, retries: 0, throttle: { spaceWrites: false }, onResponse: observe('7') });
      await octokit.request('GET /zen');
      await octokit.request('GET /zen');
      await expect(octokit.request('GET /broken')).rejects.toThrow();
      const closed = createOctokit({ token: 't', baseUrl: 'http://127.0.0.1:9', retries: 0, onResponse: observe('8') });
      await expect(closed.request('GET /zen')).rejects.toThrow();
      const parsed = parsePrometheusText((await metrics.scrape()).text);
      expect(parsed.value('listwarden_github_requests_total', { installation: '7', status: '2xx' })).toBe(2);
      expect(parsed.value('listwarden_github_requests_total', { installation: '7', status: '5xx' })).toBe(1);
      // The last answer's figure: the 502 said 40.
      expect(parsed.value('listwarden_github_rate_limit_remaining', { installation: '7' })).toBe(40);
      expect(parsed.value('listwarden_github_requests_total', { installation: '8', status: 'network' })).toBe(1);
      expect(parsed.samples.has('listwarden_github_rate_limit_remaining{installation="8"}')).toBe(false);
    } finally {
      await new Promise((resolve) => github.close(resolve));
    }
  });

  it('job sources are read at each scrape', async () => {
    const metrics = createMetrics();
    let counts = { waiting: 3, running: 2 };
    metrics.watchJobs('pool', () => counts);
    expect(parsePrometheusText((await metrics.scrape()).text).value('listwarden_jobs_waiting', { kind: 'pool' })).toBe(3);
    counts = { waiting: 0, running: 4 };
    const parsed = parsePrometheusText((await metrics.scrape()).text);
    expect([parsed.value('listwarden_jobs_waiting', { kind: 'pool' }), parsed.value('listwarden_jobs_running', { kind: 'pool' })]).toEqual([0, 4]);
  });
});
