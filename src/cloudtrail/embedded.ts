// CloudTrail records carried inside JSON strings: `aws cloudtrail lookup-events` prints each
// record as the string member CloudTrailEvent of an event, and log exports wrap records in `_raw`.
// Which member holds the record, and where a character of the decoded string sits in the document.

import { Char } from './chars';

/** The string member of `item` that holds a record as JSON text, if it has one: its path and text. */
export function embeddedRecord(item: Record<string, unknown>): { path: string[]; json: string } | undefined {
  if (typeof item.CloudTrailEvent === 'string') return { path: ['CloudTrailEvent'], json: item.CloudTrailEvent };
  if (typeof item._raw === 'string') return { path: ['_raw'], json: item._raw };
  const result = item.result as { _raw?: unknown } | null | undefined;
  if (typeof result === 'object' && result !== null && typeof result._raw === 'string')
    return { path: ['result', '_raw'], json: result._raw };
  return undefined;
}

/** Offsets in the decoded content of one JSON string mapped back to the document, escape by escape. */
export class StringOffsets {
  /** The decoded offset of each escape, and how many characters longer the text is once past it. */
  private readonly escapeAt: number[] = [];
  private readonly longerBy: number[] = [];

  /** `quote`: the offset of the string's opening quote in `text`. */
  constructor(
    text: string,
    private readonly quote: number,
  ) {
    let decoded = 0;
    let longer = 0;
    for (let i = quote + 1; i < text.length; i++, decoded++) {
      const c = text.charCodeAt(i);
      if (c === Char.Quote) break;
      if (c !== Char.Backslash) continue;
      const length = text.charCodeAt(i + 1) === Char.LowerU ? 6 : 2; // \uXXXX or \n, \", …
      longer += length - 1;
      this.escapeAt.push(decoded);
      this.longerBy.push(longer);
      i += length - 1;
    }
  }

  /** The document offset of decoded offset `k` (where its escape starts, if it is one). */
  toDocument(k: number): number {
    let lo = 0;
    let hi = this.escapeAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.escapeAt[mid] < k) lo = mid + 1;
      else hi = mid;
    }
    return this.quote + 1 + k + (lo === 0 ? 0 : this.longerBy[lo - 1]);
  }
}

/** Text as it must be written inside a JSON string. */
export function escapedForString(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
