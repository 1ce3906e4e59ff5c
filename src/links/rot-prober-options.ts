import type { ResolvedConfig } from '../core/config/resolved-config.js';
import type { LinkState } from './link-state.js';
import type { LinkProber } from './types.js';
import { DEFAULT_HOST_PROBE_TTL_MS, RotAwareProber } from './rot-prober.js';

/** The prober the front ends use: `inner`, with the checks for rot that answers 200 (config `links.hostProbeDays`). */
export function rotAwareProber(inner: LinkProber, config: ResolvedConfig, state?: LinkState): RotAwareProber {
  const days = config.links.hostProbeDays;
  return new RotAwareProber(inner, {
    ...(state ? { state } : {}),
    hostProbeTtlMs: days !== undefined ? days * 24 * 3600_000 : DEFAULT_HOST_PROBE_TTL_MS,
  });
}
