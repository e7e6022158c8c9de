// The diagnosis the tree can make without a call: from the events already loaded (the newest
// QUICK_MAX_EVENTS; for an ACTIVE fleet those of the diagnosis' recent window), so drawing a
// fleet stays cheap. "Diagnose fleet" gathers the rest (src/diagnosis/gather.ts). Pure.
import { ACTIVE_WINDOW_MS } from '../../diagnosis/gather';
import { diagnoseFleet, type Diagnosis } from '../../diagnosis';
import type { FleetEvent, FleetSummary } from '../../gamelift/types';

/** Most loaded events the tree's diagnosis reads (it stays well under 50 ms). */
export const QUICK_MAX_EVENTS = 10_000;

/** A diagnosis from loaded events (newest first); undefined without a known status. */
export function quickDiagnosis(
  fleet: FleetSummary | undefined,
  events: readonly FleetEvent[],
  allLoaded: boolean,
  now: number,
): Diagnosis | undefined {
  if (!fleet?.status) return undefined;
  const active = fleet.status === 'ACTIVE';
  let n = Math.min(events.length, QUICK_MAX_EVENTS);
  if (active) {
    const from = now - ACTIVE_WINDOW_MS;
    let i = 0;
    while (i < n && (events[i].eventTime ?? now) >= from) i++;
    n = i;
  }
  return diagnoseFleet({
    fleet,
    events: n === events.length ? events : events.slice(0, n),
    // An ACTIVE fleet is judged on its recent window by design; others need their whole history.
    eventsComplete: active || (allLoaded && n === events.length),
    now,
  });
}
