// "Did you mean …?": the known value nearest to a misspelt one, and the quick fix that writes it.

import type { Finding } from './findings';

/** Levenshtein distance, bounded: returns max+1 as soon as the distance must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** The closest known value (case-insensitive match first), if close enough to be a typo. */
export function closest(value: string, known: Iterable<string>): string | undefined {
  const lower = value.toLowerCase();
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(value.length / 3));
  for (const k of known) {
    if (k.toLowerCase() === lower) return k;
    const d = editDistance(lower, k.toLowerCase(), bestD);
    if (d < bestD || (d === bestD && best === undefined)) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

/** A preferred quick fix to the closest known value, when there is one. */
export function suggestFix(value: string, known: Iterable<string>): Finding['fix'] {
  const s = closest(value, known);
  return s ? { title: `Change to ${s}`, newValue: s, isPreferred: true } : undefined;
}
