// When each watched fleet is polled next: at the watch interval while it changes, backing off
// (doubling, up to MAX_BACKOFF times the interval) while nothing changes, so an idle account
// costs a few calls an hour instead of two a minute per fleet. Pure, clock passed in.

/** The longest wait, as a multiple of the watch interval. */
export const MAX_BACKOFF = 8;

interface Entry {
  /** Current wait between polls (ms). */
  wait: number;
  /** When the fleet is due (epoch ms). */
  next: number;
}

export class WatchSchedule {
  private readonly entries = new Map<string, Entry>();

  /** `intervalMs()` is read at every decision, so a changed setting applies at once. */
  constructor(private readonly intervalMs: () => number) {}

  /** Whether `key` should be polled at `now` (a fleet not seen before is due at once). */
  isDue(key: string, now: number): boolean {
    const entry = this.entries.get(key);
    return !entry || now >= entry.next;
  }

  /** Records a poll: a change brings the wait back to the interval, else it doubles. */
  polled(key: string, changed: boolean, now: number): void {
    const base = this.intervalMs();
    const entry = this.entries.get(key);
    const wait = changed || !entry ? base : Math.min(entry.wait * 2, base * MAX_BACKOFF);
    this.entries.set(key, { wait, next: now + wait });
  }

  /** How long until `key` is polled again (for tests and the log). */
  waitOf(key: string): number | undefined {
    return this.entries.get(key)?.wait;
  }

  /** Forgets fleets no longer watched. */
  keepOnly(keys: ReadonlySet<string>): void {
    for (const key of [...this.entries.keys()]) if (!keys.has(key)) this.entries.delete(key);
  }
}
