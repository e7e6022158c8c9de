// Cheap recognition of CloudTrail content and file names, used to switch a `json` document
// to the `cloudtrail` language. It looks only at the first few KB (the caller passes a head
// of the text), so it reads member names at the top level of the first record with a small
// string-aware scanner instead of parsing: the head is usually cut in the middle of a value.
// Pure: no `vscode` import.

/** The container of the records (records may also be JSON text in a string member of each item). */
export type DetectedShape = 'records-object' | 'records-array' | 'single-record' | 'ndjson' | 'lookup-events';

/** How much of a document the detector needs; callers slice the text to this. */
export const DETECTION_HEAD_LENGTH = 8192;

/** Member names every API, console and service record carries (Insights records carry the first few). */
const SIGNATURE_KEYS = new Set([
  'eventVersion',
  'eventTime',
  'eventSource',
  'eventName',
  'awsRegion',
  'userIdentity',
  'eventID',
  'eventType',
  'sourceIPAddress',
  'requestParameters',
  'responseElements',
  'recipientAccountId',
  'eventCategory',
  'insightDetails',
  'requestID',
]);

/** Fewest signature keys at the top of an object for it to count as a record. */
const MIN_SIGNATURE_KEYS = 3;

/**
 * What kind of CloudTrail document `head` (the start of a text) is, or undefined when it does
 * not look like one. `{"Records": [...]}` counts even when empty (quiet delivery periods);
 * arrays, single records and ndjson need record-like members at the top of the first object.
 */
export function detectCloudTrail(head: string): DetectedShape | undefined {
  const text = head.length > DETECTION_HEAD_LENGTH ? head.slice(0, DETECTION_HEAD_LENGTH) : head;
  let i = skipSpace(text, 0);
  if (text[i] === '\uFEFF') i = skipSpace(text, i + 1);
  const first = text[i];
  if (first === '{') {
    const scan = scanObject(text, i);
    if (scan.arrays.has('Records')) return 'records-object';
    const events = scan.arrays.get('Events');
    const item = events === undefined ? -1 : skipSpace(text, events + 1);
    if (item >= 0 && text[item] === '{' && scanObject(text, item).keys.has('CloudTrailEvent')) return 'lookup-events';
    const wrapper = wrapsRecord(scan.keys, text);
    if (!wrapper && !looksLikeRecord(scan.keys)) return undefined;
    if (scan.end !== undefined) {
      // A second top-level object right after the first (on a later line) means ndjson.
      const next = skipSpace(text, scan.end);
      if (text[next] === '{' && /[\r\n]/.test(text.slice(scan.end, next))) return 'ndjson';
    }
    return 'single-record';
  }
  if (first === '[') {
    const j = skipSpace(text, i + 1);
    if (text[j] !== '{') return undefined;
    const keys = scanObject(text, j).keys;
    return looksLikeRecord(keys) || wrapsRecord(keys, text) ? 'records-array' : undefined;
  }
  return undefined;
}

/**
 * An object that carries a record as JSON text in a string (`CloudTrailEvent`, a `_raw` export,
 * Splunk's `result._raw`), with record members showing, escaped, in the head.
 */
function wrapsRecord(keys: ReadonlySet<string>, head: string): boolean {
  const wrapper = keys.has('CloudTrailEvent') || keys.has('_raw') || keys.has('result');
  return wrapper && ['eventVersion', 'eventSource', 'eventName'].some((k) => head.includes(`\\"${k}\\"`));
}

/** The S3 delivery name `<account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<unique>.json[.gz]` or `*.cloudtrail.json[.gz]`. */
export function isCloudTrailFileName(fileName: string): boolean {
  const base = fileName.replace(/^.*[\\/]/, '');
  return DELIVERY_NAME.test(base) || /\.cloudtrail\.json(\.gz)?$/i.test(base);
}

// Digest files (`_CloudTrail-Digest_`) deliberately do not match: they are not record files.
const DELIVERY_NAME = /^\d{12}_CloudTrail_[\w-]+_\d{8}T\d{4}Z_?\w+\.json(\.gz)?$/;

function looksLikeRecord(keys: ReadonlySet<string>): boolean {
  let count = 0;
  for (const k of keys) if (SIGNATURE_KEYS.has(k)) count++;
  if (count < MIN_SIGNATURE_KEYS) return false;
  // eventVersion is the surest sign; without it, want the who/what/when trio of an API record.
  return keys.has('eventVersion') || (keys.has('eventTime') && (keys.has('eventName') || keys.has('eventSource')));
}

interface ObjectScan {
  /** Member names directly inside the object (as far as the head reaches). */
  keys: Set<string>;
  /** Direct members that hold an array, with the offset of its `[`. */
  arrays: Map<string, number>;
  /** Offset just after the closing brace, when the object ends inside the head. */
  end?: number;
}

/** Reads the direct member names of the object opening at `open`, skipping nested values. */
function scanObject(text: string, open: number): ObjectScan {
  const keys = new Set<string>();
  const arrays = new Map<string, number>();
  let depth = 0;
  let expectKey = false;
  let pendingKey: string | undefined;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const close = stringEnd(text, i);
      if (close < 0) break; // the head ends inside a string
      if (depth === 1 && expectKey) {
        const after = skipSpace(text, close + 1);
        if (text[after] === ':') {
          pendingKey = safeUnquote(text.slice(i, close + 1));
          keys.add(pendingKey);
          expectKey = false;
          i = after;
          const value = skipSpace(text, after + 1);
          if (text[value] === '[') arrays.set(pendingKey, value);
          continue;
        }
      }
      i = close;
      continue;
    }
    if (c === '{' || c === '[') {
      depth++;
      if (depth === 1) expectKey = true;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return { keys, arrays, end: i + 1 };
    } else if (c === ',' && depth === 1) {
      expectKey = true;
    }
  }
  return { keys, arrays };
}

/** Offset of the quote closing the string that opens at `open`, or -1 when it runs off the end. */
function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"') return i;
  }
  return -1;
}

function safeUnquote(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}
