// Names of an event's log documents: `<fleet> · <EVENT_CODE> · <time>.log`, and, when a zip
// log holds several files, the file after it. Pure.
import type { FleetEvent } from '../gamelift/types';
import { formatUtc } from '../common/timeFormat';

/** `arena-prod · SERVER_PROCESS_CRASHED · 2026-05-11 10:00:00 UTC.log` (the file's name added when there are several). */
export function eventLogTitle(
  fleetLabel: string,
  event: Pick<FleetEvent, 'eventCode' | 'eventTime'>,
  file?: { name: string; of: number },
): string {
  const when = event.eventTime !== undefined ? formatUtc(event.eventTime) : 'no time';
  const base = `${fleetLabel} · ${event.eventCode} · ${when}`;
  if (!file || file.of <= 1) return `${base}.log`;
  const name = file.name
    .split(/[\\/]/)
    .filter((p) => p)
    .join(' › ');
  return `${base} · ${name}`;
}
