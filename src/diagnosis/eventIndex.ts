// The events of one fleet, oldest first, grouped by code once so that each story asks
// "how many of these codes between t1 and t2" without walking the whole history again.
import type { DiagnosisEvent } from './types';

export interface IndexedEvent {
  readonly event: DiagnosisEvent;
  /** Event time (epoch ms); an event without one takes the fleet's creation time. */
  readonly time: number;
  /** How many occurrences the event stands for (its Count, at least 1). */
  readonly weight: number;
}

export class EventIndex {
  /** Oldest first. */
  readonly all: readonly IndexedEvent[];
  private readonly codes = new Map<string, IndexedEvent[]>();

  constructor(events: readonly DiagnosisEvent[], fallbackTime: number) {
    const indexed = events.map((event) => ({
      event,
      time: typeof event.eventTime === 'number' && Number.isFinite(event.eventTime) ? event.eventTime : fallbackTime,
      weight: typeof event.count === 'number' && event.count > 1 ? Math.floor(event.count) : 1,
    }));
    // The service returns newest first: reversing is enough then; anything else is sorted.
    if (isOrdered(indexed, (a, b) => a >= b)) indexed.reverse();
    else if (!isOrdered(indexed, (a, b) => a <= b)) indexed.sort((a, b) => a.time - b.time);
    this.all = indexed;
    for (const e of indexed) {
      const list = this.codes.get(e.event.eventCode);
      if (list) list.push(e);
      else this.codes.set(e.event.eventCode, [e]);
    }
  }

  /** Events of these codes, oldest first. */
  of(...codes: string[]): IndexedEvent[] {
    if (codes.length === 1) return this.codes.get(codes[0]) ?? [];
    const lists = codes.map((c) => this.codes.get(c) ?? []).filter((l) => l.length > 0);
    if (lists.length <= 1) return lists[0] ?? [];
    return lists.flat().sort((a, b) => a.time - b.time);
  }

  has(code: string): boolean {
    return this.codes.has(code);
  }

  /** The newest event of these codes. */
  last(...codes: string[]): IndexedEvent | undefined {
    let best: IndexedEvent | undefined;
    for (const code of codes) {
      const list = this.codes.get(code);
      const candidate = list?.[list.length - 1];
      if (candidate && (!best || candidate.time >= best.time)) best = candidate;
    }
    return best;
  }

  /** Occurrences (Counts added up) of these codes with from < time ≤ to. */
  weighted(codes: readonly string[], from = -Infinity, to = Infinity): number {
    let sum = 0;
    for (const code of codes) {
      for (const e of this.codes.get(code) ?? []) if (e.time > from && e.time <= to) sum += e.weight;
    }
    return sum;
  }

  /** The newest event of all. */
  newest(): IndexedEvent | undefined {
    return this.all[this.all.length - 1];
  }
}

function isOrdered(events: readonly IndexedEvent[], inOrder: (a: number, b: number) => boolean): boolean {
  for (let i = 1; i < events.length; i++) if (!inOrder(events[i - 1].time, events[i].time)) return false;
  return true;
}
