// Placing a result after an edit inside one record without rescanning the whole text: the
// folding regions are kept when the record's lines and bracket structure did not change (the
// line table is spliced by the core's LineIndex.replaced). The worker keeps both from the
// previous run. Same answers as folding the whole new text (tested through the worker against
// inline validation). Pure: no `vscode`.
import { foldingRegions } from './folding';

/**
 * The folding regions after one record's text changed, when they cannot have changed: the record
 * has as many lines as before (the caller knows this from its line tables) and the same
 * multi-line objects and arrays. Undefined otherwise (then fold the whole new text).
 */
export function foldingAfter(previous: Int32Array, oldRecord: string, newRecord: string): Int32Array | undefined {
  const a = foldingRegions(oldRecord);
  const b = foldingRegions(newRecord);
  if (a.length !== b.length) return undefined;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return undefined;
  return previous;
}
