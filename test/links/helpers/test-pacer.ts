import { setTimeout as delay } from 'node:timers/promises';
import type { HostPacer } from '../../../src/links/types.js';

/**
 * A small HostPacer for prober tests: at most `hostConcurrency` requests per host, and a
 * host that was told to back off waits that long before its next request starts. Records
 * every acquire and back-off so tests can assert what the prober asked for.
 */
export class TestPacer implements HostPacer {
  readonly acquired: { host: string; at: number }[] = [];
  readonly backOffs: { host: string; delayMs: number }[] = [];
  private readonly hosts = new Map<string, { active: number; notBefore: number; waiters: (() => void)[] }>();

  constructor(private readonly hostConcurrency = Number.POSITIVE_INFINITY) {}

  private state(host: string) {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, notBefore: 0, waiters: [] };
      this.hosts.set(host, state);
    }
    return state;
  }

  async acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    const state = this.state(host);
    for (let round = 0; round < 10_000; round++) {
      signal?.throwIfAborted();
      const wait = state.notBefore - Date.now();
      if (wait > 0) {
        await delay(wait, undefined, signal ? { signal } : {});
        continue;
      }
      if (state.active < this.hostConcurrency) {
        state.active++;
        this.acquired.push({ host, at: Date.now() });
        let released = false;
        return () => {
          if (released) return;
          released = true;
          state.active--;
          state.waiters.shift()?.();
        };
      }
      await new Promise<void>((resolve) => state.waiters.push(resolve));
    }
    throw new Error(`TestPacer: ${host} never got a slot`);
  }

  backOff(host: string, delayMs: number): void {
    this.backOffs.push({ host, delayMs });
    const state = this.state(host);
    state.notBefore = Math.max(state.notBefore, Date.now() + delayMs);
  }
}
