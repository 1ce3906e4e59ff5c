/**
 * The webhook handlers under way. GitHub is answered after 9 s at the latest (202 "still
 * processing") while a long handler — a recheck with link checks — goes on, so closing the
 * HTTP server does not wait for it; shutdown waits here instead, for a bounded time.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /**
   * `detach`: a wrapped handler returns at once (the webhook delivery is answered at once)
   * and its run goes on, counted here; a failure goes to `onError` instead of the answer.
   */
  constructor(private readonly options: { detach?: boolean; onError?: (error: unknown) => void } = {}) {}

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
      if (!this.options.detach) return run;
      run.catch((error: unknown) => this.options.onError?.(error));
      return Promise.resolve();
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
