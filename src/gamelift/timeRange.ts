// Time windows for DescribeFleetEvents: presets ("last 24 hours"), a validated custom range
// (ISO 8601 or relative like -2h) and a short description for the tree. The clock is always
// passed in, so tests control time.
import { formatInstant } from '../common/timeFormat';
import type { TimeWindow } from './types';

export type TimeRangePreset = NonNullable<TimeWindow['preset']>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const TIME_RANGE_PRESETS: readonly {
  readonly id: TimeRangePreset;
  readonly label: string;
  readonly durationMs?: number;
}[] = [
  { id: 'lastHour', label: 'Last hour', durationMs: HOUR },
  { id: 'last24Hours', label: 'Last 24 hours', durationMs: DAY },
  { id: 'last7Days', label: 'Last 7 days', durationMs: 7 * DAY },
  { id: 'last30Days', label: 'Last 30 days', durationMs: 30 * DAY },
  { id: 'all', label: 'All events' },
];

/** The window for a preset, ending open (so events that arrive later still show). */
export function presetWindow(preset: TimeRangePreset, now: number): TimeWindow {
  const found = TIME_RANGE_PRESETS.find((p) => p.id === preset);
  if (!found) throw new Error(`Unknown time range preset "${preset}".`);
  return found.durationMs === undefined ? { preset } : { start: now - found.durationMs, preset };
}

/** A preset window re-anchored to `now` (refresh); custom windows are returned unchanged. */
export function refreshWindow(window: TimeWindow, now: number): TimeWindow {
  return window.preset ? presetWindow(window.preset, now) : window;
}

export const lastHour = (now: number): TimeWindow => presetWindow('lastHour', now);
export const last24Hours = (now: number): TimeWindow => presetWindow('last24Hours', now);
export const last7Days = (now: number): TimeWindow => presetWindow('last7Days', now);
export const last30Days = (now: number): TimeWindow => presetWindow('last30Days', now);
export const all = (_now?: number): TimeWindow => ({ preset: 'all' });

export type CustomRangeResult = { readonly window: TimeWindow } | { readonly error: string };

/**
 * Parses a custom range. Each end may be empty (open), an ISO 8601 date or date-time
 * ("2026-11-01", "2026-11-01T10:00", "2026-11-01 10:00Z"), "now", or relative to now
 * ("-2h", "-3d", "-30m", "-1w"). A date-only end means the start of that day (UTC) for the
 * start, and the end of that day for the end, so "2026-11-01 → 2026-11-01" is one whole day.
 */
export function parseCustomRange(startText: string, endText: string, now: number): CustomRangeResult {
  const start = parseTimeText(startText, now, 'start');
  if ('error' in start) return { error: `Start: ${start.error}` };
  const end = parseTimeText(endText, now, 'end');
  if ('error' in end) return { error: `End: ${end.error}` };
  if (start.time !== undefined && start.time > now) {
    return { error: `Start: ${formatInstant(start.time)} is in the future (now is ${formatInstant(now)}).` };
  }
  if (start.time !== undefined && end.time !== undefined && start.time >= end.time) {
    return { error: `The start (${formatInstant(start.time)}) must be before the end (${formatInstant(end.time)}).` };
  }
  return {
    window: {
      ...(start.time !== undefined ? { start: start.time } : {}),
      // An end in the future is harmless (DescribeFleetEvents returns what exists); keep it.
      ...(end.time !== undefined ? { end: end.time } : {}),
    },
  };
}

type TimeParse = { readonly time: number | undefined } | { readonly error: string };

const RELATIVE = /^-\s*(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?)$/i;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// Date and time, with "T" or a space, optional seconds/fraction, optional zone (Z or ±hh:mm). No zone = UTC.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Parses one end of a range; exported for input boxes that validate as the user types. */
export function parseTimeText(text: string, now: number, end: 'start' | 'end'): TimeParse {
  const value = text.trim();
  if (value === '') return { time: undefined };
  if (/^now$/i.test(value)) return { time: now };
  const relative = RELATIVE.exec(value);
  if (relative) {
    const amount = Number(relative[1]);
    const unit = relative[2].toLowerCase()[0];
    const unitMs = unit === 'm' ? 60_000 : unit === 'h' ? HOUR : unit === 'd' ? DAY : 7 * DAY;
    return { time: now - amount * unitMs };
  }
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) {
    const [y, m, d] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    const startOfDay = Date.UTC(y, m - 1, d);
    if (!isRealDate(startOfDay, y, m, d)) return { error: `"${value}" is not a real date.` };
    return { time: end === 'start' ? startOfDay : startOfDay + DAY - 1 };
  }
  const dateTime = DATE_TIME.exec(value);
  if (dateTime) {
    const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(dateTime[i]));
    const s = dateTime[6] ? Number(dateTime[6]) : 0;
    const ms = dateTime[7] ? Math.round(Number(dateTime[7]) * 1000) : 0;
    if (h > 23 || mi > 59 || s > 59) return { error: `"${value}" has an impossible time of day.` };
    let time = Date.UTC(y, mo - 1, d, h, mi, s, ms);
    if (!isRealDate(Date.UTC(y, mo - 1, d), y, mo, d)) return { error: `"${value}" is not a real date.` };
    const zone = dateTime[8];
    if (zone && zone.toUpperCase() !== 'Z') {
      const sign = zone[0] === '-' ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      const offsetMs = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
      time -= sign * offsetMs;
    }
    return { time };
  }
  return {
    error: `"${value}" is not a date or time. Use ISO 8601 (2026-11-01 or 2026-11-01T14:30Z), "now", or a relative time such as -2h, -3d or -1w.`,
  };
}

function isRealDate(utc: number, y: number, m: number, d: number): boolean {
  const date = new Date(utc);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A short description of a window: "last 24 hours", "since 2026-11-01 10:00", "2026-11-01 → 2026-11-03". */
export function describeWindow(window: TimeWindow): string {
  const { start, end } = window;
  const preset = window.preset && TIME_RANGE_PRESETS.find((p) => p.id === window.preset);
  if (preset) return preset.label.toLowerCase();
  if (start === undefined && end === undefined) return 'all events';
  if (end === undefined) return `since ${formatInstant(start!)}`;
  if (start === undefined) return `until ${formatInstant(end)}`;
  return `${formatInstant(start)} → ${formatInstant(end)}`;
}
