// A structural walk over JSON bytes that finds where values start and end without building
// them, so each record can be parsed on its own (JSON.parse of its slice) and its place in the
// file kept. Only what the shapes of CloudTrail files need: skip a value, read an object's
// member names, step through an array. Malformed input throws JsonScanError with the byte offset.

export class JsonScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
    this.name = 'JsonScanError';
  }
}

/** The bytes of JSON's structure. */
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;
export const COMMA = 0x2c;
export const COLON = 0x3a;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The first non-whitespace position at or after `i` (bytes.length at the end). */
export function skipSpace(bytes: Uint8Array, i: number): number {
  const n = bytes.length;
  while (i < n && isSpace(bytes[i])) i++;
  return i;
}

/** The position just after the string whose opening quote is at `i`. */
export function skipString(bytes: Uint8Array, i: number): number {
  const n = bytes.length;
  i++;
  while (i < n) {
    const c = bytes[i];
    if (c === QUOTE) return i + 1;
    i += c === BACKSLASH ? 2 : 1;
  }
  throw new JsonScanError('unterminated string', n);
}

/** The position just after the value starting at `i` (which must not be whitespace). */
export function skipValue(bytes: Uint8Array, i: number): number {
  const n = bytes.length;
  const c = bytes[i];
  if (c === QUOTE) return skipString(bytes, i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    // Brackets are counted without checking that they pair up: JSON.parse of the slice does that.
    let depth = 0;
    while (i < n) {
      const b = bytes[i];
      if (b === QUOTE) {
        i = skipString(bytes, i);
        continue;
      }
      if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    throw new JsonScanError('the text ends inside an object or array', n);
  }
  // number, true, false, null
  const start = i;
  while (i < n) {
    const b = bytes[i];
    if (b === COMMA || b === CLOSE_BRACE || b === CLOSE_BRACKET || isSpace(b)) break;
    i++;
  }
  if (i === start) throw new JsonScanError(`unexpected character "${String.fromCharCode(c)}"`, start);
  return i;
}

/** One member of an object: its name (decoded) and where its value is. */
export interface MemberSpan {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The members of the object whose `{` is at `i`, and the position after its `}`.
 * Only names are decoded; values are skipped.
 */
export function objectMembers(bytes: Uint8Array, i: number): { members: MemberSpan[]; end: number } {
  const members: MemberSpan[] = [];
  i = skipSpace(bytes, i + 1);
  if (bytes[i] === CLOSE_BRACE) return { members, end: i + 1 };
  for (;;) {
    if (bytes[i] !== QUOTE) throw new JsonScanError('expected a member name', i);
    const nameEnd = skipString(bytes, i);
    const name = decodeName(bytes, i, nameEnd);
    i = skipSpace(bytes, nameEnd);
    if (bytes[i] !== COLON) throw new JsonScanError('expected ":"', i);
    const start = skipSpace(bytes, i + 1);
    if (start >= bytes.length) throw new JsonScanError('the text ends inside an object', start);
    const end = skipValue(bytes, start);
    members.push({ name, start, end });
    i = skipSpace(bytes, end);
    if (bytes[i] === COMMA) {
      i = skipSpace(bytes, i + 1);
      continue;
    }
    if (bytes[i] === CLOSE_BRACE) return { members, end: i + 1 };
    throw new JsonScanError(i >= bytes.length ? 'the text ends inside an object' : 'expected "," or "}"', i);
  }
}

/**
 * Calls `each(start, end)` for every element of the array whose `[` is at `i`; returns the
 * position after its `]`. Elements found before a syntax error have been reported when it throws.
 */
export function arrayElements(bytes: Uint8Array, i: number, each: (start: number, end: number) => void): number {
  i = skipSpace(bytes, i + 1);
  if (bytes[i] === CLOSE_BRACKET) return i + 1;
  for (;;) {
    if (i >= bytes.length) throw new JsonScanError('the text ends inside an array', i);
    const end = skipValue(bytes, i);
    each(i, end);
    i = skipSpace(bytes, end);
    if (bytes[i] === COMMA) {
      i = skipSpace(bytes, i + 1);
      continue;
    }
    if (bytes[i] === CLOSE_BRACKET) return i + 1;
    throw new JsonScanError(i >= bytes.length ? 'the text ends inside an array' : 'expected "," or "]"', i);
  }
}

function decodeName(bytes: Uint8Array, start: number, end: number): string {
  // Names are short; escapes in them are rare enough to hand to JSON.parse.
  let plain = true;
  for (let k = start + 1; k < end - 1; k++) {
    if (bytes[k] === BACKSLASH || bytes[k] > 0x7e) {
      plain = false;
      break;
    }
  }
  if (plain) {
    let s = '';
    for (let k = start + 1; k < end - 1; k++) s += String.fromCharCode(bytes[k]);
    return s;
  }
  return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8')) as string;
}
