// What the editor needs beyond the diagnostics, built beside a validation result: the range of
// each record's eventName (the outline's selection range) and the fleet IDs and ARNs in GameLift
// records (the "Fetch events for fleet-…" links). Both are text searches inside the record ranges
// the validation found, so they run after the diagnostics are known and outside the checks,
// which do not need them; after an edit inside one record only that record is searched again.

import { Char } from './chars';
import { GAMELIFT_SOURCE } from './gameliftChecks';
import type { CtFleetRef, CtRecordIndex, CtRecordSummary } from './types';

const FLEET_VALUE = /^(?:arn:[^:]*:gamelift:([^:]*):[^:]*:[a-z]*fleet\/)?([a-z]*fleet-[a-zA-Z0-9-]+)$/;

function isWs(c: number): boolean {
  return c === Char.Space || c === Char.LF || c === Char.CR || c === Char.Tab;
}

/**
 * indexOf for one pattern, record after record: it remembers its last answer, so a record without
 * the pattern does not search the rest of the text again (the offsets asked for never decrease).
 */
class ForwardSearch {
  private found = -2;

  constructor(
    private readonly text: string,
    readonly pattern: string,
  ) {}

  /** The first match at or after `from`, or -1. */
  next(from: number): number {
    if (this.found === -1 || this.found >= from) return this.found;
    this.found = this.text.indexOf(this.pattern, from);
    return this.found;
  }
}

interface Searches {
  eventName: ForwardSearch;
  /** Inside a string (an embedded record) the quotes are escaped. */
  escapedEventName: ForwardSearch;
  fleet: ForwardSearch;
}

function searchesIn(text: string): Searches {
  return {
    eventName: new ForwardSearch(text, '"eventName"'),
    escapedEventName: new ForwardSearch(text, '\\"eventName\\"'),
    fleet: new ForwardSearch(text, 'fleet-'),
  };
}

/** Writes the range of the record's eventName string value (with its quotes) at `names[2 * slot]`, or -1, -1. */
function locateEventName(text: string, s: CtRecordSummary, names: Int32Array, slot: number, search: Searches): void {
  names[2 * slot] = -1;
  names[2 * slot + 1] = -1;
  const name = s.eventName;
  if (name === undefined) return;
  const keys = s.embedded ? search.escapedEventName : search.eventName;
  const quote = s.embedded ? '\\"' : '"';
  const key = keys.pattern;
  for (let at = keys.next(s.start); at >= 0 && at < s.end; at = keys.next(at + key.length)) {
    let i = at + key.length;
    while (i < s.end && isWs(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== Char.Colon) continue;
    i++;
    while (i < s.end && isWs(text.charCodeAt(i))) i++;
    const end = i + quote.length + name.length;
    if (text.startsWith(quote, i) && text.startsWith(name, i + quote.length) && text.startsWith(quote, end)) {
      names[2 * slot] = i;
      names[2 * slot + 1] = end + quote.length;
      return;
    }
  }
}

/** Fleet IDs and ARNs among the string values (not the keys) of one GameLift record. */
function collectFleetRefs(text: string, s: CtRecordSummary, out: CtFleetRef[], search: Searches): void {
  if (s.eventSource !== GAMELIFT_SOURCE) return;
  const { start, end } = s;
  let at = search.fleet.next(start);
  while (at >= 0 && at < end) {
    // The enclosing string: quotes found by walking out from the match (IDs and ARNs are short).
    let q1 = at - 1;
    while (q1 > start && at - q1 < 600 && text.charCodeAt(q1) !== Char.Quote) q1--;
    let q2 = at + 6;
    while (q2 < end && q2 - at < 200 && text.charCodeAt(q2) !== Char.Quote) q2++;
    if (text.charCodeAt(q1) === Char.Quote && text.charCodeAt(q2) === Char.Quote) {
      // Inside a string, the value's closing quote is escaped: its backslash is not part of the ID.
      const close = s.embedded && text.charCodeAt(q2 - 1) === Char.Backslash ? q2 - 1 : q2;
      const content = text.slice(q1 + 1, close);
      const m = FLEET_VALUE.exec(content);
      if (m) {
        let i = q2 + 1;
        while (i < end && isWs(text.charCodeAt(i))) i++;
        if (text.charCodeAt(i) !== Char.Colon) {
          const ref: CtFleetRef = { fleetId: m[2], start: q1 + 1, end: close, record: s.index };
          if (m[1] !== undefined) {
            ref.text = content;
            if (m[1]) ref.arnRegion = m[1];
          }
          if (s.awsRegion) ref.region = s.awsRegion;
          out.push(ref);
        }
      }
    }
    at = search.fleet.next(Math.max(q2, at + 6));
  }
}

/** The eventName ranges and fleet references of `records` (a validation result's, for the same text). */
export function indexRecords(text: string, records: readonly CtRecordSummary[]): CtRecordIndex {
  const names = new Int32Array(records.length * 2);
  const fleetRefs: CtFleetRef[] = [];
  const search = searchesIn(text);
  for (let i = 0; i < records.length; i++) {
    locateEventName(text, records[i], names, i, search);
    collectFleetRefs(text, records[i], fleetRefs, search);
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
  const search = searchesIn(text);
  locateEventName(text, records[k], names, k, search);
  const own: CtFleetRef[] = [];
  collectFleetRefs(text, records[k], own, search);
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
