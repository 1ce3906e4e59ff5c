import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { LinkPorts } from '../use-cases/check-lists.js';

/**
 * What the app tells its operator, in Prometheus' text format on `GET /metrics`:
 *
 * - `listwarden_webhook_deliveries_total{event,result}`: deliveries answered; result `ok` (200),
 *   `accepted` (202: still processing after GitHub's 10 s), `rejected` (4xx: bad signature or
 *   payload; event `unverified`, as its headers are anyone's) or `error` (5xx: a handler failed);
 * - `listwarden_webhook_handler_duration_seconds{event,result}`: each handler run, `ok` or `error`;
 * - `listwarden_link_run_duration_seconds{kind}` (`review`, `report`) and `listwarden_links_checked_total{verdict}`;
 * - `listwarden_github_requests_total{installation,status}` (status `2xx`…`5xx`, or `network`)
 *   and `listwarden_github_rate_limit_remaining{installation}` (the last answer's
 *   `x-ratelimit-remaining`); `installation` is `app` for the app's own requests;
 * - `listwarden_jobs_waiting{kind}` and `listwarden_jobs_running{kind}`: read from the job
 *   sources registered with `watchJobs` when scraped (`webhook`: the handlers under way), and
 *   the jobs counted by `jobStarted` (`report`: report runs under way);
 * - Node's process metrics (`listwarden_process_*`, `listwarden_nodejs_*`).
 *
 * One registry per server, so tests (or two servers in one process) never share counters.
 */
export type DeliveryResult = 'ok' | 'accepted' | 'rejected' | 'error';
export type LinkRunKind = 'review' | 'report';

export interface GitHubResponse {
  /** HTTP status; undefined when no answer came (network failure, timeout). */
  status: number | undefined;
  /** `x-ratelimit-remaining` of the answer, when it had one. */
  rateLimitRemaining: number | undefined;
}

export interface JobCounts {
  waiting: number;
  running: number;
}

export interface AppMetrics {
  readonly registry: Registry;
  /** The text to answer a scrape with, and its content type. */
  scrape(): Promise<{ contentType: string; text: string }>;
  delivery(event: string, result: DeliveryResult): void;
  /** Times one handler run; call the returned function when it ends. */
  handlerStarted(event: string): (result: 'ok' | 'error') => void;
  githubResponse(installation: string, response: GitHubResponse): void;
  /** Counts the verdicts of a link run's probes and times it from now to its `close()`; kind `review` or `report`. */
  observeLinks<T extends { ports: LinkPorts; close(): Promise<void> }>(kind: LinkRunKind, links: T): T;
  /** A source of waiting and running jobs of one kind (webhook handlers, a worker pool). */
  watchJobs(kind: string, source: () => JobCounts): void;
  /** One job of this kind under way (a report run) until the returned function is called. */
  jobStarted(kind: string): () => void;
}

/** GitHub's event names are `[a-z_]+`; anything else is not an event and gets one label value. */
export function eventLabel(name: string | undefined): string {
  return name !== undefined && /^[a-z_]{1,64}$/.test(name) ? name : 'unknown';
}

export function statusClass(status: number | undefined): string {
  return status === undefined || !Number.isInteger(status) || status < 100 || status > 599 ? 'network' : `${Math.floor(status / 100)}xx`;
}

export function createMetrics(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'listwarden_' });

  const deliveries = new Counter({ name: 'listwarden_webhook_deliveries_total', help: 'Webhook deliveries answered, by event and result (ok, accepted, rejected, error).', labelNames: ['event', 'result'], registers: [registry] });
  const handlerSeconds = new Histogram({
    name: 'listwarden_webhook_handler_duration_seconds',
    help: 'Time from a webhook handler\'s start to its end, by event and result.',
    labelNames: ['event', 'result'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    registers: [registry],
  });
  const linkRunSeconds = new Histogram({
    name: 'listwarden_link_run_duration_seconds',
    help: 'Time a run of the link checker took: a pull request\'s review (or recheck) or a report.',
    labelNames: ['kind'],
    buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1200, 1800],
    registers: [registry],
  });
  const linksChecked = new Counter({ name: 'listwarden_links_checked_total', help: 'Links given a verdict by the link checker, by verdict (alive, dead, unverifiable).', labelNames: ['verdict'], registers: [registry] });
  const githubRequests = new Counter({ name: 'listwarden_github_requests_total', help: 'Requests to the GitHub API, by installation and status class.', labelNames: ['installation', 'status'], registers: [registry] });
  const rateLimit = new Gauge({ name: 'listwarden_github_rate_limit_remaining', help: 'x-ratelimit-remaining of the last GitHub API answer, by installation.', labelNames: ['installation'], registers: [registry] });

  const jobSources = new Map<string, () => JobCounts>();
  const started = new Map<string, number>();
  const jobs = (which: keyof JobCounts) =>
    new Gauge({
      name: `listwarden_jobs_${which}`,
      help: which === 'waiting' ? 'Jobs queued and not started, by kind.' : 'Jobs under way, by kind.',
      labelNames: ['kind'],
      registers: [registry],
      collect() {
        for (const [kind, source] of jobSources) this.set({ kind }, source()[which]);
        if (which === 'running') for (const [kind, count] of started) this.set({ kind }, count);
      },
    });
  jobs('waiting');
  jobs('running');

  return {
    registry,
    async scrape() {
      return { contentType: registry.contentType, text: await registry.metrics() };
    },
    delivery(event, result) {
      deliveries.inc({ event: eventLabel(event), result });
    },
    handlerStarted(event) {
      const end = handlerSeconds.startTimer({ event: eventLabel(event) });
      return (result) => end({ result });
    },
    githubResponse(installation, response) {
      githubRequests.inc({ installation, status: statusClass(response.status) });
      if (response.rateLimitRemaining !== undefined && Number.isFinite(response.rateLimitRemaining)) rateLimit.set({ installation }, response.rateLimitRemaining);
    },
    observeLinks(kind, links) {
      const end = linkRunSeconds.startTimer({ kind });
      // Each link's verdict as the checker settles it (a fresh verdict remembered in the link
      // state counts too); not the probes behind it, which include https variants and retries.
      const previous = links.ports.onProgress;
      let last = { done: 0, alive: 0, dead: 0, unverifiable: 0 };
      links.ports.onProgress = (progress) => {
        if (progress.done < last.done) last = { done: 0, alive: 0, dead: 0, unverifiable: 0 };
        for (const verdict of ['alive', 'dead', 'unverifiable'] as const) {
          if (progress[verdict] > last[verdict]) linksChecked.inc({ verdict }, progress[verdict] - last[verdict]);
        }
        last = { ...progress };
        previous?.(progress);
      };
      const close = links.close.bind(links);
      let ended = false;
      links.close = async () => {
        try {
          await close();
        } finally {
          if (!ended) end();
          ended = true;
        }
      };
      return links;
    },
    watchJobs(kind, source) {
      jobSources.set(kind, source);
    },
    jobStarted(kind) {
      started.set(kind, (started.get(kind) ?? 0) + 1);
      let done = false;
      return () => {
        if (!done) started.set(kind, started.get(kind)! - 1);
        done = true;
      };
    },
  };
}

/** The link ports, observed when there are metrics. */
export function observedLinks<T extends { ports: LinkPorts; close(): Promise<void> }>(metrics: AppMetrics | undefined, kind: LinkRunKind, links: T): T {
  return metrics ? metrics.observeLinks(kind, links) : links;
}

/** A webhook handler whose runs are timed by event and result, when there are metrics. */
export function timedHandler<A extends unknown[]>(metrics: AppMetrics | undefined, event: string, handler: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  if (!metrics) return handler;
  return async (...args: A) => {
    const end = metrics.handlerStarted(event);
    try {
      await handler(...args);
      end('ok');
    } catch (error) {
      end('error');
      throw error;
    }
  };
}
