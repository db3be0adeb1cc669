/**
 * Per-address counters in fixed windows: at most `max` events per `windowMs` from one address.
 * Used for office creation and for failed token and invitation attempts. Memory stays bounded:
 * windows that have ended are dropped as they are met, and at most `maxAddresses` are kept.
 */
export class RateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly max: number, private readonly windowMs: number, private readonly now: () => number = Date.now, private readonly maxAddresses = 10_000) {}

  private window(address: string) {
    const t = this.now();
    let w = this.windows.get(address);
    if (!w || t - w.start >= this.windowMs) {
      if (w) this.windows.delete(address);
      if (this.windows.size >= this.maxAddresses) this.windows.delete(this.windows.keys().next().value!);
      w = { start: t, count: 0 };
      this.windows.set(address, w);
    }
    return w;
  }

  /** True when this address has used up its window (nothing is counted). */
  blocked(address: string): boolean {
    return this.max > 0 && this.window(address).count >= this.max;
  }

  /** Counts one event; returns how many this window now holds. */
  count(address: string): number {
    return ++this.window(address).count;
  }

  /** Minutes until this address's window ends (for messages). */
  minutesLeft(address: string): number {
    const w = this.windows.get(address);
    return w ? Math.max(1, Math.ceil((w.start + this.windowMs - this.now()) / 60_000)) : 0;
  }

  get limit(): number {
    return this.max;
  }
}
