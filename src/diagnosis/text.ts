// Small text helpers of the diagnosis: service text made safe to show, durations and times
// written the same way in every finding.
import { markBidiControls } from '../gamelift/bidi';
import { redactSecrets } from '../gamelift/redact';

const MAX_QUOTE = 300;

/** Service text as evidence: secrets and presigned queries removed, bidi controls marked, one line, bounded. */
export function quote(text: string | undefined, max = MAX_QUOTE): string {
  if (!text) return '';
  // Redacted before it is cut, so a cut can never leave half a secret behind.
  const oneLine = redactSecrets(
    text
      .replace(/\r/g, '^M')
      .replace(/\s*\n\s*/g, ' ')
      .trim(),
  );
  const bounded = oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
  return markBidiControls(bounded);
}

/** "3 h 5 min", "12 min", "40 s". */
export function duration(ms: number): string {
  const totalMinutes = Math.floor(ms / 60_000);
  if (totalMinutes < 1) return `${Math.max(0, Math.round(ms / 1000))} s`;
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** "2026-05-01 10:04:05 UTC". */
export function utc(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return 'unknown time';
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** "1 crash", "12 crashes". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** One decimal place, without a trailing ".0". */
export function rate(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}
