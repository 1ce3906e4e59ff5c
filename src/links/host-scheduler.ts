import type { HostPacer } from './types.js';

interface Waiter {
  /** Continues a probe already under way (a retry, a redirect hop): served before first requests. */
  continuation: boolean;
  resolve: (release: () => void) => void;
  reject: (error: unknown) => void;
  host: string;
  signal?: AbortSignal;
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

export interface AcquireOptions {
  /**
   * The request continues a probe that already had a slot (a retry after a 429, a redirect
   * hop): it goes ahead of the host's queued first requests, so a long queue (a list with
   * 1,500 links to one host) cannot hold it back until its probe times out.
   */
  continuation?: boolean;
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
 * Hosts are served round-robin so one busy host never starves the rest. Within a host,
 * requests that continue a probe under way (retries, redirect hops) go first.
 */
export class HostScheduler implements HostPacer {
  private readonly hosts = new Map<string, HostState>();
  private active = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  /** Hosts with requests waiting, in round-robin order (a served host moves to the back). */
  private readonly pending = new Set<string>();
  private readonly now: () => number;
  private dispatchQueued = false;

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? Date.now;
  }

  acquire(host: string, signal?: AbortSignal, options: AcquireOptions = {}): Promise<() => void> {
    const state = this.host(host);
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const waiter: Waiter = { continuation: options.continuation === true, resolve, reject, host, ...(signal ? { signal } : {}) };
      if (signal) this.watch(signal, waiter);
      // Continuations go after the other continuations, before every first request.
      const at = waiter.continuation ? state.queue.findIndex((w) => !w.continuation) : -1;
      if (at >= 0) state.queue.splice(at, 0, waiter);
      else state.queue.push(waiter);
      this.pending.add(host);
      this.dispatchSoon();
    });
  }

  /**
   * Waiters by the signal that cancels them, with one abort listener per signal: a run
   * queues thousands of requests under one signal, and a listener each would make every
   * grant search a list of thousands to remove its own.
   */
  private readonly watched = new Map<AbortSignal, { waiters: Set<Waiter>; onAbort: () => void }>();

  private watch(signal: AbortSignal, waiter: Waiter): void {
    let entry = this.watched.get(signal);
    if (!entry) {
      const waiters = new Set<Waiter>();
      const onAbort = () => {
        this.watched.delete(signal);
        for (const w of waiters) {
          const state = this.hosts.get(w.host)!;
          const at = state.queue.indexOf(w);
          if (at >= 0) state.queue.splice(at, 1);
          if (state.queue.length === 0) this.pending.delete(w.host);
          w.reject(signal.reason);
        }
      };
      entry = { waiters, onAbort };
      this.watched.set(signal, entry);
      signal.addEventListener('abort', onAbort, { once: true });
    }
    entry.waiters.add(waiter);
  }

  private unwatch(waiter: Waiter): void {
    if (!waiter.signal) return;
    const entry = this.watched.get(waiter.signal);
    if (!entry) return;
    entry.waiters.delete(waiter);
    if (entry.waiters.size === 0) {
      waiter.signal.removeEventListener('abort', entry.onAbort);
      this.watched.delete(waiter.signal);
    }
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

  /**
   * Dispatches once the caller's synchronous work is done: when a run asks for thousands of
   * slots at once, the first ones then go round-robin over every host that asked, not 4 each
   * to the first 16 hosts in list order (measured: ~20 % fewer TLS connections on the bench).
   */
  private dispatchSoon(): void {
    if (this.dispatchQueued) return;
    this.dispatchQueued = true;
    queueMicrotask(() => {
      this.dispatchQueued = false;
      this.dispatch();
    });
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
    this.unwatch(waiter);
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
