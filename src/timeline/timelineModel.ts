// Builds the fleet timeline's view model from the loaded events: one lane per category (in
// the catalog's display order, only lanes that have events), one mark per timed event (per
// column of the axis in a busy lane, see laneMarks.ts), the diagnosis' evidence marked, and a
// status band reconstructed from the fleet-state events. Pure: no vscode, no clock.
import { EVENT_CATEGORIES, lookupEventCode, type EventCodeInfo } from '../gamelift/eventCatalog';
import { isTransitional } from '../gamelift/fleetStatus';
import type { FleetEvent, FleetRef, FleetSummary } from '../gamelift/types';
import { COLUMNS, GROUP_THRESHOLD, laneMarks } from './laneMarks';
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

/** The indices of `times` in time order, stable (list order among equal times). */
function timeOrder(times: readonly number[]): number[] {
  const order = times.map((_, i) => i);
  let ascending = true;
  let descending = true;
  for (let i = 1; i < times.length && (ascending || descending); i++) {
    if (times[i] < times[i - 1]) ascending = false;
    if (times[i] >= times[i - 1]) descending = false;
  }
  // Loaded events come newest first: strictly descending needs no sort (ties would, to stay stable).
  if (ascending) return order;
  if (descending) return order.reverse();
  return order.sort((a, b) => times[a] - times[b] || a - b);
}

const TONE_RANK: Readonly<Record<StatusTone, number>> = { ok: 0, ended: 1, unknown: 2, progress: 3, error: 4 };

/**
 * Status segments in time order; the last one stays open until `end`. Above COLUMNS changes (a
 * flapping fleet), runs of segments narrower than a column become one segment with the worst
 * tone among them, the last status and how many changes it stands for.
 */
export function statusBand(events: readonly FleetEvent[], end: number): StatusSegmentView[] {
  const times: number[] = [];
  const statuses: string[] = [];
  const statusOf = new Map<string, string | undefined>();
  for (const e of events) {
    let status = statusOf.get(e.eventCode);
    if (status === undefined && !statusOf.has(e.eventCode))
      statusOf.set(e.eventCode, (status = statusFromCode(e.eventCode)));
    const time = e.eventTime;
    if (status === undefined || typeof time !== 'number' || !Number.isFinite(time)) continue;
    times.push(time);
    statuses.push(status);
  }
  // Two changes at the same instant: the later one wins, no zero-width segment.
  const kept: number[] = [];
  const order = timeOrder(times);
  for (let k = 0; k < order.length; k++) {
    const next = order[k + 1];
    if (next === undefined || times[next] !== times[order[k]]) kept.push(order[k]);
  }
  const startOf = (k: number) => times[kept[k]];
  const endOf = (k: number) => (k + 1 < kept.length ? times[kept[k + 1]] : end);
  const segment = (k: number): StatusSegmentView => ({
    status: statuses[kept[k]],
    start: startOf(k),
    end: endOf(k),
    tone: toneForStatus(statuses[kept[k]]),
    open: k === kept.length - 1,
  });
  if (kept.length <= COLUMNS) return kept.map((_, k) => segment(k));
  const width = (end - startOf(0)) / COLUMNS;
  const narrow = (k: number) => endOf(k) - startOf(k) < width;
  const segments: StatusSegmentView[] = [];
  for (let i = 0; i < kept.length;) {
    let j = i;
    while (j < kept.length && narrow(j) && endOf(j) - startOf(i) <= width) j++;
    if (j <= i + 1) {
      segments.push(segment(i));
      i = Math.max(j, i + 1);
      continue;
    }
    let tone = toneForStatus(statuses[kept[i]]);
    for (let k = i + 1; k < j; k++) {
      const t = toneForStatus(statuses[kept[k]]);
      if (TONE_RANK[t] > TONE_RANK[tone]) tone = t;
    }
    const last = segment(j - 1);
    segments.push({ ...last, start: startOf(i), tone, changes: j - i });
    i = j;
  }
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
  const byCategory = new Map<string, FleetEvent[]>();
  // Looked up once per code, not per event: a million events have a few dozen codes.
  const infos = new Map<string, EventCodeInfo>();
  const infoOf = (code: string): EventCodeInfo => {
    let info = infos.get(code);
    if (!info) infos.set(code, (info = lookupEventCode(code)));
    return info;
  };
  let timedCount = 0;
  let start = Infinity;
  let end = -Infinity;
  for (const event of events) {
    const time = event.eventTime;
    if (typeof time !== 'number' || !Number.isFinite(time)) continue;
    timedCount++;
    if (time < start) start = time;
    if (time > end) end = time;
    const category = infoOf(event.eventCode).category;
    const lane = byCategory.get(category);
    if (lane) lane.push(event);
    else byCategory.set(category, [event]);
  }
  if (timedCount === 0) start = end = 0;
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
    const laneEvents = byCategory.get(c.id) ?? [];
    return {
      category: c.id,
      label: c.label,
      marks: laneMarks(laneEvents, infoOf, start, end, isEvidence),
      eventCount: laneEvents.length,
      grouped: laneEvents.length > GROUP_THRESHOLD,
    };
  });

  return {
    fleet: toFleetInfo(ref, fleet),
    start,
    end,
    lanes,
    statusBand: statusBand(events, end),
    eventCount: events.length,
    untimedCount: events.length - timedCount,
    ...(diagnosis && diagnosis.evidenceEventIds.size > 0 ? { diagnosisHeadline: diagnosis.headline } : {}),
  };
}
