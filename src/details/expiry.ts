// Expiry arithmetic for presigned log links: how long is left, as text for the eye (ticking
// every second) and for a screen reader (changing at most once a minute, so a polite live
// region is not flooded). Pure and clock-injected: shared by the host and the page script.
// When a link expires is the URL's own business (src/gamelift/logUrl.ts).

export interface ExpiryState {
  readonly expiresAt: number;
  /** Never negative. */
  readonly remainingMs: number;
  readonly expired: boolean;
  /** Short visual text, e.g. "Expires in 14:59" or "Expired 2 minutes ago". */
  readonly clockText: string;
  /** Text for assistive technology; only changes at minute steps, the last minute and expiry. */
  readonly spokenText: string;
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "14:59" for 899 s; hours are shown only when there are any. */
export function formatCountdown(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return hours > 0 ? `${hours}:${twoDigits(minutes)}:${twoDigits(seconds)}` : `${minutes}:${twoDigits(seconds)}`;
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** How a link that stops working at `expiresAt` (epoch ms) stands at `now`. */
export function describeExpiry(expiresAt: number, now: number): ExpiryState {
  const left = expiresAt - now;
  if (left <= 0) {
    const agoMinutes = Math.floor(-left / 60_000);
    return {
      expiresAt,
      remainingMs: 0,
      expired: true,
      clockText: agoMinutes >= 1 ? `Expired ${plural(agoMinutes, 'minute')} ago` : 'Expired',
      spokenText: 'The log link has expired.',
    };
  }
  const minutesLeft = Math.ceil(left / 60_000);
  return {
    expiresAt,
    remainingMs: left,
    expired: false,
    clockText: `Expires in ${formatCountdown(left)}`,
    spokenText:
      left <= 60_000
        ? 'The log link expires in less than a minute.'
        : `The log link expires in ${plural(minutesLeft, 'minute')}.`,
  };
}
