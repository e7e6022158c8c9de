// A time given on a command line: an ISO 8601 date or date-time, or an age before now such as
// 90m, 12h, 7d. Shared by the command lines (cloudtrail-history, gamelift-diagnose). Pure.

const AGE = /^(\d+(?:\.\d+)?)(s|m|h|d|w)$/;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Epoch ms of a time argument, or undefined when it is neither a date nor an age. */
export function parseTimeArg(text: string, now: number): number | undefined {
  const age = AGE.exec(text.trim());
  if (age) return now - Number(age[1]) * UNIT_MS[age[2]];
  if (!/^\d{4}-\d{2}-\d{2}/.test(text.trim())) return undefined;
  const t = Date.parse(text.trim());
  return Number.isNaN(t) ? undefined : t;
}
