/**
 * Time limits for everything the bench waits on. A metric runs inside a Scope: whatever it opens
 * (browser contexts, sockets, child processes) is registered with `defer` and closed when the
 * metric ends, also when it ran out of time, so a stuck metric cannot hold up the next one.
 */
export class TimeoutError extends Error {}

/** `promise`, or a TimeoutError after `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`timed out after ${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class Scope {
  private readonly cleanups: (() => unknown)[] = [];
  private readonly controller = new AbortController();
  readonly deadline: number;

  constructor(budgetMs: number) {
    this.deadline = Date.now() + budgetMs;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Milliseconds left of this metric's budget. */
  left(): number {
    return Math.max(0, this.deadline - Date.now());
  }

  /** Throws once the metric has been stopped (its loops check this between samples). */
  check(): void {
    if (this.controller.signal.aborted) throw new TimeoutError('stopped');
  }

  defer<T>(thing: T, close: (t: T) => unknown): T {
    this.cleanups.push(() => close(thing));
    return thing;
  }

  /** Stops the metric's loops and closes what it opened, newest first, each for at most 10 s. */
  async close(): Promise<void> {
    this.controller.abort();
    for (const close of this.cleanups.reverse()) {
      await within(Promise.resolve().then(close), 10_000, 'cleanup').catch((err) => console.error('cleanup:', err instanceof Error ? err.message : err));
    }
    this.cleanups.length = 0;
  }
}
