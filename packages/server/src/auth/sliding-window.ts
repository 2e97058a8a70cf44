/**
 * At most `max` events per key within `windowMs`, counted in this process. Sign-in uses it per
 * account, beside the per-address limit; the lock-out kept in the database holds across instances.
 */
export class SlidingWindow {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Records an event for `key`; `false` when the key is over its limit (the event is not counted). */
  allow(key: string, at = Date.now()): boolean {
    const recent = (this.events.get(key) ?? []).filter((t) => t > at - this.windowMs);
    if (recent.length >= this.max) {
      this.events.set(key, recent);
      return false;
    }
    recent.push(at);
    this.events.delete(key);
    this.events.set(key, recent);
    // Oldest keys go first, so a flood of made-up accounts cannot grow memory without bound.
    while (this.events.size > this.maxKeys) this.events.delete(this.events.keys().next().value as string);
    return true;
  }
}
