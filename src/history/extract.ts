// Finds the CloudTrail records in one file's bytes, whatever its shape: a delivery
// (`{"Records":[…]}`), an array of records, one record, JSON Lines of any of these (what
// `zcat *.json.gz` gives), EventBridge envelopes (the record is `detail`) and the output of
// `aws cloudtrail lookup-events` (`{"Events":[{"CloudTrailEvent":"<record as a JSON string>"}]}`).
// Each record is parsed on its own from its slice, and reported with where that slice is.
import {
  arrayElements,
  CLOSE_BRACE,
  COLON,
  COMMA,
  JsonScanError,
  objectMembers,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  skipSpace,
  skipString,
  skipValue,
} from './jsonScan';

/** How a record's slice is written: the record itself, or a JSON string holding it (lookup-events). */
export const enum RecordEncoding {
  Json = 0,
  JsonString = 1,
}

export type RecordSink = (
  record: Record<string, unknown>,
  start: number,
  end: number,
  encoding: RecordEncoding,
) => void;

export interface ExtractOutcome {
  /** Values that were not records (or did not parse), with the first reason. */
  readonly skipped: number;
  readonly firstProblem?: string;
  /** The file is damaged from this point on (records before it were reported). */
  readonly damaged?: string;
}

/** True for an object that reads as a CloudTrail record (Insights records have no eventName). */
export function looksLikeRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v.eventTime === 'string' || typeof v.eventName === 'string' || typeof v.eventID === 'string';
}

export function extractRecords(bytes: Uint8Array, sink: RecordSink): ExtractOutcome {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let skipped = 0;
  let firstProblem: string | undefined;
  const skip = (why: string) => {
    skipped++;
    firstProblem ??= why;
  };
  const parseAt = (start: number, end: number): unknown => {
    try {
      return JSON.parse(buffer.toString('utf8', start, end));
    } catch (e) {
      skip(`${(e as Error).message} (value at byte ${start})`);
      return undefined;
    }
  };
  const emitJson = (start: number, end: number) => {
    const value = parseAt(start, end);
    if (value === undefined) return;
    if (looksLikeRecord(value)) sink(value, start, end, RecordEncoding.Json);
    else skip(`the value at byte ${start} is not a CloudTrail record`);
  };
  const emitLookupEvent = (start: number) => {
    if (buffer[start] !== OPEN_BRACE) return skip(`the Events entry at byte ${start} is not an object`);
    const member = objectMembers(buffer, start).members.find((m) => m.name === 'CloudTrailEvent');
    if (!member || buffer[member.start] !== QUOTE)
      return skip(`the Events entry at byte ${start} has no CloudTrailEvent text`);
    const text = parseAt(member.start, member.end);
    if (typeof text !== 'string') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return skip(`CloudTrailEvent at byte ${member.start} is not JSON: ${(e as Error).message}`);
    }
    if (looksLikeRecord(value)) sink(value, member.start, member.end, RecordEncoding.JsonString);
    else skip(`CloudTrailEvent at byte ${member.start} is not a CloudTrail record`);
  };

  /** An object at the top level, in an array or on a line: a container, an envelope or a record. */
  const handleObject = (start: number): number => {
    let i = skipSpace(buffer, start + 1);
    let container = false;
    let detail: { start: number; end: number } | undefined;
    let envelope = false;
    if (buffer[i] === CLOSE_BRACE) return i + 1;
    for (;;) {
      if (buffer[i] !== QUOTE) throw new JsonScanError('expected a member name', i);
      const nameEnd = skipString(buffer, i);
      const name = buffer.toString('latin1', i + 1, nameEnd - 1);
      i = skipSpace(buffer, nameEnd);
      if (buffer[i] !== COLON) throw new JsonScanError('expected ":"', i);
      const valueStart = skipSpace(buffer, i + 1);
      let valueEnd: number;
      if (name === 'Records' && buffer[valueStart] === OPEN_BRACKET) {
        container = true;
        valueEnd = arrayElements(buffer, valueStart, emitJson);
      } else if (name === 'Events' && buffer[valueStart] === OPEN_BRACKET) {
        container = true;
        valueEnd = arrayElements(buffer, valueStart, emitLookupEvent);
      } else {
        valueEnd = skipValue(buffer, valueStart);
        if (name === 'detail' && buffer[valueStart] === OPEN_BRACE) detail = { start: valueStart, end: valueEnd };
        else if (name === 'detail-type') envelope = true;
      }
      i = skipSpace(buffer, valueEnd);
      if (buffer[i] === COMMA) {
        i = skipSpace(buffer, i + 1);
        continue;
      }
      if (buffer[i] === CLOSE_BRACE) break;
      throw new JsonScanError(i >= buffer.length ? 'the text ends inside an object' : 'expected "," or "}"', i);
    }
    const end = i + 1;
    if (container) return end;
    if (envelope && detail) emitJson(detail.start, detail.end);
    else emitJson(start, end);
    return end;
  };

  let i = 0;
  // A UTF-8 byte order mark.
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) i = 3;
  try {
    i = skipSpace(buffer, i);
    while (i < buffer.length) {
      const c = buffer[i];
      if (c === OPEN_BRACE) i = handleObject(i);
      else if (c === OPEN_BRACKET) {
        i = arrayElements(buffer, i, (s) => {
          if (buffer[s] === OPEN_BRACE) handleObject(s);
          else skip(`the array entry at byte ${s} is not an object`);
        });
      } else throw new JsonScanError('this is not JSON (expected "{" or "[")', i);
      i = skipSpace(buffer, i);
    }
  } catch (e) {
    if (!(e instanceof JsonScanError)) throw e;
    return { skipped, ...(firstProblem ? { firstProblem } : {}), damaged: e.message };
  }
  return { skipped, ...(firstProblem ? { firstProblem } : {}) };
}
