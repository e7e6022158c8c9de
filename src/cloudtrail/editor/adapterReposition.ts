// Placing a result after an edit inside one record without rescanning the whole text: the line
// table is spliced (the record's own line starts recomputed, the later ones shifted) and the
// folding regions are kept when the record's lines and bracket structure did not change. The
// worker keeps both from the previous run. Same answers as LineIndex and foldingRegions on the
// whole new text (tested through the worker against inline validation). Pure: no `vscode`.
import { foldingRegions } from './adapterFolding';
import type { LineLookup } from './adapterResult';
import { lineOfOffset, lineStartsOf } from '../index';

function isBreak(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10);
}

/** Line-start table (same rules as the core's LineIndex: \n, \r\n or a lone \r) that can be updated after an edit. */
export class LineTable implements LineLookup {
  private constructor(
    private readonly starts: Uint32Array,
    private readonly textLength: number,
  ) {}

  static of(text: string): LineTable {
    return new LineTable(lineStartsOf(text), text.length);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineColumn(offset: number): { line: number; column: number } {
    const off = Math.max(0, Math.min(offset, this.textLength));
    const line = lineOfOffset(this.starts, off);
    return { line, column: off - this.starts[line] };
  }

  /**
   * The table of `text`, in which [start, oldEnd) of the old text became [start, newEnd). The
   * characters at start and just before the old/new end must be the same in both texts (the
   * record's braces), so no line break at the edges changed meaning.
   */
  replaced(text: string, start: number, oldEnd: number, newEnd: number): LineTable {
    const starts = this.starts;
    const before = countAtMost(starts, start);
    const through = countAtMost(starts, oldEnd);
    const inside: number[] = [];
    for (let i = start; i < newEnd; i++) if (isBreak(text, i)) inside.push(i + 1);
    const delta = newEnd - oldEnd;
    const next = new Uint32Array(before + inside.length + (starts.length - through));
    next.set(starts.subarray(0, before), 0);
    next.set(inside, before);
    let at = before + inside.length;
    for (let i = through; i < starts.length; i++) next[at++] = starts[i] + delta;
    return new LineTable(next, text.length);
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

/**
 * The folding regions after one record's text changed, when they cannot have changed: the record
 * has as many lines as before and the same multi-line objects and arrays. Undefined otherwise
 * (then fold the whole new text).
 */
export function foldingAfter(previous: Int32Array, oldRecord: string, newRecord: string): Int32Array | undefined {
  if (breaks(oldRecord) !== breaks(newRecord)) return undefined;
  const a = foldingRegions(oldRecord);
  const b = foldingRegions(newRecord);
  if (a.length !== b.length) return undefined;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return undefined;
  return previous;
}

function breaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isBreak(text, i)) n++;
  return n;
}
