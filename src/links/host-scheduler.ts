import type { HostPacer } from './types.js';

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

interface HostState {
  active: number;
  queue: Waiter[];
  /** Earliest time (ms) the next request to this host may start. */
  notBefore: number;
  /** Most requests this host saw in flight at once. */
  maxActive: number;
  requests: number;
}

export interface SchedulerOptions {
  concurrency: number;
  hostConcurrency: number;
  hostIntervalMs: number;
  now?: () => number;
}

/**
 * Grants request slots: at most `concurrency` in flight overall and `hostConcurrency` per
 * host, with a minimum interval between starts on one host. A host that asked to slow
 * down (429/503, Retry-After) waits on its own; every other host goes on at full speed.
 * Hosts are served round-robin so one busy host never starves the rest.
 */
export class HostScheduler implements HostPacer {
  private readonly hosts = new Map<string, HostState>();
  private active = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  /** Hosts with requests waiting, in round-robin order (a served host moves to the back). */
  private readonly pending = new Set<string>();
  private readonly now: () => number;

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? Date.now;
  }

  acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    const state = this.host(host);
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const waiter: Waiter = { resolve, reject, ...(signal ? { signal } : {}) };
      if (signal) {
        waiter.onAbort = () => {
          const at = state.queue.indexOf(waiter);
          if (at >= 0) state.queue.splice(at, 1);
          if (state.queue.length === 0) this.pending.delete(host);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      state.queue.push(waiter);
      this.pending.add(host);
      this.dispatch();
    });
  }

  backOff(host: string, delayMs: number): void {
    const state = this.host(host);
    state.notBefore = Math.max(state.notBefore, this.now() + Math.max(0, delayMs));
    this.dispatch();
  }

  /** Per-host figures: most requests in flight at once, and requests granted. */
  stats(): Map<string, { maxActive: number; requests: number }> {
    return new Map([...this.hosts].map(([host, s]) => [host, { maxActive: s.maxActive, requests: s.requests }]));
  }

  private host(name: string): HostState {
    let state = this.hosts.get(name);
    if (!state) {
      state = { active: 0, queue: [], notBefore: 0, maxActive: 0, requests: 0 };
      this.hosts.set(name, state);
    }
    return state;
  }

  private dispatch(): void {
    const now = this.now();
    let earliest = Infinity;
    let granted = true;
    // Round-robin passes over the hosts that have requests waiting, until none can start one.
    while (granted && this.active < this.options.concurrency && this.pending.size > 0) {
      granted = false;
      for (const name of [...this.pending]) {
        if (this.active >= this.options.concurrency) break;
        const state = this.hosts.get(name)!;
        if (state.active >= this.options.hostConcurrency) continue;
        if (state.notBefore > now) {
          earliest = Math.min(earliest, state.notBefore);
          continue;
        }
        this.grant(state, now);
        this.pending.delete(name);
        if (state.queue.length > 0) this.pending.add(name);
        granted = true;
      }
    }
    if (earliest < Infinity) this.wakeAt(earliest);
  }

  private grant(state: HostState, now: number): void {
    const waiter = state.queue.shift()!;
    if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
    state.active++;
    state.requests++;
    state.maxActive = Math.max(state.maxActive, state.active);
    this.active++;
    if (this.options.hostIntervalMs > 0) state.notBefore = Math.max(state.notBefore, now + this.options.hostIntervalMs);
    let released = false;
    waiter.resolve(() => {
      if (released) return;
      released = true;
      state.active--;
      this.active--;
      this.dispatch();
    });
  }

  private wakeAt(at: number): void {
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.dispatch();
    }, Math.max(0, at - this.now()));
    this.timer.unref?.();
  }
}
