import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DestinationStream } from 'pino';
import { createNodeMiddleware, createProbot, ProbotOctokit, type Options, type Probot } from 'probot';
import { listwardenApp } from './app.js';
import { appSettingsFromEnv, SettingsError, type AppSettings } from './app-settings.js';
import { InFlight } from './in-flight.js';
import { createAppLogger, withDelivery } from './logging.js';
import { createMetrics, type AppMetrics, type DeliveryResult } from './metrics.js';
import { withRequestMetrics } from './octokit-metrics.js';
import { builtWorkerFile, CheckPool, DEFAULT_CHECK_DEADLINE_MS } from './check-pool.js';
import { DEFAULT_INTERVAL_MS, startScheduler, type Scheduler, type SchedulerOptions } from './scheduler.js';

/**
 * The app as a Node service: Probot configured from Probot's standard environment
 * (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, HOST, WEBHOOK_PATH,
 * LOG_LEVEL, LOG_FORMAT, GHE_HOST, GHE_PROTOCOL), its webhook middleware on an HTTP server,
 * a health check at `/ping`, Prometheus metrics at `/metrics` (see metrics.ts), the report
 * scheduler beside it, and one JSON log line per event with the delivery id (see logging.ts).
 */
export interface RunningServer {
  /** `http://host:port`, once listening. */
  url: string;
  port: number;
  probot: Probot;
  metrics: AppMetrics;
  scheduler?: Scheduler;
  /** Waits up to `timeoutMs` for the webhook handlers under way (deliveries are answered before their work ends); true when none is left. */
  settled(timeoutMs?: number): Promise<boolean>;
  /**
   * Graceful stop: no new connections or scheduler rounds, then a wait of at most
   * `timeoutMs` for webhook handlers and the report under way. True when all finished.
   */
  close(timeoutMs?: number): Promise<boolean>;
}

export interface ServerOverrides {
  /** Replaces the settings read from the environment (tests). */
  settings?: Partial<AppSettings>;
  /** Probot options that win over the environment (tests: an Octokit without retries). */
  probot?: Options;
  /** Scheduler options beyond the interval (tests: when the first round starts). */
  scheduler?: Omit<SchedulerOptions, 'intervalMs'>;
  /** Where the JSON log goes instead of standard output (tests). */
  logStream?: DestinationStream;
  /** The check pool's worker module (tests running the sources: a bundle of check-worker.ts). */
  checkWorker?: string;
}

export class StartError extends Error {}

const DEFAULT_SHUTDOWN_MS = 25_000;

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new SettingsError(`${name} is "${text}" — expected a whole number of milliseconds`);
  return value;
}

export async function startServer(env: NodeJS.ProcessEnv = process.env, overrides: ServerOverrides = {}): Promise<RunningServer> {
  if (!env.APP_ID) throw new StartError('APP_ID is not set — set it to the App ID from the GitHub App\'s settings page (or run `npm run app` once without it to register the app from app.yml)');
  if (!env.WEBHOOK_SECRET) throw new StartError('WEBHOOK_SECRET is not set — set it to the webhook secret of the GitHub App, so listwarden can tell GitHub\'s deliveries from forgeries');
  const metrics = createMetrics();
  const base: AppSettings = { ...appSettingsFromEnv(env), ...overrides.settings };
  const settings: AppSettings = { ...base, metrics, port: { ...base.port, observe: (installation) => (response) => metrics.githubResponse(installation, response) } };
  const appLog = overrides.probot?.log ?? createAppLogger(env, overrides.logStream);
  const intervalMs = positiveInt(env, 'LISTWARDEN_SCHEDULE_INTERVAL_MS', DEFAULT_INTERVAL_MS);
  const shutdownMs = positiveInt(env, 'LISTWARDEN_SHUTDOWN_TIMEOUT_MS', DEFAULT_SHUTDOWN_MS);

  let probot: Probot;
  try {
    probot = createProbot({
      env,
      overrides: {
        logLevel: (env.LOG_LEVEL as 'info' | undefined) ?? 'info',
        ...overrides.probot,
        ...(appLog ? { log: appLog } : {}),
        Octokit: withRequestMetrics(overrides.probot?.Octokit ?? ProbotOctokit, metrics),
      },
    });
  } catch (error) {
    throw new StartError(`${error instanceof Error ? error.message : String(error)} — set PRIVATE_KEY (the key's text) or PRIVATE_KEY_PATH (its .pem file) from the GitHub App's settings page`);
  }
  // GitHub's delivery is answered at once; the work goes on (counted for shutdown), and the
  // parse and rules run in the worker pool, each job within its deadline. (Probot's logger
  // exists once the middleware is made.)
  const inFlight = new InFlight({ detach: true, onError: (error) => probot.log.error({ err: error }, `webhook handler failed: ${error instanceof Error ? error.message : String(error)}`) });
  const workerFile = overrides.checkWorker ?? builtWorkerFile();
  const pool = workerFile
    ? new CheckPool({ filename: workerFile, deadlineMs: positiveInt(env, 'LISTWARDEN_CHECK_DEADLINE_MS', DEFAULT_CHECK_DEADLINE_MS), ...(env.LISTWARDEN_CHECK_THREADS ? { threads: Math.max(1, positiveInt(env, 'LISTWARDEN_CHECK_THREADS', 2)) } : {}) })
    : undefined;
  if (pool) {
    settings.rules = pool.run;
    settings.fixes = pool.fix;
    metrics.watchJobs('check', () => pool.counts());
  }
  const middleware = await createNodeMiddleware(listwardenApp(settings, inFlight), { probot, webhooksPath: env.WEBHOOK_PATH || undefined });
  const log = probot.log.child({ name: 'listwarden' });
  const webhooksPath = env.WEBHOOK_PATH || '/api/github/webhooks';
  metrics.watchJobs('webhook', () => ({ waiting: 0, running: inFlight.size }));
  if (!pool) log.warn('no built check worker (run `npm run build`): lists are checked on the event loop');

  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/ping' || req.url === '/healthz')) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('PONG');
      return;
    }
    if (req.method === 'GET' && req.url === '/metrics') {
      void metrics.scrape().then(
        ({ contentType, text }) => res.writeHead(200, { 'content-type': contentType }).end(text),
        (error: unknown) => {
          log.error({ err: error }, 'metrics: the scrape failed');
          res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n');
        },
      );
      return;
    }
    const delivery = req.method === 'POST' && req.url?.split('?')[0] === webhooksPath;
    if (delivery) {
      res.once('finish', () => {
        const result = deliveryResult(res.statusCode);
        // A refused delivery's headers are anyone's: one label for them all.
        metrics.delivery(result === 'rejected' ? 'unverified' : String(req.headers['x-github-event'] ?? ''), result);
      });
    }
    const handle = () =>
      void Promise.resolve(middleware(req, res)).then((handled) => {
        if (!handled && !res.headersSent) res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      });
    if (delivery) withDelivery(req.headers, handle);
    else handle();
  });
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST || 'localhost';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new StartError(`port ${port} on ${host} is in use — set PORT to a free one`) : error),
    );
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  log.info(`listwarden app listening on ${url}${webhooksPath} (metrics on ${url}/metrics)`);

  const scheduler = intervalMs > 0 ? startScheduler(probot, settings, { ...overrides.scheduler, intervalMs }) : undefined;
  if (scheduler) log.info(`scheduled reports: a round every ${Math.round(intervalMs / 60_000)} min`);
  else log.info('scheduled reports are off (LISTWARDEN_SCHEDULE_INTERVAL_MS=0)');

  let closing: Promise<boolean> | undefined;
  return {
    url,
    port: address.port,
    probot,
    metrics,
    ...(scheduler ? { scheduler } : {}),
    settled: (timeoutMs = shutdownMs) => inFlight.drain(timeoutMs),
    close(timeoutMs = shutdownMs) {
      closing ??= (async () => {
        const deadline = Date.now() + timeoutMs;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const schedulerDone = scheduler ? await scheduler.stop(timeoutMs) : true;
        const handlersDone = await inFlight.drain(Math.max(0, deadline - Date.now()));
        if (!handlersDone) log.warn(`stopping: ${inFlight.size} webhook handler(s) still running after ${Math.round(timeoutMs / 1000)} s — GitHub's redelivery or the next command finishes their work`);
        // The answers to GitHub of handlers that just finished go out; then the rest is cut.
        await settle(server, closed, Math.min(2_000, Math.max(0, deadline - Date.now())));
        server.closeAllConnections();
        await closed;
        await pool?.close();
        log.info('listwarden app stopped');
        return schedulerDone && handlersDone;
      })();
      return closing;
    },
  };
}

/** Waits up to `ms` for the server's connections to end by themselves, closing each as it falls idle. */
async function settle(server: Server, closed: Promise<void>, ms: number): Promise<void> {
  let done = false;
  void closed.then(() => {
    done = true;
  });
  const until = Date.now() + ms;
  while (!done && Date.now() < until) {
    server.closeIdleConnections();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function deliveryResult(status: number): DeliveryResult {
  if (status === 200) return 'ok';
  if (status >= 200 && status < 300) return 'accepted';
  return status >= 500 ? 'error' : 'rejected';
}
