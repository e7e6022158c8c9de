// Axis ticks for the fleet timeline: a "nice" step (1 s … 30 days) giving about `target`
// ticks between start and end, aligned to whole steps in UTC. Pure, unit-tested.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const STEPS = [
  SECOND,
  5 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  14 * DAY,
  30 * DAY,
];

export interface AxisTicks {
  readonly step: number;
  readonly ticks: readonly number[];
  /** True when ticks are a day or more apart (label them with dates, not times). */
  readonly dateLabels: boolean;
}

export function axisTicks(start: number, end: number, target = 6): AxisTicks {
  const span = Math.max(end - start, 1);
  const wanted = span / Math.max(target, 1);
  const step = STEPS.find((s) => s >= wanted) ?? STEPS[STEPS.length - 1];
  const ticks: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end && ticks.length < 200; t += step) ticks.push(t);
  return { step, ticks, dateLabels: step >= DAY };
}
