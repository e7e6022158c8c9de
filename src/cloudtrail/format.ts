// Pretty-printing of a CloudTrail document. Token by token, so numbers and string escapes are
// kept exactly as written (JSON.parse + stringify would turn 1e999999 into null and re-escape).
// Returns undefined when the text is not valid JSON (the diagnostics say why).

import { Char } from './chars';
import { skipString } from './parser';

/** Indentation stops growing past this many levels, so absurdly deep input cannot blow up the output. */
const MAX_INDENT = 64;

function isSpace(c: number): boolean {
  return c === Char.Space || c === Char.LF || c === Char.CR || c === Char.Tab;
}

export function formatCloudTrail(text: string, indent = 2): string | undefined {
  const start = text.charCodeAt(0) === Char.ByteOrderMark ? 1 : 0;
  try {
    JSON.parse(start ? text.slice(start) : text);
  } catch {
    return undefined;
  }
  // The text is valid JSON: every token can be read without a check.
  const pad = ' '.repeat(Math.max(0, Math.min(indent, 10)));
  const breaks: string[] = [];
  const lineBreak = (depth: number): string => (breaks[depth] ??= '\n' + pad.repeat(Math.min(depth, MAX_INDENT)));
  const out: string[] = [];
  let depth = 0;
  let afterOpen = false;
  for (let i = start; i < text.length;) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
    } else if (c === Char.BraceOpen || c === Char.BracketOpen) {
      if (afterOpen) out.push(lineBreak(depth));
      out.push(text[i++]);
      depth++;
      afterOpen = true;
    } else if (c === Char.BraceClose || c === Char.BracketClose) {
      depth--;
      if (!afterOpen) out.push(lineBreak(depth)); // an empty container stays on its line
      out.push(text[i++]);
      afterOpen = false;
    } else if (c === Char.Comma) {
      out.push(',', lineBreak(depth));
      i++;
      afterOpen = false;
    } else if (c === Char.Colon) {
      out.push(': ');
      i++;
    } else {
      if (afterOpen) out.push(lineBreak(depth));
      afterOpen = false;
      const end = c === Char.Quote ? skipString(text, i) : scalarEnd(text, i);
      out.push(text.slice(i, end));
      i = end;
    }
  }
  return out.join('') + '\n';
}

/** End of the number or literal (true, false, null) starting at `i`. */
function scalarEnd(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === Char.Comma || c === Char.BraceClose || c === Char.BracketClose || c === Char.Colon) break;
    i++;
  }
  return i;
}
