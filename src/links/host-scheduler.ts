import type { HostPacer } from './types.js';
import { formatSeconds } from './http/classify-error.js';

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
  /** Connections believed open to this host (undici keeps them alive between requests). */
  connections: number;
  /** When a request on this host last ended (ms). */
  lastRelease: number;
  /** Until when (ms) the host asked not to be sent requests, when that is longer than a probe may wait. */
  refusedUntil: number;
  /** How long the host asked to wait (ms), for the refusal's message. */
  askedMs: number;
  /** How long its requests take (ms, a moving average of the slots it held); 0 until one ends. */
  latencyMs: number;
  /** When each request in flight got its slot (ms). */
  starts: number[];
  /**
   * Connections whose request ended in this turn of the event loop: the client puts one
   * back only in a later turn (undici: a setImmediate after the response), so a request
   * sent on it before then would open another connection.
   */
  settling: number;
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
  /**
   * How long an idle connection stays open (the HTTP client's keep-alive timeout): a host
   * idle for longer has to connect again. Default: KEEP_ALIVE_MS.
   */
  connectionIdleMs?: number;
  /**
   * The longest a probe may take (the prober's whole-probe timeout): a host that asks to
   * wait longer (429/503 with a long Retry-After) gets no request until then, and every
   * request for it is refused at once with a HostWaitRefusedError instead of waiting past
   * what the run can give. Default: no limit (every wait is honoured).
   */
  totalTimeoutMs?: number;
  now?: () => number;
}

/** A host asked to wait longer than a probe may wait: its requests are refused, not held. */
export class HostWaitRefusedError extends Error {
  constructor(
    readonly host: string,
    readonly askedMs: number,
  ) {
    super(`${host} asked to wait ${formatSeconds(askedMs)} (Retry-After), longer than a check may wait — not requested`);
    this.name = 'HostWaitRefusedError';
  }
}

/** How often (ms) the scheduler re-judges which hosts are on the critical path. */
const CRITICAL_EVERY_MS = 50;

/** The keep-alive timeout of the prober's connections, which the scheduler plans with. */
export const KEEP_ALIVE_MS = 4_000;

/**
 * Grants request slots: at most `concurrency` in flight overall and `hostConcurrency` per
 * host, with a minimum interval between starts on one host. A host that asked to slow
 * down (429/503, Retry-After) waits on its own; every other host goes on at full speed.
 * Hosts are served round-robin so one busy host never starves the rest. Within a host,
 * requests that continue a probe under way (retries, redirect hops) go first.
 *
 * A freed slot goes first to a host that can reuse an idle connection, or that has none
 * yet; a host gets another connection only when its share of the waiting work calls for
 * it (a host with half the waiting links may use half the slots, up to its limit). Only
 * when no such host can start does a slot go to any host, so no slot idles while work
 * waits. Each connection saved is a TLS handshake saved on both sides: on the link bench
 * (100 hosts, 20 links each) a run opens 150–180 connections where plain round-robin opened
 * 230–245 (the hosts that paused after a 429 catch up on a second one, as they should).
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
  /** Requests waiting for a slot, over every host. */
  private waiting = 0;
  /** Connections settling over every host, and the hosts they belong to (see settle()). */
  private settlingCount = 0;
  private readonly settlingHosts = new Set<HostState>();

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
      if (state.refusedUntil > this.now()) {
        reject(new HostWaitRefusedError(host, state.askedMs));
        return;
      }
      const waiter: Waiter = { continuation: options.continuation === true, resolve, reject, host, ...(signal ? { signal } : {}) };
      if (signal) this.watch(signal, waiter);
      // Continuations go after the other continuations, before every first request.
      const at = waiter.continuation ? state.queue.findIndex((w) => !w.continuation) : -1;
      if (at >= 0) state.queue.splice(at, 0, waiter);
      else state.queue.push(waiter);
      this.waiting++;
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
          if (at >= 0) {
            state.queue.splice(at, 1);
            this.waiting--;
          }
          if (state.queue.length === 0) this.pending.delete(w.host);
          w.reject(signal.reason);
        }
        this.stopTimerWhenIdle();
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

  /**
   * The host asked to slow down: no request starts on it for `delayMs`. A wait longer than
   * a probe may take (options.totalTimeoutMs) is not waited out: the requests queued for
   * the host, and those that come until the wait is over, are refused with a
   * HostWaitRefusedError. `askedMs` is what the host asked for, before the caller capped
   * it (for the message).
   */
  backOff(host: string, delayMs: number, askedMs = delayMs): void {
    const state = this.host(host);
    const wait = Math.max(0, delayMs);
    const now = this.now();
    state.notBefore = Math.max(state.notBefore, now + wait);
    if (wait > (this.options.totalTimeoutMs ?? Infinity)) {
      state.refusedUntil = Math.max(state.refusedUntil, now + wait);
      state.askedMs = Math.max(askedMs, wait);
      this.refuseQueued(host, state);
    }
    this.dispatch();
  }

  /** Ends every request waiting for a host that asked to wait too long. */
  private refuseQueued(host: string, state: HostState): void {
    const refused = state.queue.splice(0);
    this.waiting -= refused.length;
    this.pending.delete(host);
    for (const waiter of refused) {
      this.unwatch(waiter);
      waiter.reject(new HostWaitRefusedError(host, state.askedMs));
    }
    this.stopTimerWhenIdle();
  }

  /** Per-host figures: most requests in flight at once, and requests granted. */
  stats(): Map<string, { maxActive: number; requests: number }> {
    return new Map([...this.hosts].map(([host, s]) => [host, { maxActive: s.maxActive, requests: s.requests }]));
  }

  private host(name: string): HostState {
    let state = this.hosts.get(name);
    if (!state) {
      state = { active: 0, queue: [], notBefore: 0, maxActive: 0, requests: 0, connections: 0, lastRelease: 0, settling: 0, refusedUntil: 0, askedMs: 0, latencyMs: 0, starts: [] };
      this.hosts.set(name, state);
      this.names.set(state, name);
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
    const { concurrency } = this.options;
    // First the hosts on the critical path, up to their limit (see criticalHosts).
    for (const { state, slots } of this.criticalHosts(now)) {
      while (this.active < concurrency && state.queue.length > 0 && state.active < slots && state.notBefore <= now) {
        this.grant(state, now);
      }
      if (state.queue.length === 0) this.pending.delete(this.nameOf(state));
    }
    // Then only hosts that need no extra connection (see the class comment).
    let earliest = this.grantRoundRobin(now, concurrency, (state) => this.fitsConnections(state, now));
    // Then any host, so no slot idles while work waits, but for the slots that hosts whose
    // connection is back on the next turn will take then.
    if (this.active < concurrency && this.pending.size > 0) {
      const limit = concurrency - this.settlingDemand(now);
      earliest = Math.min(earliest, this.grantRoundRobin(now, limit, (state) => !this.settlesSoon(state)));
    }
    if (earliest < Infinity) this.wakeAt(earliest);
    else this.stopTimerWhenIdle();
  }

  /**
   * Round-robin passes over the hosts with requests waiting, granting slots to those
   * `eligible` allows while fewer than `limit` are in flight. Returns the earliest time a
   * host that is slowing down may start again (Infinity if none).
   */
  private grantRoundRobin(now: number, limit: number, eligible: (state: HostState) => boolean): number {
    let earliest = Infinity;
    let granted = true;
    while (granted && this.active < limit && this.pending.size > 0) {
      granted = false;
      for (const name of [...this.pending]) {
        if (this.active >= limit) break;
        const state = this.hosts.get(name)!;
        if (state.active >= this.options.hostConcurrency) continue;
        if (state.notBefore > now) {
          earliest = Math.min(earliest, state.notBefore);
          continue;
        }
        if (!eligible(state)) continue;
        this.grant(state, now);
        this.pending.delete(name);
        if (state.queue.length > 0) this.pending.add(name);
        granted = true;
      }
    }
    return earliest;
  }

  private critical: { state: HostState; slots: number }[] = [];
  private criticalAt = -Infinity;
  private readonly names = new Map<HostState, string>();

  private nameOf(state: HostState): string {
    return this.names.get(state)!;
  }

  /**
   * The hosts that would set the run's end (its makespan) with the share the other passes
   * give them, and the slots each needs. A host's remaining work is (waiting + in flight) ×
   * its latency; spread over every slot, the whole run's remaining work takes `spread`. A
   * host whose work alone is twice that or more keeps work ÷ spread slots busy (at most
   * its per-host limit) not to finish last: three hosts that answer in 3 s among a hundred
   * that answer in 0.1 s otherwise run one request at a time until the fast ones are done.
   * Hosts that answer alike need one slot each while many wait, as before. A host's latency
   * is learned from the slots it held, and while its first answers are out, from how long
   * they have been out (a slow host shows itself before it answers); hosts not known yet
   * count at the average. Re-judged at most every CRITICAL_EVERY_MS, so dispatch stays cheap.
   */
  private criticalHosts(now: number): { state: HostState; slots: number }[] {
    if (now - this.criticalAt < CRITICAL_EVERY_MS) return this.critical;
    this.criticalAt = now;
    const busy: { state: HostState; work: number }[] = [];
    let known = 0;
    let latencySum = 0;
    for (const state of this.hosts.values()) {
      if (state.queue.length + state.active === 0) continue;
      const latency = this.latencyOf(state, now);
      if (latency > 0) {
        known++;
        latencySum += latency;
      }
      busy.push({ state, work: state.queue.length + state.active });
    }
    const average = known > 0 ? latencySum / known : 0;
    this.critical = [];
    if (average === 0) return this.critical;
    let total = 0;
    for (const entry of busy) {
      entry.work *= this.latencyOf(entry.state, now) || average;
      total += entry.work;
    }
    const spread = total / this.options.concurrency;
    for (const { state, work } of busy.sort((a, b) => b.work - a.work)) {
      const slots = Math.min(this.options.hostConcurrency, Math.floor(work / spread));
      if (slots < 2) break;
      if (state.queue.length > 0) this.critical.push({ state, slots });
    }
    return this.critical;
  }

  /** What a request on this host takes: the learned average, or longer when one in flight already took longer. */
  private latencyOf(state: HostState, now: number): number {
    // Starts are pushed in time order: the first is the oldest.
    const oldest = state.starts[0];
    return Math.max(state.latencyMs, oldest !== undefined ? now - oldest : 0);
  }

  /** Requests that hosts will start on the next turn, on connections settling now. */
  private settlingDemand(now: number): number {
    let demand = 0;
    for (const state of this.settlingHosts) {
      if (state.queue.length === 0 || state.notBefore > now) continue;
      demand += Math.min(state.settling, state.queue.length, this.options.hostConcurrency - state.active);
    }
    return demand;
  }

  /**
   * Whether a host may start a request without opening a connection it does not need: it
   * has an idle one kept alive, it has none at all yet, or its share of the waiting work
   * (this host's requests waiting and under way over all of them, times the global limit)
   * is more than the connections it has.
   */
  private fitsConnections(state: HostState, now: number): boolean {
    this.forgetClosed(state, now);
    const idle = state.connections - state.active - state.settling;
    if (idle > 0 || state.connections === 0) return true;
    if (state.settling > 0) return false; // one will be back on the next turn
    // Work under way includes connections settling: their hosts go on next turn.
    const share = (this.options.concurrency * (state.queue.length + state.active)) / (this.waiting + this.active + this.settlingCount);
    return state.connections < Math.ceil(share - 1e-9);
  }

  /** A host idle for longer than the keep-alive timeout has only its busy connections left. */
  private forgetClosed(state: HostState, now: number): void {
    if (now - state.lastRelease > (this.options.connectionIdleMs ?? KEEP_ALIVE_MS)) state.connections = state.active + state.settling;
  }

  /** Whether a host's only obstacle is a connection that is back on the next turn. */
  private settlesSoon(state: HostState): boolean {
    return state.settling > 0 && state.active + state.settling <= state.connections;
  }

  private grant(state: HostState, now: number): void {
    const waiter = state.queue.shift()!;
    this.waiting--;
    this.unwatch(waiter);
    this.forgetClosed(state, now);
    // No idle connection: the client opens another.
    if (state.active + state.settling >= state.connections) state.connections = state.active + state.settling + 1;
    state.active++;
    state.requests++;
    state.maxActive = Math.max(state.maxActive, state.active);
    this.active++;
    if (this.options.hostIntervalMs > 0) state.notBefore = Math.max(state.notBefore, now + this.options.hostIntervalMs);
    let released = false;
    state.starts.push(now);
    waiter.resolve(() => {
      if (released) return;
      released = true;
      state.active--;
      state.lastRelease = this.now();
      state.starts.splice(state.starts.indexOf(now), 1);
      const took = state.lastRelease - now;
      state.latencyMs = state.latencyMs === 0 ? took : 0.7 * state.latencyMs + 0.3 * took;
      this.active--;
      this.settle(state);
      this.dispatch();
    });
  }

  /**
   * Holds a host's connection back until the next turn, with one setImmediate per request:
   * queued after the client's own (it queues that when the response ends, before the slot
   * is released), so the connection is back when this runs.
   */
  private settle(state: HostState): void {
    state.settling++;
    this.settlingCount++;
    this.settlingHosts.add(state);
    setImmediate(() => {
      state.settling--;
      this.settlingCount--;
      if (state.settling === 0) this.settlingHosts.delete(state);
      this.dispatch();
    });
  }

  /**
   * Wakes the dispatcher when a host that is slowing down may start again. The timer is
   * NOT unref'd: requests wait on it, and with only an unref'd timer left Node would exit
   * with their probes pending (a run ending with no report). It is cleared as soon as no
   * request waits (see stopTimerWhenIdle), so it never holds a finished run open.
   */
  private wakeAt(at: number): void {
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Infinity;
      this.dispatch();
    }, Math.max(0, at - this.now()));
  }

  /** No request waits: the wake-up timer has nothing to do. */
  private stopTimerWhenIdle(): void {
    if (this.pending.size > 0 || !this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }
}
