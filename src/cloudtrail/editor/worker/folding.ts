// Folding regions of a JSON text: every object or array that spans several lines, found by one
// string-aware bracket scan (tolerant of broken JSON: a closer that does not match the innermost
// opener is ignored). Runs next to validation (in the worker for big documents). Pure: no `vscode`.

/** Upper bound on regions returned; when there are more, the outermost are kept. */
export const MAX_FOLDING_REGIONS = 20000;

/** Pairs [startLine, endLine, startLine, endLine, …], 0-based, sorted by start line. */
export function foldingRegions(text: string, max = MAX_FOLDING_REGIONS): Int32Array {
  const starts: number[] = []; // stack of opening lines
  const kinds: number[] = []; // and their closing character codes
  const found: Array<[number, number, number]> = []; // start, end, depth
  let line = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      inString = false; // JSON strings cannot span lines; recover at the line break
      continue;
    }
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      starts.push(line);
      kinds.push(c + 2); // { → }, [ → ]
    } else if ((c === 125 || c === 93) && kinds[kinds.length - 1] === c) {
      kinds.pop();
      const start = starts.pop() as number;
      if (line > start) found.push([start, line, starts.length]);
    }
  }
  let kept = found;
  if (found.length > max) {
    kept = [...found].sort((a, b) => a[2] - b[2] || a[0] - b[0]).slice(0, max);
  }
  kept.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out = new Int32Array(kept.length * 2);
  kept.forEach(([s, e], k) => {
    out[2 * k] = s;
    out[2 * k + 1] = e;
  });
  return out;
}
