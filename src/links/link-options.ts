import type { ResolvedConfig } from '../core/config/resolved-config.js';
import { DEFAULT_LINK_OPTIONS, type LinkCheckOptions } from './types.js';

/** What a front end may set over the config (the CLI's flags; the Action and the app set allowPrivate). */
export interface LinkFlags {
  concurrency?: number;
  hostConcurrency?: number;
  allowPrivate: boolean;
}

/** The link checker's settings: defaults, then the config's `links:`, then the front end's flags. */
export function linkOptions(config: ResolvedConfig, cli: LinkFlags): LinkCheckOptions {
  const c = config.links;
  const total = c.timeoutSeconds !== undefined ? c.timeoutSeconds * 1000 : DEFAULT_LINK_OPTIONS.totalTimeoutMs;
  return {
    ...DEFAULT_LINK_OPTIONS,
    concurrency: cli.concurrency ?? c.concurrency ?? DEFAULT_LINK_OPTIONS.concurrency,
    hostConcurrency: cli.hostConcurrency ?? c.hostConcurrency ?? DEFAULT_LINK_OPTIONS.hostConcurrency,
    hostIntervalMs: c.hostIntervalMs ?? DEFAULT_LINK_OPTIONS.hostIntervalMs,
    totalTimeoutMs: total,
    headersTimeoutMs: Math.min(DEFAULT_LINK_OPTIONS.headersTimeoutMs, total),
    connectTimeoutMs: Math.min(DEFAULT_LINK_OPTIONS.connectTimeoutMs, total),
    retries: c.retries ?? DEFAULT_LINK_OPTIONS.retries,
    aliveStatuses: c.aliveStatusCodes ?? [],
    headers: c.headers ?? [],
    allowPrivate: cli.allowPrivate,
    // GET with a bounded prefix, so page titles can inform the naming rules.
    titles: true,
  };
}
