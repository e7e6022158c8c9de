// How times read everywhere (the tree, the details panel and its page, the timeline, time-range
// descriptions): an exact UTC stamp, the same in the local zone, a relative phrase, and a
// minute-precision form for window bounds. Pure (the clock is a parameter), so host, page and
// tests agree.

export type TimeZoneMode = 'local' | 'utc' | 'relative';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "2026-11-21 00:15:03 UTC": unambiguous, sortable, like CloudTrail and the AWS console. */
export function formatUtc(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return 'invalid time';
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} UTC`;
}

/** The same in this machine's time zone, without its name: "2026-11-21 01:15:03". */
export function formatLocal(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return 'invalid time';
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

const UNITS: readonly [string, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "3 minutes ago", "in 2 hours", "just now" (within 5 seconds). */
export function formatRelative(then: number, now: number): string {
  const diff = now - then;
  const abs = Math.abs(diff);
  if (abs < 5000) return 'just now';
  for (const [unit, size] of UNITS) {
    if (abs >= size) {
      const n = Math.floor(abs / size);
      const phrase = `${n} ${unit}${n === 1 ? '' : 's'}`;
      return diff >= 0 ? `${phrase} ago` : `in ${phrase}`;
    }
  }
  return 'just now';
}

/** An event's time as the tree shows it (by setting); empty without a time. */
export function formatEventTime(ms: number | undefined, mode: TimeZoneMode, now: number): string {
  if (ms === undefined) return '';
  switch (mode) {
    case 'utc':
      return formatUtc(ms);
    case 'relative':
      return formatRelative(ms, now);
    default:
      return formatLocal(ms);
  }
}

/** A window bound: UTC to the minute, the date alone at midnight (or the last ms of a day). */
export function formatInstant(time: number): string {
  const iso = new Date(time).toISOString(); // 2026-11-01T10:00:00.000Z
  const date = iso.slice(0, 10);
  const clock = iso.slice(11, 16);
  if (iso.slice(11) === '00:00:00.000Z' || iso.slice(11) === '23:59:59.999Z') return date;
  return `${date} ${clock}`;
}
