// Structural scan: where a JSON object or array ends, without building anything. Used to find
// record boundaries before the native JSON.parse builds the record.

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
    if (c === 34) {
      let q = text.indexOf('"', i + 1);
      if (q < 0) return -1;
      while (text.charCodeAt(q - 1) === 92) {
        let b = q - 2;
        while (text.charCodeAt(b) === 92) b--;
        if ((q - 1 - b) % 2 === 0) break;
        q = text.indexOf('"', q + 1);
        if (q < 0) return -1;
      }
      i = q + 1;
      continue;
    }
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      if (--depth === 0) return i + 1;
    }
    i++;
  }
  return -1;
}
