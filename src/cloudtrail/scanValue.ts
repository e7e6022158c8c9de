// Structural scan: where a JSON object or array ends, without building anything. Used to find
// record boundaries before the native JSON.parse builds the record.

import { Char } from './chars';
/**
 * End offset (just after the closing brace/bracket) of the object or array starting at `pos`,
 * assuming valid JSON; -1 when the text ends first. Strings are skipped with indexOf.
 */
export function scanValueEnd(text: string, pos: number): number {
  let depth = 0;
  let i = pos;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === Char.Quote) {
      let q = text.indexOf('"', i + 1);
      if (q < 0) return -1;
      while (text.charCodeAt(q - 1) === Char.Backslash) {
        let b = q - 2;
        while (text.charCodeAt(b) === Char.Backslash) b--;
        if ((q - 1 - b) % 2 === 0) break;
        q = text.indexOf('"', q + 1);
        if (q < 0) return -1;
      }
      i = q + 1;
      continue;
    }
    if (c === Char.BraceOpen || c === Char.BracketOpen) depth++;
    else if (c === Char.BraceClose || c === Char.BracketClose) {
      if (--depth === 0) return i + 1;
    }
    i++;
  }
  return -1;
}
