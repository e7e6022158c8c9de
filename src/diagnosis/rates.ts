// How often something happens now compared with just before: occurrences (event Counts
// added up) in the last window and in the window before it, per hour, and the trend.
import type { EventIndex } from './eventIndex';
import { rate } from './text';

export type Trend = 'rising' | 'falling' | 'steady' | 'new';

export interface WindowRate {
  readonly windowMs: number;
  /** Occurrences in (now − window, now]. */
  readonly current: number;
  /** Occurrences in (now − 2·window, now − window]. */
  readonly previous: number;
  readonly perHour: number;
  readonly previousPerHour: number;
  readonly trend: Trend;
}

const HOUR = 3_600_000;

export function windowRate(index: EventIndex, codes: readonly string[], now: number, windowMs: number): WindowRate {
  const current = index.weighted(codes, now - windowMs, now);
  const previous = index.weighted(codes, now - 2 * windowMs, now - windowMs);
  const hours = windowMs / HOUR;
  // Half as much again, and at least 2 more, counts as a change; less is noise.
  const trend: Trend =
    previous === 0 && current > 0
      ? 'new'
      : current >= previous * 1.5 && current - previous >= 2
        ? 'rising'
        : current * 1.5 <= previous && previous - current >= 2
          ? 'falling'
          : 'steady';
  return { windowMs, current, previous, perHour: current / hours, previousPerHour: previous / hours, trend };
}

/** "4.5 per hour over the last 6 h, up from 1 per hour in the 6 h before". */
export function describeRate(r: WindowRate): string {
  const hours = `${r.windowMs / HOUR} h`;
  const now = `${rate(r.perHour)} per hour over the last ${hours}`;
  switch (r.trend) {
    case 'new':
      return `${now}, none in the ${hours} before`;
    case 'rising':
      return `${now}, up from ${rate(r.previousPerHour)} per hour in the ${hours} before`;
    case 'falling':
      return `${now}, down from ${rate(r.previousPerHour)} per hour in the ${hours} before`;
    default:
      return `${now}, about the same as in the ${hours} before (${rate(r.previousPerHour)} per hour)`;
  }
}
