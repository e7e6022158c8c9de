// What the editor needs beyond the diagnostics, built beside a validation result: the range of
// each record's eventName (the outline's selection range) and the fleet IDs and ARNs in GameLift
// records (the "Fetch events for fleet-…" links). Both are text searches inside the record ranges
// the validation found, so they run after the diagnostics are known and outside the checks,
// which do not need them; after an edit inside one record only that record is searched again.

import { skipString } from './parser';
import { GAMELIFT_SOURCE } from './gameliftChecks';
import type { CtFleetRef, CtRecordIndex, CtRecordSummary } from './types';

const FLEET_VALUE = /^(?:arn:[^:]*:gamelift:([^:]*):[^:]*:[a-z]*fleet\/)?([a-z]*fleet-[a-zA-Z0-9-]+)$/;

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Writes the range of the record's eventName string value (with its quotes) at `names[2 * slot]`, or -1, -1. */
function locateEventName(text: string, s: CtRecordSummary, names: Int32Array, slot: number): void {
  names[2 * slot] = -1;
  names[2 * slot + 1] = -1;
  if (s.eventName === undefined) return;
  let at = text.indexOf('"eventName"', s.start);
  while (at >= 0 && at < s.end) {
    let i = at + 11;
    while (i < s.end && isWs(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 58) {
      i++;
      while (i < s.end && isWs(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 34 && text.startsWith(s.eventName, i + 1)) {
        names[2 * slot] = i;
        names[2 * slot + 1] = Math.min(skipString(text, i), s.end);
        return;
      }
    }
    at = text.indexOf('"eventName"', at + 11);
  }
}

/** Fleet IDs and ARNs among the string values (not the keys) of one GameLift record. */
function collectFleetRefs(text: string, s: CtRecordSummary, out: CtFleetRef[]): void {
  if (s.eventSource !== GAMELIFT_SOURCE) return;
  const { start, end } = s;
  let at = text.indexOf('fleet-', start);
  while (at >= 0 && at < end) {
    // The enclosing string: quotes found by walking out from the match (IDs and ARNs are short).
    let q1 = at - 1;
    while (q1 > start && at - q1 < 600 && text.charCodeAt(q1) !== 34) q1--;
    let q2 = at + 6;
    while (q2 < end && q2 - at < 200 && text.charCodeAt(q2) !== 34) q2++;
    if (text.charCodeAt(q1) === 34 && text.charCodeAt(q2) === 34) {
      const content = text.slice(q1 + 1, q2);
      const m = FLEET_VALUE.exec(content);
      if (m) {
        let i = q2 + 1;
        while (i < end && isWs(text.charCodeAt(i))) i++;
        if (text.charCodeAt(i) !== 58) {
          const ref: CtFleetRef = { fleetId: m[2], start: q1 + 1, end: q2, record: s.index };
          if (m[1] !== undefined) {
            ref.text = content;
            if (m[1]) ref.arnRegion = m[1];
          }
          if (s.awsRegion) ref.region = s.awsRegion;
          out.push(ref);
        }
      }
    }
    at = text.indexOf('fleet-', Math.max(q2, at + 6));
  }
}

/** The eventName ranges and fleet references of `records` (a validation result's, for the same text). */
export function indexRecords(text: string, records: readonly CtRecordSummary[]): CtRecordIndex {
  const names = new Int32Array(records.length * 2);
  const fleetRefs: CtFleetRef[] = [];
  for (let i = 0; i < records.length; i++) {
    locateEventName(text, records[i], names, i);
    collectFleetRefs(text, records[i], fleetRefs);
  }
  return { names, fleetRefs };
}

/**
 * The index after an edit that stayed inside record `k`: the records before it keep their
 * entries, record `k` (as in `records`, the new result's) is searched again in the new text,
 * and the entries after it move by `delta`, the change in the text's length.
 */
export function reindexRecord(
  prev: CtRecordIndex,
  text: string,
  records: readonly CtRecordSummary[],
  k: number,
  delta: number,
): CtRecordIndex {
  const names = prev.names.slice();
  for (let i = 2 * (k + 1); i < names.length; i++) if (names[i] >= 0) names[i] += delta;
  locateEventName(text, records[k], names, k);
  const own: CtFleetRef[] = [];
  collectFleetRefs(text, records[k], own);
  const fleetRefs: CtFleetRef[] = [];
  for (const f of prev.fleetRefs) {
    const r = f.record ?? -1;
    if (r < k) fleetRefs.push(f);
    else if (r > k) fleetRefs.push(delta === 0 ? f : { ...f, start: f.start + delta, end: f.end + delta });
  }
  // Record k's references go between the ones before and after it.
  const at = fleetRefs.findIndex((f) => (f.record ?? -1) > k);
  fleetRefs.splice(at < 0 ? fleetRefs.length : at, 0, ...own);
  return { names, fleetRefs };
}

/** Index of the record whose range contains `offset` (binary search on the records, which are in text order), or -1. */
export function recordContaining(records: readonly CtRecordSummary[], offset: number): number {
  let lo = 0;
  let hi = records.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = records[mid];
    if (offset < r.start) hi = mid - 1;
    else if (offset >= r.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
