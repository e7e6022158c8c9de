// Time as people read it in the details panel and the timeline: an exact UTC stamp and a
// relative phrase. Pure (the clock is a parameter) so host, page and tests agree.

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** "2026-11-21 00:15:03 UTC" — unambiguous, sortable, matches CloudTrail and the AWS console. */
export function formatUtc(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return 'invalid time';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
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
