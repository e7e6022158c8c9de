// Reading the packed record table of a PositionedResult: labels, ranges, and which records a
// text range touches (binary search). Used by the outline and by the providers that work on
// one record's text instead of a whole large document. Pure: no `vscode` import.
import {
  FLEET_REF_STRIDE,
  LabelField,
  RECORD_STRIDE,
  RecordSlot,
  type LcFleetRef,
  type PositionedResult,
} from './positionedResult';

export interface RecordView {
  index: number;
  startOffset: number;
  endOffset: number;
  /** [line, column, line, column] of the record. */
  range: [number, number, number, number];
  /** Range of the eventName value, when the record has one. */
  nameRange?: [number, number, number, number];
  eventName: string;
  eventTime: string;
  user: string;
  eventSource: string;
  errorCode: string;
  awsRegion: string;
}

const labelCache = new WeakMap<PositionedResult, string[]>();

function labelsOf(result: PositionedResult): string[] {
  let lines = labelCache.get(result);
  if (!lines) {
    lines = result.recordCount === 0 ? [] : result.recordLabels.split('\n');
    labelCache.set(result, lines);
  }
  return lines;
}

export function recordAt(result: PositionedResult, index: number): RecordView {
  const p = result.recordPositions;
  const o = index * RECORD_STRIDE;
  const fields = (labelsOf(result)[index] ?? '').split('\t');
  const hasName = p[o + RecordSlot.NameStartLine] >= 0;
  return {
    index,
    startOffset: p[o + RecordSlot.StartOffset],
    endOffset: p[o + RecordSlot.EndOffset],
    range: [
      p[o + RecordSlot.StartLine],
      p[o + RecordSlot.StartColumn],
      p[o + RecordSlot.EndLine],
      p[o + RecordSlot.EndColumn],
    ],
    nameRange: hasName
      ? [
          p[o + RecordSlot.NameStartLine],
          p[o + RecordSlot.NameStartColumn],
          p[o + RecordSlot.NameEndLine],
          p[o + RecordSlot.NameEndColumn],
        ]
      : undefined,
    eventName: fields[LabelField.EventName] ?? '',
    eventTime: fields[LabelField.EventTime] ?? '',
    user: fields[LabelField.User] ?? '',
    eventSource: fields[LabelField.EventSource] ?? '',
    errorCode: fields[LabelField.ErrorCode] ?? '',
    awsRegion: fields[LabelField.AwsRegion] ?? '',
  };
}

/** Outline label: `eventName · eventTime · user`, leaving out what the record lacks. */
export function recordLabel(r: RecordView): string {
  const parts = [r.eventName || `record ${r.index + 1}`, r.eventTime, r.user].filter((s) => s.length > 0);
  return parts.join(' · ');
}

/**
 * Offsets [start, end) covering whole records that overlap [from, to), or undefined when no
 * record does. Records are sorted by offset, so this is two binary searches.
 */
export function recordSpan(
  result: PositionedResult,
  from: number,
  to: number,
): { start: number; end: number; first: number; last: number } | undefined {
  const n = result.recordCount;
  if (n === 0) return undefined;
  const p = result.recordPositions;
  const startOf = (i: number): number => p[i * RECORD_STRIDE + RecordSlot.StartOffset];
  const endOf = (i: number): number => p[i * RECORD_STRIDE + RecordSlot.EndOffset];
  // first record whose end > from
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (endOf(mid) > from) hi = mid;
    else lo = mid + 1;
  }
  const first = lo;
  // last record whose start < to
  lo = 0;
  hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (startOf(mid) < to) lo = mid + 1;
    else hi = mid;
  }
  const last = lo - 1;
  if (first > last || first >= n) return undefined;
  return { start: startOf(first), end: endOf(last), first, last };
}

const fleetCache = new WeakMap<PositionedResult, LcFleetRef[]>();

/** The packed fleet references as objects (built once per result, on the thread that asks). */
export function fleetRefsOf(result: PositionedResult): LcFleetRef[] {
  let refs = fleetCache.get(result);
  if (!refs) {
    const ids = result.fleetRefIds.length > 0 ? result.fleetRefIds.split('\n') : [];
    const p = result.fleetRefPositions;
    refs = ids.map((fleetId, k) => {
      const o = k * FLEET_REF_STRIDE;
      return { fleetId, range: [p[o], p[o + 1], p[o + 2], p[o + 3]], record: p[o + 4] };
    });
    fleetCache.set(result, refs);
  }
  return refs;
}
