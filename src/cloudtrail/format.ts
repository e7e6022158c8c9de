// Pretty-printing of a CloudTrail document. Token by token, so numbers and string escapes are
// kept exactly as written (JSON.parse + stringify would turn 1e999999 into null and re-escape).
// Returns undefined when the text is not valid JSON (the diagnostics say why).

// Strings use the unrolled form "[^"\\]*(?:\\.[^"\\]*)*": an alternation inside (…|…)* makes the
// regex engine recurse per character and overflow the stack on multi-megabyte strings.
const TOKEN =
  /\s*(?:("[^"\\\u0000-\u001f]*(?:\\.[^"\\\u0000-\u001f]*)*")|(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([{}[\]:,]))/y;

export function formatCloudTrail(text: string, indent = 2): string | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  try {
    JSON.parse(start ? text.slice(start) : text);
  } catch {
    return undefined;
  }
  const pad = ' '.repeat(Math.max(0, Math.min(indent, 10)));
  const out: string[] = [];
  let depth = 0;
  let line = '';
  // Indentation stops growing past MAX_INDENT levels so absurdly deep input cannot blow up the output.
  const MAX_INDENT = 64;
  const newline = (d: number): void => {
    out.push(line);
    line = pad.repeat(Math.min(d, MAX_INDENT));
  };
  TOKEN.lastIndex = start;
  let m: RegExpExecArray | null;
  let prevOpen = false;
  while ((m = TOKEN.exec(text)) !== null) {
    const tok = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (tok === '{' || tok === '[') {
      if (prevOpen) newline(depth);
      line += tok;
      depth++;
      prevOpen = true;
      continue;
    }
    if (tok === '}' || tok === ']') {
      depth--;
      if (!prevOpen) newline(depth);
      line += tok;
      prevOpen = false;
      continue;
    }
    if (tok === ',') {
      line += ',';
      newline(depth);
      prevOpen = false;
      continue;
    }
    if (tok === ':') {
      line += ': ';
      continue;
    }
    if (prevOpen) newline(depth);
    prevOpen = false;
    line += tok;
  }
  out.push(line);
  return out.join('\n') + '\n';
}
