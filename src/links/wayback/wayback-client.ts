/**
 * The Internet Archive's availability API, for suggesting an archived copy of a dead
 * link. A suggestion is optional: every failure (network, timeout, bad JSON, no
 * snapshot) is an undefined answer, never an error.
 */
import { trimEndChars } from '../../core/text/trim.js';

export interface WaybackClientOptions {
  /** Default https://archive.org. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Whole-request timeout (default 10 s). */
  timeoutMs?: number;
  userAgent?: string;
}

export interface WaybackSnapshot {
  /** The snapshot URL, https (e.g. https://web.archive.org/web/20130919044612/http://example.com/). */
  url: string;
  /** 14-digit `YYYYMMDDhhmmss`. */
  timestamp: string;
}

const DEFAULT_USER_AGENT = 'listwarden (+https://github.com/listwarden/listwarden)';

function snapshotOf(body: unknown): WaybackSnapshot | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const snapshots = (body as Record<string, unknown>).archived_snapshots;
  if (typeof snapshots !== 'object' || snapshots === null) return undefined;
  const closest = (snapshots as Record<string, unknown>).closest;
  if (typeof closest !== 'object' || closest === null) return undefined;
  const { available, url, timestamp, status } = closest as Record<string, unknown>;
  if (available !== true || String(status) !== '200') return undefined;
  if (typeof url !== 'string' || typeof timestamp !== 'string' || !/^\d{4,14}$/.test(timestamp)) return undefined;
  if (!/^https?:\/\//i.test(url)) return undefined;
  return { url: url.replace(/^http:\/\//i, 'https://'), timestamp };
}

export class WaybackClient {
  private readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;
  private readonly userAgent: string;

  constructor(options: WaybackClientOptions = {}) {
    this.baseUrl = trimEndChars(options.baseUrl ?? 'https://archive.org', '/');
    this.fetchFn = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  }

  /**
   * The archived snapshot closest to `timestamp` (`YYYYMMDDhhmmss`, any prefix; other
   * values are ignored) that the archive captured with status 200, or undefined.
   */
  async closest(url: string, timestamp?: string, signal?: AbortSignal): Promise<WaybackSnapshot | undefined> {
    let query = `url=${encodeURIComponent(url)}`;
    if (timestamp !== undefined && /^\d{1,14}$/.test(timestamp)) query += `&timestamp=${timestamp}`;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await this.fetchFn(`${this.baseUrl}/wayback/available?${query}`, {
        headers: { accept: 'application/json', 'user-agent': this.userAgent },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        return undefined;
      }
      return snapshotOf(await response.json());
    } catch {
      return undefined;
    }
  }
}
