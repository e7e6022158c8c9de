// Presigned log URLs in fleet events are valid for 15 minutes from when they were fetched
// (DescribeFleetEvents docs). These helpers say when an event's link stops working.
import type { FleetEvent } from './types';

export const LOG_URL_VALIDITY_MS = 15 * 60_000;

/** When the event's log URL expires (epoch ms), or undefined when it has no URL. */
export function logUrlExpiry(event: FleetEvent): number | undefined {
  if (!event.preSignedLogUrl) return undefined;
  return event.fetchedAt + LOG_URL_VALIDITY_MS;
}

/** True when the event has a log URL and it is no longer valid at `now`. */
export function isLogUrlExpired(event: FleetEvent, now: number): boolean {
  const expiry = logUrlExpiry(event);
  return expiry !== undefined && now >= expiry;
}

/** Milliseconds left before the URL expires (0 when expired or absent). */
export function logUrlRemainingMs(event: FleetEvent, now: number): number {
  const expiry = logUrlExpiry(event);
  return expiry === undefined ? 0 : Math.max(0, expiry - now);
}
