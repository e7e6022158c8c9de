// Builds the fleet timeline's view model from the loaded events: one lane per category (in
// the catalog's display order, only lanes that have events), one mark per timed event (per
// column of the axis in a busy lane, see laneMarks.ts), the diagnosis' evidence marked, and a
// status band reconstructed from the fleet-state events. Pure: no vscode, no clock.
import { EVENT_CATEGORIES, lookupEventCode } from '../gamelift/eventCatalog';
import { isTransitional } from '../gamelift/fleetStatus';
import type { FleetEvent, FleetRef, FleetSummary } from '../gamelift/types';
import { GROUP_THRESHOLD, laneMarks, type PlacedEvent } from './laneMarks';
import type { StatusSegmentView, StatusTone, TimelineLaneView, TimelineViewModel } from './protocol';
import { toFleetInfo } from '../panel/fleetInfo';

/** Fleet status a code moves the fleet into, or undefined if it is not a status change. */
export function statusFromCode(code: string): string | undefined {
  if (code.startsWith('FLEET_STATE_')) return code.slice('FLEET_STATE_'.length) || undefined;
  if (code === 'FLEET_CREATED') return 'NEW';
  if (code === 'FLEET_DELETED') return 'DELETING';
  if (code === 'FLEET_EXPIRED') return 'EXPIRED';
  return undefined;
}

export function toneForStatus(status: string): StatusTone {
  switch (status) {
    case 'ACTIVE':
      return 'ok';
    case 'ERROR':
      return 'error';
    case 'DELETING':
    case 'TERMINATED':
    case 'EXPIRED':
      return 'ended';
    // A container fleet without instances yet: drawn as on its way, though it may rest there.
    case 'CREATED':
      return 'progress';
    default:
      return isTransitional(status) ? 'progress' : 'unknown';
  }
}

/** Status segments in time order; the last one stays open until `end`. */
export function statusBand(timed: readonly FleetEvent[], end: number): StatusSegmentView[] {
  const changes: { time: number; status: string }[] = [];
  for (const e of timed) {
    const status = statusFromCode(e.eventCode);
    if (status !== undefined) changes.push({ time: e.eventTime as number, status });
  }
  changes.sort((a, b) => a.time - b.time);
  const segments: StatusSegmentView[] = [];
  changes.forEach((c, i) => {
    const next = changes[i + 1];
    // Two changes at the same instant: the later one in the list wins, no zero-width segment.
    if (next && next.time === c.time) return;
    segments.push({
      status: c.status,
      start: c.time,
      end: next ? next.time : end,
      tone: toneForStatus(c.status),
      open: !next,
    });
  });
  return segments;
}

const MIN_SPAN_MS = 2 * 60_000;

/** What the timeline marks of the fleet's diagnosis: its headline and the events it cites. */
export interface TimelineDiagnosis {
  readonly headline: string;
  readonly evidenceEventIds: ReadonlySet<string>;
}

export function buildTimelineViewModel(
  ref: FleetRef,
  fleet: FleetSummary | undefined,
  events: readonly FleetEvent[],
  diagnosis?: TimelineDiagnosis,
): TimelineViewModel {
  // One pass: the lanes' events and the span (no Math.min(...times): it overflows the stack
  // at about 130,000 arguments).
  const byCategory = new Map<string, PlacedEvent[]>();
  const timed: FleetEvent[] = [];
  let start = Infinity;
  let end = -Infinity;
  for (const event of events) {
    const time = event.eventTime;
    if (typeof time !== 'number' || !Number.isFinite(time)) continue;
    timed.push(event);
    if (time < start) start = time;
    if (time > end) end = time;
    const info = lookupEventCode(event.eventCode);
    const lane = byCategory.get(info.category);
    if (lane) lane.push({ event, time, info });
    else byCategory.set(info.category, [{ event, time, info }]);
  }
  if (timed.length === 0) start = end = 0;
  if (end - start < MIN_SPAN_MS) {
    const middle = (start + end) / 2;
    start = middle - MIN_SPAN_MS / 2;
    end = middle + MIN_SPAN_MS / 2;
  }
  // A little room on both sides so marks at the edges are not cut in half.
  const pad = (end - start) * 0.03;
  start -= pad;
  end += pad;

  const evidence = diagnosis?.evidenceEventIds;
  const isEvidence = (eventId: string) => evidence?.has(eventId) ?? false;
  const lanes: TimelineLaneView[] = EVENT_CATEGORIES.filter((c) => byCategory.has(c.id)).map((c) => {
    const placed = byCategory.get(c.id) ?? [];
    return {
      category: c.id,
      label: c.label,
      marks: laneMarks(placed, start, end, isEvidence),
      eventCount: placed.length,
      grouped: placed.length > GROUP_THRESHOLD,
    };
  });

  return {
    fleet: toFleetInfo(ref, fleet),
    start,
    end,
    lanes,
    statusBand: statusBand(timed, end),
    eventCount: events.length,
    untimedCount: events.length - timed.length,
    ...(diagnosis && diagnosis.evidenceEventIds.size > 0 ? { diagnosisHeadline: diagnosis.headline } : {}),
  };
}
