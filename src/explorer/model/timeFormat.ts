// Event times as the tree shows them: relative ("5 min ago"), UTC or local, by setting.
// Hand-rolled on purpose: the tree formats thousands of times per expansion, and
// Intl/date libraries cost far more per call than a few string pads.
export type TimeZoneMode = 'local' | 'utc' | 'relative';

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function formatUtc(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} UTC`;
}

export function formatLocal(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
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
