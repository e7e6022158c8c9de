// The marks of one timeline lane: one per event while the lane is small, else one per column
// of the axis (its busiest event stands for the rest), so a million events cost a few thousand
// marks. Pure: no vscode, no DOM; the page merges columns that share a pixel with `mergeColumns`.
import type { EventCodeInfo, Severity } from '../gamelift/eventCatalog';
import type { FleetEvent } from '../gamelift/types';
import { formatUtc } from '../common/timeFormat';
import type { MarkGroupView, TimelineMarkView } from './protocol';

/** A lane with more events than this draws one mark per column instead of one per event. */
export const GROUP_THRESHOLD = 1000;
/** Columns of a grouped lane: more than any panel is wide in pixels, so the page merges, never splits. */
export const COLUMNS = 2048;

// Not the catalog's severityRank: the page imports this module and must not bundle the catalog.
const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };
const severityRank = (s: Severity): number => RANK[s];

/** Which of two events stands for a column: evidence first, then the worse severity, then the later. */
function outranks(aSeverity: Severity, aTime: number, aEvidence: boolean, b: Column): boolean {
  if (aEvidence !== b.repEvidence) return aEvidence;
  const bySeverity = severityRank(aSeverity) - severityRank(b.repSeverity);
  return bySeverity !== 0 ? bySeverity > 0 : aTime > b.repTime;
}

function markOf(event: FleetEvent, info: EventCodeInfo, evidence: boolean, group?: MarkGroupView): TimelineMarkView {
  const time = event.eventTime as number;
  return {
    eventId: event.eventId,
    eventCode: event.eventCode,
    title: info.title,
    severity: info.severity,
    time,
    timeUtc: formatUtc(time),
    ...(event.message !== undefined ? { message: event.message } : {}),
    ...(event.count !== undefined ? { count: event.count } : {}),
    ...(evidence ? { evidence: true } : {}),
    ...(group ? { group } : {}),
  };
}

interface Column {
  rep: FleetEvent;
  repSeverity: Severity;
  repTime: number;
  repEvidence: boolean;
  events: number;
  start: number;
  end: number;
  errors: number;
  warnings: number;
  evidence: number;
}

/**
 * The lane's marks in time order, grouped per column of [start, end] above GROUP_THRESHOLD
 * events. `events` are timed; `infoOf` is the catalog's entry for a code.
 */
export function laneMarks(
  events: readonly FleetEvent[],
  infoOf: (code: string) => EventCodeInfo,
  start: number,
  end: number,
  isEvidence: (eventId: string) => boolean,
): TimelineMarkView[] {
  const timeOf = (e: FleetEvent) => e.eventTime as number;
  if (events.length <= GROUP_THRESHOLD)
    return [...events]
      .sort((a, b) => timeOf(a) - timeOf(b))
      .map((e) => markOf(e, infoOf(e.eventCode), isEvidence(e.eventId)));
  const columns = new Array<Column | undefined>(COLUMNS);
  const scale = COLUMNS / (end - start);
  for (const e of events) {
    const time = timeOf(e);
    const i = Math.min(COLUMNS - 1, Math.max(0, Math.floor((time - start) * scale)));
    const evidence = isEvidence(e.eventId);
    const severity = infoOf(e.eventCode).severity;
    const c = columns[i];
    if (!c) {
      columns[i] = {
        rep: e,
        repSeverity: severity,
        repTime: time,
        repEvidence: evidence,
        events: 1,
        start: time,
        end: time,
        errors: severity === 'error' ? 1 : 0,
        warnings: severity === 'warning' ? 1 : 0,
        evidence: evidence ? 1 : 0,
      };
      continue;
    }
    c.events++;
    if (time < c.start) c.start = time;
    if (time > c.end) c.end = time;
    if (severity === 'error') c.errors++;
    else if (severity === 'warning') c.warnings++;
    if (evidence) c.evidence++;
    if (outranks(severity, time, evidence, c)) {
      c.rep = e;
      c.repSeverity = severity;
      c.repTime = time;
      c.repEvidence = evidence;
    }
  }
  const marks: TimelineMarkView[] = [];
  for (const c of columns) {
    if (!c) continue;
    const { events: count, start: from, end: to, errors, warnings, evidence } = c;
    const group = count > 1 ? { events: count, start: from, end: to, errors, warnings, evidence } : undefined;
    marks.push(markOf(c.rep, infoOf(c.rep.eventCode), c.repEvidence, group));
  }
  return marks;
}

/** The group a mark stands for (a single event is a group of one). */
function groupOf(m: TimelineMarkView): MarkGroupView {
  return (
    m.group ?? {
      events: 1,
      start: m.time,
      end: m.time,
      errors: m.severity === 'error' ? 1 : 0,
      warnings: m.severity === 'warning' ? 1 : 0,
      evidence: m.evidence ? 1 : 0,
    }
  );
}

function worse(a: TimelineMarkView, b: TimelineMarkView): boolean {
  if (Boolean(a.evidence) !== Boolean(b.evidence)) return Boolean(a.evidence);
  const bySeverity = severityRank(a.severity) - severityRank(b.severity);
  return bySeverity !== 0 ? bySeverity > 0 : a.time > b.time;
}

/**
 * Merges marks (in time order) that fall into the same pixel column, as `columnOf` says, into
 * one grouped mark; used by the page on grouped lanes, so it draws at most one mark per pixel.
 */
export function mergeColumns(
  marks: readonly TimelineMarkView[],
  columnOf: (time: number) => number,
): TimelineMarkView[] {
  const out: TimelineMarkView[] = [];
  let lastColumn = Number.NaN;
  for (const m of marks) {
    const column = columnOf(m.group ? m.group.start : m.time);
    const prev = out[out.length - 1];
    if (prev === undefined || column !== lastColumn) {
      out.push(m);
      lastColumn = column;
      continue;
    }
    const a = groupOf(prev);
    const b = groupOf(m);
    const group: MarkGroupView = {
      events: a.events + b.events,
      start: Math.min(a.start, b.start),
      end: Math.max(a.end, b.end),
      errors: a.errors + b.errors,
      warnings: a.warnings + b.warnings,
      evidence: a.evidence + b.evidence,
    };
    out[out.length - 1] = { ...(worse(m, prev) ? m : prev), group };
  }
  return out;
}

/** The worst severity among a group's events. */
export function groupSeverity(group: MarkGroupView): Severity {
  return group.errors > 0 ? 'error' : group.warnings > 0 ? 'warning' : 'info';
}
