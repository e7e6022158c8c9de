// Builds the fleet timeline's view model from the loaded events: one lane per category (in
// the catalog's display order, only lanes that have events), one mark per timed event, and
// a status band reconstructed from the fleet-state events. Pure: no vscode, no clock.
import { EVENT_CATEGORIES, lookupEventCode } from '../gamelift/eventCatalog';
import { isTransitional } from '../gamelift/fleetStatus';
import type { FleetEvent, FleetRef, FleetSummary } from '../gamelift/types';
import type { StatusSegmentView, StatusTone, TimelineLaneView, TimelineMarkView, TimelineViewModel } from './protocol';
import { formatUtc } from '../shared/timeFormat';
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
  const changes = timed
    .map((e) => ({ time: e.eventTime as number, status: statusFromCode(e.eventCode) }))
    .filter((c): c is { time: number; status: string } => c.status !== undefined)
    .sort((a, b) => a.time - b.time);
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

export function buildTimelineViewModel(
  ref: FleetRef,
  fleet: FleetSummary | undefined,
  events: readonly FleetEvent[],
): TimelineViewModel {
  const timed = events.filter((e) => typeof e.eventTime === 'number' && Number.isFinite(e.eventTime));
  const times = timed.map((e) => e.eventTime as number);
  let start = times.length > 0 ? Math.min(...times) : 0;
  let end = times.length > 0 ? Math.max(...times) : 0;
  if (end - start < MIN_SPAN_MS) {
    const middle = (start + end) / 2;
    start = middle - MIN_SPAN_MS / 2;
    end = middle + MIN_SPAN_MS / 2;
  }
  // A little room on both sides so marks at the edges are not cut in half.
  const pad = (end - start) * 0.03;
  start -= pad;
  end += pad;

  const byCategory = new Map<string, TimelineMarkView[]>();
  for (const e of [...timed].sort((a, b) => (a.eventTime as number) - (b.eventTime as number))) {
    const info = lookupEventCode(e.eventCode);
    const mark: TimelineMarkView = {
      eventId: e.eventId,
      eventCode: e.eventCode,
      title: info.title,
      severity: info.severity,
      time: e.eventTime as number,
      timeUtc: formatUtc(e.eventTime as number),
      message: e.message,
      count: e.count,
    };
    const list = byCategory.get(info.category) ?? [];
    list.push(mark);
    byCategory.set(info.category, list);
  }
  const lanes: TimelineLaneView[] = EVENT_CATEGORIES.filter((c) => byCategory.has(c.id)).map((c) => ({
    category: c.id,
    label: c.label,
    marks: byCategory.get(c.id) ?? [],
  }));

  return {
    fleet: toFleetInfo(ref, fleet),
    start,
    end,
    lanes,
    statusBand: statusBand(timed, end),
    eventCount: events.length,
    untimedCount: events.length - timed.length,
  };
}
