// Event times as the tree shows them: local or UTC (by setting), optionally relative
// ("5 min ago"). Hand-rolled on purpose: the tree formats thousands of times per expansion,
// so this uses integer arithmetic (no Date object per call, no Intl) and caches the local
// UTC offset per hour (time-zone rules change offsets only on hour boundaries in practice).
export type TimeZoneMode = 'local' | 'utc' | 'relative';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "YYYY-MM-DD hh:mm:ss" of a wall-clock instant given as ms since 1970 (no zone applied). */
function formatWallClock(ms: number): string {
  const days = Math.floor(ms / DAY);
  const msOfDay = ms - days * DAY;
  // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const h = Math.floor(msOfDay / HOUR);
  const m = Math.floor((msOfDay % HOUR) / MINUTE);
  const s = Math.floor((msOfDay % MINUTE) / 1000);
  return `${year}-${pad2(month)}-${pad2(day)} ${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}

const offsetByHour = new Map<number, number>();

/** This machine's UTC offset (ms) at an instant, cached per hour. */
export function localOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = -new Date(hour * HOUR).getTimezoneOffset() * MINUTE;
    if (offsetByHour.size > 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

export function formatUtc(ms: number): string {
  return `${formatWallClock(ms)} UTC`;
}

export function formatLocal(ms: number): string {
  return formatWallClock(ms + localOffsetMs(ms));
}

export function formatRelative(ms: number, now: number): string {
  const seconds = Math.round((now - ms) / 1000);
  if (seconds < 0) return 'in the future';
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 60) return `${days} d ago`;
  return formatUtc(ms).slice(0, 10);
}

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
