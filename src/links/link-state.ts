import type { ProbeCause, ProbeResult, Verdict } from './types.js';
import type { TwinAnswer } from './http/soft-404.js';

/** What listwarden remembers about one URL between runs. */
export interface UrlMemory {
  verdict: Verdict;
  cause: ProbeCause;
  status?: number;
  reason: string;
  checkedAt: string;
  /** Last time the URL answered alive. */
  lastAliveAt?: string;
  /** First failure of the current streak. */
  firstFailureAt?: string;
  /** Runs in a row that ended dead (unverifiable runs neither count nor break the streak). */
  failureStreak: number;
  finalUrl?: string;
  permanentRedirect?: boolean;
  redirects?: { url: string; status: number }[];
  titles?: string[];
}

export interface RunRecord {
  at: string;
  dead: number;
  failing: number;
  unverifiable: number;
  checked: number;
}

export interface LinkStateData {
  version: 1;
  urls: Record<string, UrlMemory>;
  runs: RunRecord[];
  /** Per origin: its answer to an invented path (soft-404 checks), reused while fresh. */
  hosts?: Record<string, TwinAnswer>;
}

export interface StatePolicy {
  /** How long an alive verdict is trusted without a new request (default 1 day). */
  aliveTtlMs: number;
  /** A dead link is confirmed after failing in this many runs… (default 2) */
  confirmRuns: number;
  /** …spanning at least this long (default 3 days). */
  confirmSpanMs: number;
  /** Run records kept for the trend (default 52). */
  keepRuns: number;
}

export const DEFAULT_STATE_POLICY: StatePolicy = {
  aliveTtlMs: 24 * 3600_000,
  confirmRuns: 2,
  confirmSpanMs: 3 * 24 * 3600_000,
  keepRuns: 52,
};

export class LinkStateError extends Error {}

/**
 * Link state across runs: per URL the last verdict, when it was last alive, the first
 * failure and the failure streak; and a short history of run totals. Pure: it reads and
 * writes JSON text; the caller does the file or cache I/O.
 */
export class LinkState {
  private constructor(
    private readonly data: LinkStateData,
    readonly policy: StatePolicy,
  ) {}

  static empty(policy: StatePolicy = DEFAULT_STATE_POLICY): LinkState {
    return new LinkState({ version: 1, urls: {}, runs: [] }, policy);
  }

  /**
   * Reads a state file's text; `where` names it in errors. Async because the schema (zod)
   * is loaded only here: a run without a state file to read does not pay for it.
   */
  static async parse(text: string, where: string, policy: StatePolicy = DEFAULT_STATE_POLICY): Promise<LinkState> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new LinkStateError(`${where}: not valid JSON (${(error as Error).message}) — delete the file to start a fresh link state`);
    }
    const { checkStateData } = await import('./link-state-schema.js');
    return new LinkState(checkStateData(json, where), policy);
  }

  serialize(): string {
    return JSON.stringify(this.data, null, 1) + '\n';
  }

  get(url: string): UrlMemory | undefined {
    return this.data.urls[url];
  }

  get runs(): readonly RunRecord[] {
    return this.data.runs;
  }

  /** An alive verdict still within its TTL: the URL needs no request this run. Failures are always re-checked. */
  fresh(url: string, now: number): UrlMemory | undefined {
    const memory = this.data.urls[url];
    if (!memory || memory.verdict !== 'alive') return undefined;
    return now - Date.parse(memory.checkedAt) < this.policy.aliveTtlMs ? memory : undefined;
  }

  /** Time of the last check, for ordering the stalest first (never checked = 0). */
  lastChecked(url: string): number {
    const memory = this.data.urls[url];
    return memory ? Date.parse(memory.checkedAt) : 0;
  }

  /** Records a new verdict. */
  record(result: ProbeResult): UrlMemory {
    const previous = this.data.urls[result.url];
    const memory: UrlMemory = {
      verdict: result.verdict,
      cause: result.cause,
      ...(result.status !== undefined ? { status: result.status } : {}),
      reason: result.reason,
      checkedAt: result.checkedAt,
      failureStreak: 0,
      ...(result.finalUrl !== result.url ? { finalUrl: result.finalUrl, permanentRedirect: result.permanentRedirect, redirects: result.redirects } : {}),
      ...(result.titles.length > 0 ? { titles: result.titles } : {}),
    };
    if (result.verdict === 'alive') memory.lastAliveAt = result.checkedAt;
    else if (previous?.lastAliveAt) memory.lastAliveAt = previous.lastAliveAt;
    if (result.verdict === 'dead') {
      memory.failureStreak = (previous?.failureStreak ?? 0) + 1;
      memory.firstFailureAt = previous?.failureStreak ? (previous.firstFailureAt ?? result.checkedAt) : result.checkedAt;
    } else if (result.verdict === 'unverifiable' && previous) {
      // Unverifiable says nothing new: keep the streak as it was.
      memory.failureStreak = previous.failureStreak;
      if (previous.firstFailureAt) memory.firstFailureAt = previous.firstFailureAt;
    }
    this.data.urls[result.url] = memory;
    return memory;
  }

  /** Dead in enough runs over a long enough time to be reported as dead (not just "failing since"). */
  isConfirmedDead(url: string, now: number): boolean {
    const memory = this.data.urls[url];
    if (!memory || memory.verdict !== 'dead' || !memory.firstFailureAt) return false;
    return memory.failureStreak >= this.policy.confirmRuns && now - Date.parse(memory.firstFailureAt) >= this.policy.confirmSpanMs;
  }

  /** The origin's answer to an invented path, while younger than `ttlMs`. */
  hostProbe(origin: string, now: number, ttlMs: number): TwinAnswer | undefined {
    const answer = this.data.hosts?.[origin];
    return answer && now - Date.parse(answer.checkedAt) < ttlMs ? answer : undefined;
  }

  recordHostProbe(origin: string, answer: TwinAnswer): void {
    (this.data.hosts ??= {})[origin] = answer;
  }

  addRun(run: RunRecord): void {
    this.data.runs.push(run);
    if (this.data.runs.length > this.policy.keepRuns) this.data.runs.splice(0, this.data.runs.length - this.policy.keepRuns);
  }

  /** Drops URLs no list uses any more, so the file does not grow forever. */
  retainOnly(urls: Set<string>): void {
    for (const url of Object.keys(this.data.urls)) if (!urls.has(url)) delete this.data.urls[url];
    if (this.data.hosts) {
      const origins = new Set<string>();
      for (const url of urls) {
        try {
          origins.add(new URL(url).origin);
        } catch {
          // not a URL: no host to keep
        }
      }
      for (const origin of Object.keys(this.data.hosts)) if (!origins.has(origin)) delete this.data.hosts[origin];
    }
  }
}
