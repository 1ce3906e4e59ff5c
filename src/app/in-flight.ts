/**
 * The webhook handlers under way. GitHub is answered after 9 s at the latest (202 "still
 * processing") while a long handler — a recheck with link checks — goes on, so closing the
 * HTTP server does not wait for it; shutdown waits here instead, for a bounded time.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  get size(): number {
    return this.running.size;
  }

  /** Wraps a handler so each of its runs is counted until it settles. */
  track<A extends unknown[]>(handler: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
    return (...args: A) => {
      const run = handler(...args);
      this.running.add(run);
      const done = () => this.running.delete(run);
      run.then(done, done);
      return run;
    };
  }

  /** Waits for the handlers under way, up to `timeoutMs`; true when all finished. */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.running.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.allSettled([...this.running]).then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    return finished;
  }
}
