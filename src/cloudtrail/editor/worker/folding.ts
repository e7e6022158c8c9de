// Folding regions of a CloudTrail document (every object or array spanning several lines) without
// scanning the whole text: validation already knows where each record is, so only the text between
// records is read for the brackets around them, each record is a region, and the brackets inside
// records are read only while all of them can still fit under the limit. Pure: no `vscode`.
import { Char, type LineIndex } from '../../index';

/**
 * VS Code's default `editor.foldingMaximumRegions`: beyond it the editor keeps whole nesting levels,
 * outermost first, so a longer list would lose even the records' regions.
 */
export const MAX_FOLDING_REGIONS = 5000;

interface Region {
  startLine: number;
  endLine: number;
  depth: number;
}

/** The next line break at or after an offset, for offsets that never decrease: linear over a whole text. */
class LineBreaks {
  /** Where the next \n and \r are; -1 when there is none left. */
  private nextLf = -2;
  private nextCr = -2;

  constructor(private readonly text: string) {}

  /** The first line break at or after `from`, or -1. */
  after(from: number): number {
    if (this.nextLf !== -1 && this.nextLf < from) this.nextLf = this.text.indexOf('\n', from);
    if (this.nextCr !== -1 && this.nextCr < from) this.nextCr = this.text.indexOf('\r', from);
    return this.nextLf < 0 ? this.nextCr : this.nextCr < 0 ? this.nextLf : Math.min(this.nextLf, this.nextCr);
  }
}

/** Brackets read one range after another, with one stack: a region is kept when its brackets are on different lines. */
class BracketReader {
  private readonly openLines: number[] = [];
  private readonly closers: number[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly breaks: LineBreaks,
    private readonly found: Region[],
    private readonly baseDepth: number,
  ) {}

  get depth(): number {
    return this.baseDepth + this.openLines.length;
  }

  /** Reads [from, to). Tolerant: a closer that does not match the innermost opener is ignored. */
  read(from: number, to: number): void {
    const text = this.text;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === Char.Quote) {
        i = this.stringEnd(i, to);
      } else if (c === Char.BraceOpen || c === Char.BracketOpen) {
        this.openLines.push(this.lines.lineColumn(i).line);
        this.closers.push(c + 2); // { → }, [ → ]
      } else if ((c === Char.BraceClose || c === Char.BracketClose) && this.closers[this.closers.length - 1] === c) {
        this.closers.pop();
        const startLine = this.openLines.pop() as number;
        this.add(startLine, this.lines.lineColumn(i).line, this.depth);
      }
    }
  }

  add(startLine: number, endLine: number, depth: number): void {
    if (endLine > startLine) this.found.push({ startLine, endLine, depth });
  }

  /** Offset of the closing quote of the string opening at `open`, or of the line break that ends an unclosed one. */
  private stringEnd(open: number, to: number): number {
    const text = this.text;
    let q = text.indexOf('"', open + 1);
    while (q > 0 && text.charCodeAt(q - 1) === Char.Backslash) {
      let b = q - 2;
      while (text.charCodeAt(b) === Char.Backslash) b--;
      if ((q - 1 - b) % 2 === 0) break; // an even run of backslashes: the quote is real
      q = text.indexOf('"', q + 1);
    }
    if (q < 0 || q >= to) q = to;
    // JSON strings cannot span lines: an unclosed one ends at the line break.
    const lineBreak = this.breaks.after(open);
    return lineBreak >= 0 && lineBreak < q ? lineBreak : q;
  }
}

/**
 * The folding regions as [startLine, endLine] pairs (0-based, sorted by start line): the
 * containers around the records, the records, and what is inside them while it all fits
 * under `max`; past `max`, whole nesting levels outermost first, then the first regions of the
 * next level, as VS Code would keep them.
 */
export function foldingRegions(
  text: string,
  records: ReadonlyArray<{ start: number; end: number }>,
  lines: LineIndex,
  max = MAX_FOLDING_REGIONS,
): Int32Array {
  const found: Region[] = [];
  const outer = new BracketReader(text, lines, new LineBreaks(text), found, 0);
  const recordDepths: number[] = [];
  const multiLine: boolean[] = [];
  let pos = 0;
  for (const r of records) {
    outer.read(pos, r.start);
    const startLine = lines.lineColumn(r.start).line;
    const endLine = lines.lineColumn(r.end).line;
    outer.add(startLine, endLine, outer.depth);
    recordDepths.push(outer.depth + 1);
    multiLine.push(endLine > startLine);
    pos = Math.max(pos, r.end);
  }
  outer.read(pos, text.length);
  // Inside the records that span lines, only while everything found can still be kept. Records of
  // one log have much the same shape: when the first one's regions, once per record, would not
  // fit, no more are read (reading them only to drop them was most of the cost on a big log).
  const before = found.length;
  const inside = new LineBreaks(text);
  const spanning = multiLine.filter(Boolean).length;
  let fits = true;
  for (let k = 0; fits && k < records.length; k++) {
    if (!multiLine[k]) continue;
    const firstRegions = found.length === before;
    new BracketReader(text, lines, inside, found, recordDepths[k]).read(records[k].start + 1, records[k].end - 1);
    fits = found.length <= max && !(firstRegions && before + (found.length - before) * spanning > max);
  }
  if (!fits) found.length = before;
  return packed(keepOutermost(found, max));
}

/** At most `max` regions: whole nesting levels, outermost first, then the first regions of the next level. */
function keepOutermost(regions: Region[], max: number): Region[] {
  if (regions.length <= max) return regions;
  const byLevel = [...regions].sort((a, b) => a.depth - b.depth || a.startLine - b.startLine);
  return byLevel.slice(0, max);
}

function packed(regions: Region[]): Int32Array {
  regions.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  const out = new Int32Array(regions.length * 2);
  regions.forEach((r, k) => {
    out[2 * k] = r.startLine;
    out[2 * k + 1] = r.endLine;
  });
  return out;
}
