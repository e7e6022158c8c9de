// Where the member or item at a path sits in valid JSON text, found by reading only the containers
// on the way (strings skipped with indexOf, other values with scanValueEnd): a finding in a record
// that JSON.parse read is placed without parsing the record again.

import { Char } from './chars';
import { skipString } from './parser';
import { scanValueEnd } from './scanValue';

export interface PathTarget {
  /** The member's key (with its quotes); -1 for an array item or the root. */
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

function isSpace(c: number): boolean {
  return c === Char.Space || c === Char.LF || c === Char.CR || c === Char.Tab;
}

function skipWs(text: string, i: number): number {
  while (isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** End of the JSON value starting at `pos` (valid JSON assumed). */
function valueEnd(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c === Char.Quote) return skipString(text, pos);
  if (c === Char.BraceOpen || c === Char.BracketOpen) {
    const end = scanValueEnd(text, pos);
    return end < 0 ? text.length : end;
  }
  let i = pos;
  for (; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d === Char.Comma || d === Char.BraceClose || d === Char.BracketClose || isSpace(d)) break;
  }
  return i;
}

/** Calls `visit` for each member (object) or item (array) of the container at `open`, in order. */
function eachChild(text: string, open: number, visit: (child: PathTarget) => void): void {
  const isObject = text.charCodeAt(open) === Char.BraceOpen;
  let i = skipWs(text, open + 1);
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === Char.BraceClose || c === Char.BracketClose) return;
    let keyStart = -1;
    let keyEnd = -1;
    if (isObject) {
      keyStart = i;
      keyEnd = skipString(text, i);
      i = skipWs(text, skipWs(text, keyEnd) + 1); // past the colon
    }
    const end = valueEnd(text, i);
    visit({ keyStart, keyEnd, valueStart: i, valueEnd: end });
    i = skipWs(text, end);
    if (text.charCodeAt(i) !== Char.Comma) return;
    i = skipWs(text, i + 1);
  }
}

function keyOf(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}

/**
 * The member or item at `path` inside the value starting at `start` (the last of duplicate keys,
 * as JSON.parse keeps it), or undefined when the path leads nowhere.
 */
export function locatePath(text: string, start: number, path: ReadonlyArray<string | number>): PathTarget | undefined {
  let target: PathTarget | undefined = { keyStart: -1, keyEnd: -1, valueStart: start, valueEnd: valueEnd(text, start) };
  for (const segment of path) {
    const open: number = target.valueStart;
    const kind = text.charCodeAt(open);
    if (kind !== (typeof segment === 'number' ? Char.BracketOpen : Char.BraceOpen)) return undefined;
    let found: PathTarget | undefined;
    let index = 0;
    eachChild(text, open, (child) => {
      if (typeof segment === 'number' ? index++ === segment : keyOf(text, child.keyStart, child.keyEnd) === segment)
        found = child;
    });
    if (!found) return undefined;
    target = found;
  }
  return target;
}
