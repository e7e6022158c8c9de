// Offset ↔ line/column conversion. `lineColumn` is a one-off scan; `LineIndex` builds the
// line-start table once (a typed array, no per-line strings) for many lookups on one text.

import { Char } from './chars';
import type { CtLineColumn } from './types';

/** 0-based line and column (UTF-16 units) of `offset`; a line break is \n, \r\n or a lone \r. */
export function lineColumn(text: string, offset: number): CtLineColumn {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === Char.LF) {
      line++;
      lineStart = i + 1;
    } else if (c === Char.CR) {
      if (i + 1 < text.length && text.charCodeAt(i + 1) === Char.LF) {
        if (i + 1 >= end) break; // offset sits between \r and \n: still on this line
        i++;
      }
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart };
}

/** Whether a line break ends at `i`: \n, or a \r not followed by \n (a \r\n ends at its \n). */
function endsLine(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === Char.LF || (c === Char.CR && text.charCodeAt(i + 1) !== Char.LF);
}

/**
 * Offsets where the text's lines start (the first is 0); a line break is \n, \r\n or a lone \r.
 * The breaks are found with indexOf, which the engine runs far faster than a loop over characters.
 */
export function lineStartsOf(text: string): Uint32Array {
  let starts = new Uint32Array(1024);
  let count = 1; // starts[0] = 0
  const add = (offset: number): void => {
    if (count === starts.length) {
      const bigger = new Uint32Array(count * 2);
      bigger.set(starts);
      starts = bigger;
    }
    starts[count++] = offset;
  };
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      if (cr + 1 !== lf) add(cr + 1); // a lone \r; in a \r\n the \n ends the line
      cr = text.indexOf('\r', cr + 1);
    } else {
      add(lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
  return starts.slice(0, count);
}

/** The 0-based line holding `offset` in a line-start table (binary search for the last start ≤ offset). */
function lineOfOffset(starts: Uint32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Line-start table of a text, for many offset → position lookups (binary search). */
export class LineIndex {
  private readonly starts: Uint32Array;
  readonly lineCount: number;

  /** `starts`: the text's line-start table when already known (see `replaced`). */
  constructor(
    private readonly text: string,
    starts?: Uint32Array,
  ) {
    this.starts = starts ?? lineStartsOf(text);
    this.lineCount = this.starts.length;
  }

  /**
   * The index of `text`, in which [start, oldEnd) of this index's text became [start, newEnd),
   * without rescanning the rest: the line starts inside the range are found again, the later ones
   * shifted. The characters at `start` and just before the old and new end must be the same in
   * both texts (a record's braces), so no line break at the edges changed meaning.
   */
  replaced(text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const starts = this.starts;
    const before = countAtMost(starts, start);
    const through = countAtMost(starts, oldEnd);
    const inside: number[] = [];
    for (let i = start; i < newEnd; i++) if (endsLine(text, i)) inside.push(i + 1);
    const delta = newEnd - oldEnd;
    const next = new Uint32Array(before + inside.length + (starts.length - through));
    next.set(starts.subarray(0, before), 0);
    next.set(inside, before);
    let at = before + inside.length;
    for (let i = through; i < starts.length; i++) next[at++] = starts[i] + delta;
    return new LineIndex(text, next);
  }

  lineColumn(offset: number): CtLineColumn {
    const off = Math.max(0, Math.min(offset, this.text.length));
    const line = lineOfOffset(this.starts, off);
    // An offset between \r and \n belongs to the line that the \r\n ends.
    return { line, column: off - this.starts[line] };
  }

  /** Offset of a 0-based line/column (clamped to the text). */
  offsetAt(line: number, column: number): number {
    if (line < 0) return 0;
    if (line >= this.lineCount) return this.text.length;
    const next = line + 1 < this.lineCount ? this.starts[line + 1] : this.text.length;
    return Math.min(this.starts[line] + Math.max(0, column), next);
  }
}

/** How many of the sorted values are ≤ x. */
function countAtMost(values: Uint32Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
