// What the editor needs beyond the diagnostics, added to a validation result afterwards: the
// range of each record's eventName (the outline's selection range) and the fleet IDs and ARNs in
// GameLift records (the "Fetch events for fleet-…" links). Both are text searches inside the
// record ranges the validation found, so they run after the diagnostics are known and outside
// the checks, which do not need them.

import { skipString } from './parser';
import { GAMELIFT_SOURCE } from './gameliftChecks';
import type { CtFleetRef, CtRecordSummary, CtValidationResult } from './types';

const FLEET_VALUE = /^(?:arn:[^:]*:gamelift:([^:]*):[^:]*:[a-z]*fleet\/)?([a-z]*fleet-[a-zA-Z0-9-]+)$/;

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Sets nameStart/nameEnd to the eventName string value (with its quotes) of the record. */
function locateEventName(text: string, s: CtRecordSummary): void {
  if (s.eventName === undefined) return;
  let at = text.indexOf('"eventName"', s.start);
  while (at >= 0 && at < s.end) {
    let i = at + 11;
    while (i < s.end && isWs(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 58) {
      i++;
      while (i < s.end && isWs(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 34 && text.startsWith(s.eventName, i + 1)) {
        s.nameStart = i;
        s.nameEnd = Math.min(skipString(text, i), s.end);
        return;
      }
    }
    at = text.indexOf('"eventName"', at + 11);
  }
}

/** Fleet IDs and ARNs among the string values (not the keys) of one GameLift record. */
function collectFleetRefs(text: string, s: CtRecordSummary, out: CtFleetRef[]): void {
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

/**
 * Adds eventName ranges to the record summaries and fills `fleetRefs`, in place, for the text
 * the result was computed from. Returns the same result.
 */
export function indexRecords(text: string, result: CtValidationResult): CtValidationResult {
  const refs: CtFleetRef[] = [];
  for (const s of result.records) {
    locateEventName(text, s);
    if (s.eventSource === GAMELIFT_SOURCE) collectFleetRefs(text, s, refs);
  }
  result.fleetRefs = refs;
  return result;
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
