// When a presigned log URL stops working, read from the URL itself: SigV4 links carry
// X-Amz-Date (signing time) and X-Amz-Expires (seconds), SigV2 links an absolute Expires. This
// beats counting from when the event was fetched, which a cached event gets wrong; only a link
// that says nothing falls back to 15 minutes from fetching (the DescribeFleetEvents docs).
import type { FleetEvent } from './types';

/** GameLift's presigned log URLs are valid for 15 minutes from the DescribeFleetEvents call. */
export const LOG_URL_VALIDITY_MS = 15 * 60_000;

export interface PresignedExpiry {
  /** When the link was signed (epoch ms); absent for SigV2 links. */
  readonly signedAt?: number;
  /** When it stops working (epoch ms). */
  readonly expiresAt: number;
}

/** The seven-day maximum S3 allows for a SigV4 presigned URL. */
const MAX_EXPIRES_SECONDS = 7 * 24 * 3600;

/** "20260511T100000Z" → epoch ms. */
function amzDateMs(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isFinite(ms) && new Date(ms).getUTCMonth() === mo - 1 ? ms : undefined;
}

/** The link's expiry, or undefined when the URL does not say (not presigned, malformed values). */
export function presignedUrlExpiry(url: string): PresignedExpiry | undefined {
  let params: URLSearchParams;
  try {
    params = new URL(url).searchParams;
  } catch {
    return undefined;
  }
  const date = params.get('X-Amz-Date');
  const expires = params.get('X-Amz-Expires');
  if (date !== null && expires !== null) {
    const signedAt = amzDateMs(date);
    const seconds = /^\d{1,7}$/.test(expires) ? Number(expires) : NaN;
    if (signedAt === undefined || !(seconds >= 1 && seconds <= MAX_EXPIRES_SECONDS)) return undefined;
    return { signedAt, expiresAt: signedAt + seconds * 1000 };
  }
  // SigV2: Expires is an absolute time in epoch seconds.
  const v2 = params.get('Expires');
  if (v2 !== null && params.has('Signature') && /^\d{9,11}$/.test(v2)) return { expiresAt: Number(v2) * 1000 };
  return undefined;
}

/** True when the URL says it has expired at `now` (false when it does not say). */
export function isPresignedUrlExpired(url: string, now: number): boolean {
  const expiry = presignedUrlExpiry(url);
  return expiry !== undefined && now >= expiry.expiresAt;
}

/** When the event's log link stops working: the URL's own expiry, else 15 minutes from fetching. */
export function logUrlExpiry(event: FleetEvent): PresignedExpiry | undefined {
  if (!event.preSignedLogUrl) return undefined;
  return (
    presignedUrlExpiry(event.preSignedLogUrl) ?? {
      signedAt: event.fetchedAt,
      expiresAt: event.fetchedAt + LOG_URL_VALIDITY_MS,
    }
  );
}

/** True when the event has a log URL and it is no longer valid at `now`. */
export function isLogUrlExpired(event: FleetEvent, now: number): boolean {
  const expiry = logUrlExpiry(event);
  return expiry !== undefined && now >= expiry.expiresAt;
}
