import { resolveConfig, type ConfigInput, type ResolvedConfig } from '../../../src/core/config/resolved-config.js';
import type { RepoAnswer } from '../../../src/links/check-urls.js';
import type { LinkProber, ProbeResult } from '../../../src/links/types.js';
import { checkLists, type CheckListsResult, type ListFile } from '../../../src/use-cases/check-lists.js';

const AT = '2024-06-01T00:00:00.000Z';

/** A probe result: alive 200 unless told otherwise. */
export function probe(url: string, over: Partial<ProbeResult> = {}): ProbeResult {
  return { url, verdict: 'alive', cause: 'ok', status: 200, reason: '200 OK', redirects: [], finalUrl: url, permanentRedirect: false, titles: [], checkedAt: AT, requests: 1, durationMs: 1, ...over };
}

/** A permanent redirect from `url` through each hop to `to`, which answers 200. */
export function redirect(url: string, to: string, statuses: number[] = [301], via: string[] = []): Partial<ProbeResult> {
  const hops = [url, ...via].map((hop, i) => ({ url: hop, status: statuses[i] ?? 301 }));
  return { redirects: hops, finalUrl: to, permanentRedirect: true, status: 200 };
}

export const NOT_FOUND: Partial<ProbeResult> = { verdict: 'dead', cause: 'not-found', status: 404, reason: '404 Not Found' };

export interface LinkWorld {
  /** Probe answers by URL (as requested: fragment removed); others are alive. */
  answers?: Record<string, Partial<ProbeResult>>;
  /** GitHub API answers by `owner/repo` (lower case). */
  repos?: Record<string, Omit<RepoAnswer, 'key'>>;
  /** Archived copies of dead URLs. */
  archived?: Record<string, string>;
  /** Dead URLs confirmed over enough runs (their memory says since when). */
  confirmed?: string[];
}

/** A prober answering from a table, no network. */
export class TableProber implements LinkProber {
  readonly asked: string[] = [];
  constructor(private readonly answers: Record<string, Partial<ProbeResult>> = {}) {}
  async probe(url: string): Promise<ProbeResult> {
    this.asked.push(url);
    return probe(url, this.answers[url]);
  }
}

export function config(input: ConfigInput = {}): ResolvedConfig {
  return resolveConfig(input);
}

/** checkLists with link checks answered from `world`; confirmed dead links marked as the link state would. */
export async function checkWith(files: ListFile[], cfg: ResolvedConfig, world: LinkWorld = {}): Promise<CheckListsResult> {
  const repos = world.repos ?? {};
  const result = await checkLists(files, cfg, {
    prober: new TableProber(world.answers),
    github: {
      async check(list) {
        const answers = new Map<string, RepoAnswer>();
        for (const r of list) {
          const key = `${r.owner}/${r.repo}`.toLowerCase();
          const answer = repos[key];
          answers.set(key, answer ? { key, ...answer } : { key, state: 'ok', nameWithOwner: `${r.owner}/${r.repo}`, reason: 'exists' });
        }
        return answers;
      },
    },
    wayback: { closest: async (url) => (world.archived?.[url] ? { url: world.archived[url]! } : undefined) },
  });
  for (const url of world.confirmed ?? []) {
    const outcome = result.evidence?.run.outcomes.get(url);
    if (!outcome) throw new Error(`no outcome for ${url}`);
    outcome.confirmedDead = true;
    outcome.memory = { verdict: 'dead', cause: outcome.result.cause, reason: outcome.result.reason, checkedAt: AT, firstFailureAt: '2024-05-20T00:00:00.000Z', failureStreak: 3 };
  }
  return result;
}
