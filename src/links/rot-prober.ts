import { randomBytes } from 'node:crypto';
import type { LinkProber, ProbeResult } from './types.js';
import type { LinkState } from './link-state.js';
import { parkingEvidence } from './http/parked-domain.js';
import { frontPageSign, isDeepLink, soft404Verdict, twinSign, wordingSign, type LinkPage, type TwinAnswer } from './http/soft-404.js';

export interface RotProberOptions {
  /** Where each origin's answer to an invented path is kept between runs. */
  state?: LinkState;
  /** How long that answer is reused (default 7 days). */
  hostProbeTtlMs?: number;
  now?: () => number;
  /** The invented path asked of a host (default: a random one, new for each process). */
  inventedPath?: string;
}

export const DEFAULT_HOST_PROBE_TTL_MS = 7 * 24 * 3600_000;

/**
 * A prober that also tells rot that answers 200: parked and for-sale domains (dead, with
 * the evidence), and soft 404s (dead when two signs agree, "looks like a soft 404" with one).
 * The host is asked an invented path only when a deep link already shows one sign, at
 * most once per origin while its answer is fresh in the link state (once per run without
 * one); concurrent links of one origin share that request. The page read for the checks
 * is dropped from the result, so thousands of outcomes do not hold their pages' text.
 */
export class RotAwareProber implements LinkProber {
  private readonly twins = new Map<string, Promise<{ twin?: TwinAnswer; requests: number }>>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly path: string;
  /** Invented paths asked (one probe each). */
  hostProbes = 0;
  /** Requests those probes sent (redirect hops and retries included). */
  twinRequests = 0;

  constructor(
    private readonly inner: LinkProber,
    private readonly options: RotProberOptions = {},
  ) {
    this.ttlMs = options.hostProbeTtlMs ?? DEFAULT_HOST_PROBE_TTL_MS;
    this.now = options.now ?? Date.now;
    this.path = options.inventedPath ?? `/listwarden-no-such-page-${randomBytes(6).toString('hex')}`;
  }

  async probe(url: string, signal?: AbortSignal): Promise<ProbeResult> {
    const result = await this.inner.probe(url, signal);
    const { page, ...rest } = result;
    if (result.verdict === 'dead') return rest;
    const parked = parkingEvidence({ url: result.url, chain: [...result.redirects.map((h) => h.url), result.finalUrl], ...(page ? { page } : {}) });
    if (parked.length > 0) {
      return { ...rest, verdict: 'dead', cause: 'parked-domain', reason: `a parked or for-sale domain: ${parked.join('; ')}`, titles: [] };
    }
    if (result.verdict !== 'alive' || !page || !isDeepLink(result.url)) return rest;
    const link: LinkPage = { url: result.url, finalUrl: result.finalUrl, redirects: result.redirects, page };
    const signs = [wordingSign(link), frontPageSign(link)];
    let requests = rest.requests;
    if (signs.filter(Boolean).length === 1) {
      // The link's own host decides where its unknown paths go (even to another site's front page).
      const asked = await this.twin(result.url, signal);
      requests += asked.requests;
      if (asked.twin) signs.push(twinSign(link, asked.twin));
    }
    const verdict = soft404Verdict(signs);
    if (!verdict) return { ...rest, requests };
    return { ...rest, requests, verdict: verdict.verdict, cause: 'soft-404', reason: verdict.reason, titles: [] };
  }

  /**
   * The origin's answer to the invented path: from the link state while fresh, else asked
   * once (the first caller counts its requests, the others share the answer).
   */
  private async twin(linkUrl: string, signal?: AbortSignal): Promise<{ twin?: TwinAnswer; requests: number }> {
    let origin: string;
    try {
      origin = new URL(linkUrl).origin;
    } catch {
      return { requests: 0 };
    }
    const kept = this.options.state?.hostProbe(origin, this.now(), this.ttlMs);
    if (kept) return { twin: kept, requests: 0 };
    const pending = this.twins.get(origin);
    if (pending) {
      const shared = await pending;
      return { ...(shared.twin ? { twin: shared.twin } : {}), requests: 0 };
    }
    const asking = this.ask(origin, signal);
    this.twins.set(origin, asking);
    return asking;
  }

  private async ask(origin: string, signal?: AbortSignal): Promise<{ twin?: TwinAnswer; requests: number }> {
    let answer: ProbeResult;
    try {
      answer = await this.inner.probe(`${origin}${this.path}`, signal);
    } catch {
      // The run stopped (budget, network): no answer, and the next caller may ask again.
      this.twins.delete(origin);
      return { requests: 0 };
    }
    this.hostProbes++;
    this.twinRequests += answer.requests;
    const twin: TwinAnswer = {
      url: answer.url,
      verdict: answer.verdict,
      ...(answer.status !== undefined ? { status: answer.status } : {}),
      finalUrl: answer.finalUrl,
      redirected: answer.redirects.length > 0,
      ...(answer.page?.title !== undefined ? { title: answer.page.title } : {}),
      words: answer.page?.words ?? 0,
      sketch: answer.page?.sketch ?? [],
      // The TTL's clock, not the prober's.
      checkedAt: new Date(this.now()).toISOString(),
    };
    // Only a real answer is worth keeping: a timeout or a bot wall says nothing about the host.
    if (answer.verdict !== 'unverifiable') this.options.state?.recordHostProbe(origin, twin);
    return { twin, requests: answer.requests };
  }
}
