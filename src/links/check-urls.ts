import { setMaxListeners } from 'node:events';
import type { LinkProber, ProbeResult } from './types.js';
import type { LinkState, UrlMemory } from './link-state.js';
import { parseGitHubRepoUrl } from './github/parse-github-url.js';

/** The answer about one repository from the GitHub API (see github/github-repo-checker.ts). */
export interface RepoAnswer {
  key: string;
  state: 'ok' | 'renamed' | 'archived' | 'missing' | 'unknown';
  nameWithOwner?: string;
  url?: string;
  isArchived?: boolean;
  /** Last push (ISO), and for an archived repository the successor it names (see github/successor.ts). */
  pushedAt?: string;
  successor?: { url?: string; evidence: string; source: 'description' | 'README' };
  reason: string;
}

export interface RepoLookup {
  check(repos: { owner: string; repo: string }[]): Promise<Map<string, RepoAnswer>>;
}

export interface UrlOutcome {
  url: string;
  result: ProbeResult;
  /** The verdict came from the link state (alive within its TTL): no request was sent. */
  fromCache: boolean;
  /** What the GitHub API said, for repository links checked through it. */
  repo?: RepoAnswer;
  /** For an http:// URL: the probe of its https:// twin. */
  https?: ProbeResult;
  /** Dead in enough runs over enough days (needs the link state; without it, never). */
  confirmedDead: boolean;
  memory?: UrlMemory;
}

export interface Progress {
  done: number;
  total: number;
  alive: number;
  dead: number;
  unverifiable: number;
}

export interface CheckUrlsOptions {
  prober: LinkProber;
  state?: LinkState;
  github?: RepoLookup;
  now?: () => number;
  /** Stop starting new checks after this long; what is left waits for the next run. */
  budgetMs?: number;
  /** Check at most this many URLs over HTTP (the stalest first); the rest are counted in `overCap`. */
  maxUrls?: number;
  onProgress?: (progress: Progress) => void;
  /**
   * Asked when the first probes all fail without reaching their host (no name, no route,
   * refused, timed out): can this machine reach the network at all? Only this probe of the
   * network itself decides: if it says no, the run stops and no link is reported dead (they
   * are "not checked"). Without it the network is never suspected: links that fail are
   * reported by the usual rules, however many hosts they are on.
   */
  networkCheck?: () => Promise<boolean>;
}

export interface UrlRun {
  outcomes: Map<string, UrlOutcome>;
  /** URLs the budget left for the next run (the stalest were checked first). */
  leftForNextRun: number;
  /** URLs not checked because there were more than `maxUrls`. */
  overCap: number;
  /** When the time budget ends (ms, the `now` clock), when there is one: later work (archived copies) stays inside it. */
  deadline?: number;
  /** No host at all could be reached: nothing is reported dead. */
  networkUnavailable: boolean;
  /** URLs that got no verdict because the network was unavailable. */
  notChecked: number;
  /** HTTP requests sent. */
  requests: number;
  /** Verdicts reused from the link state. */
  fromCache: number;
}

/** Failures that reached no host: what every link gives when the machine has no network. */
const UNREACHED_CAUSES = new Set(['dns-failure', 'network-unreachable', 'dns-not-found', 'connection-refused', 'timeout']);
/** Probes (or all of them, when fewer) that must all reach no host before the network itself is probed. */
export const SUSPECT_AFTER = 8;

/** A verdict remembered in the link state, as a probe result (no request sent). */
export function fromMemory(url: string, memory: UrlMemory): ProbeResult {
  return {
    url,
    verdict: memory.verdict,
    cause: memory.cause as ProbeResult['cause'],
    ...(memory.status !== undefined ? { status: memory.status } : {}),
    reason: memory.reason,
    redirects: memory.redirects ?? [],
    finalUrl: memory.finalUrl ?? url,
    permanentRedirect: memory.permanentRedirect ?? false,
    titles: memory.titles ?? [],
    checkedAt: memory.checkedAt,
    requests: 0,
    durationMs: 0,
  };
}

function fromRepo(url: string, answer: RepoAnswer, at: string): ProbeResult | undefined {
  const base = { url, redirects: [], titles: answer.nameWithOwner ? [answer.nameWithOwner.split('/')[1]!] : [], checkedAt: at, requests: 0, durationMs: 0 };
  switch (answer.state) {
    case 'ok':
    case 'archived':
      return { ...base, verdict: 'alive', cause: 'ok', status: 200, reason: answer.reason, finalUrl: url, permanentRedirect: false };
    case 'renamed': {
      const target = answer.url ?? `https://github.com/${answer.nameWithOwner}`;
      const parsed = parseGitHubRepoUrl(url);
      const finalUrl = parsed ? `${target.replace(/\/$/, '')}${parsed.rest}` : target;
      return { ...base, verdict: 'alive', cause: 'ok', status: 200, reason: answer.reason, finalUrl, permanentRedirect: true, redirects: [{ url, status: 301 }] };
    }
    case 'missing':
      return { ...base, verdict: 'dead', cause: 'not-found', status: 404, reason: answer.reason, finalUrl: url, permanentRedirect: false };
    default:
      return undefined;
  }
}

/**
 * Checks every distinct URL once: fresh verdicts come from the link state, repository
 * links from the GitHub API when there is a token, the rest from the prober, stalest
 * first. http:// URLs also get their https:// twin checked.
 */
export async function checkUrls(urls: string[], options: CheckUrlsOptions): Promise<UrlRun> {
  const now = options.now ?? Date.now;
  const state = options.state;
  const outcomes = new Map<string, UrlOutcome>();
  const progress: Progress = { done: 0, total: urls.length, alive: 0, dead: 0, unverifiable: 0 };
  let requests = 0;
  let fromCache = 0;
  // The budget counts from the start: the GitHub API's answers are inside it too.
  const started = now();
  const settle = (outcome: UrlOutcome) => {
    outcomes.set(outcome.url, outcome);
    progress.done++;
    progress[outcome.result.verdict]++;
    options.onProgress?.({ ...progress });
  };

  // 1. Fresh alive verdicts need no request.
  let todo: string[] = [];
  for (const url of urls) {
    const memory = state?.fresh(url, now());
    if (memory) {
      fromCache++;
      settle({ url, result: fromMemory(url, memory), fromCache: true, confirmedDead: false, memory });
    } else todo.push(url);
  }

  // 2. Repository links through the GitHub API, batched.
  if (options.github) {
    const repoUrls = todo.filter((url) => parseGitHubRepoUrl(url));
    if (repoUrls.length > 0) {
      const repos = repoUrls.map((url) => parseGitHubRepoUrl(url)!);
      const answers = await options.github.check(repos.map((r) => ({ owner: r.owner, repo: r.repo })));
      const at = new Date(now()).toISOString();
      const viaApi = new Set<string>();
      repoUrls.forEach((url, i) => {
        const repo = repos[i]!;
        const answer = answers.get(`${repo.owner}/${repo.repo}`.toLowerCase());
        const result = answer ? fromRepo(url, answer, at) : undefined;
        if (!answer || !result) return;
        viaApi.add(url);
        settle({ url, result, fromCache: false, repo: answer, confirmedDead: false });
      });
      todo = todo.filter((url) => !viaApi.has(url));
    }
  }

  // 3. The rest over HTTP, stalest first, up to the cap, until the budget runs out.
  todo.sort((a, b) => (state?.lastChecked(a) ?? 0) - (state?.lastChecked(b) ?? 0));
  const overCap = options.maxUrls !== undefined ? Math.max(0, todo.length - options.maxUrls) : 0;
  if (overCap > 0) todo = todo.slice(0, options.maxUrls);
  const deadline = options.budgetMs !== undefined ? started + options.budgetMs : Infinity;
  const stop = new AbortController();
  // Each probe under way follows this signal (its own clock joins it): one listener per probe.
  setMaxListeners(0, stop.signal);
  let budgetSpent = false;
  let offline = false;
  const timer = deadline < Infinity ? setTimeout(() => { budgetSpent = true; stop.abort(new Error('budget spent')); }, Math.max(0, deadline - now())) : undefined;
  let left = 0;
  let reached = false;
  let unreachable: UrlOutcome[] = [];
  let suspicion: Promise<void> | undefined;
  const suspectNetwork = (outcome: UrlOutcome) => {
    if (UNREACHED_CAUSES.has(outcome.result.cause)) unreachable.push(outcome);
    else reached = true;
    const probe = options.networkCheck;
    if (!probe || reached || suspicion || unreachable.length < Math.min(SUSPECT_AFTER, todo.length)) return;
    suspicion = (async () => {
      const down = !(await probe());
      if (down && !reached) {
        offline = true;
        stop.abort(new Error('network unavailable'));
      }
    })();
  };
  await Promise.all(
    todo.map(async (url) => {
      try {
        const result = await options.prober.probe(url, stop.signal);
        if (stop.signal.aborted && (result.cause === 'timeout' || offline)) {
          left++;
          return;
        }
        requests += result.requests;
        let https: ProbeResult | undefined;
        if (url.startsWith('http://') && !stop.signal.aborted && result.verdict !== 'dead') {
          https = await options.prober.probe(`https://${url.slice('http://'.length)}`, stop.signal);
          requests += https.requests;
        }
        const outcome: UrlOutcome = { url, result, fromCache: false, ...(https ? { https } : {}), confirmedDead: false };
        settle(outcome);
        suspectNetwork(outcome);
      } catch (error) {
        if (stop.signal.aborted) left++;
        else throw error;
      }
    }),
  );
  if (timer) clearTimeout(timer);
  await suspicion;

  // 4. No host reached, and the network probe says the network is down: the network, not the links.
  let notChecked = 0;
  const probed = [...outcomes.values()].filter((o) => !o.fromCache && !o.repo);
  const noneReached = probed.length > 0 && !reached && probed.every((o) => UNREACHED_CAUSES.has(o.result.cause));
  const networkUnavailable = offline || (noneReached && options.networkCheck !== undefined && !(await options.networkCheck()));
  if (networkUnavailable) {
    for (const o of probed) outcomes.delete(o.url);
    notChecked = probed.length + left;
    left = 0;
  } else if (!budgetSpent) left = 0;
  unreachable = [];

  // 5. Remember, and confirm the dead.
  if (state) {
    for (const outcome of outcomes.values()) {
      if (!outcome.fromCache) outcome.memory = state.record(outcome.result);
      outcome.confirmedDead = state.isConfirmedDead(outcome.url, now());
    }
  }
  return { outcomes, leftForNextRun: left, overCap, networkUnavailable, notChecked, requests, fromCache, ...(deadline < Infinity ? { deadline } : {}) };
}

