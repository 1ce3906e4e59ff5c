import { fromMemory, type UrlOutcome } from '../links/check-urls.js';
import type { LinkState } from '../links/link-state.js';

/**
 * Last known verdicts of the links a run had no time for. Failing links are re-checked
 * last (the stalest go first), so a run that spends its time budget would otherwise drop
 * exactly the rot from the report; their last failure is shown until a run checks them.
 * Only failures are filled in: an alive link needs no mention.
 */
export function rememberedFailures(urls: Iterable<string>, state: LinkState, now: number): Map<string, UrlOutcome> {
  const out = new Map<string, UrlOutcome>();
  for (const url of urls) {
    const memory = state.get(url);
    if (!memory || memory.verdict !== 'dead') continue;
    out.set(url, {
      url,
      result: fromMemory(url, memory),
      fromCache: true,
      confirmedDead: state.isConfirmedDead(url, now),
      memory,
    });
  }
  return out;
}
