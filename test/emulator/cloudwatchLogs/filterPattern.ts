// CloudWatch Logs filter patterns for unstructured log events, as documented ("Filter pattern
// syntax for metric filters, subscription filters, filter log events, and Live Tail"): terms
// that must all appear, `?term` of which one must appear, `-term` that must not, "quoted
// phrases", and `%regular expression%`; matching is case sensitive. JSON (`{ $.x = … }`) and
// space-delimited (`[a, b]`) patterns are not emulated and are refused.
import { ServiceError } from '../wire';

export type LogMatcher = (message: string) => boolean;

const MAX_PATTERN_LENGTH = 1024;

function invalid(message: string): ServiceError {
  return new ServiceError('InvalidParameterException', message);
}

/** A matcher for `pattern`; InvalidParameterException for one the endpoint cannot read. */
export function compileFilterPattern(pattern: string | undefined): LogMatcher {
  const text = (pattern ?? '').trim();
  if (pattern !== undefined && pattern.length > MAX_PATTERN_LENGTH)
    throw invalid(
      `1 validation error detected: Value at 'filterPattern' failed to satisfy constraint: Member must have length less than or equal to ${MAX_PATTERN_LENGTH}`,
    );
  if (text === '' || text === '""') return () => true;
  if (text.startsWith('{') || text.startsWith('[')) {
    throw invalid(`Invalid filter pattern: ${text} (JSON and space-delimited patterns are not supported here)`);
  }
  if (text.length > 1 && text.startsWith('%') && text.endsWith('%')) {
    let regex: RegExp;
    try {
      regex = new RegExp(text.slice(1, -1));
    } catch {
      throw invalid(`Invalid regular expression in filter pattern: ${text}`);
    }
    return (message) => regex.test(message);
  }
  const all: string[] = [];
  const any: string[] = [];
  const none: string[] = [];
  for (const token of tokens(text)) {
    if (token.prefix === '?') any.push(token.term);
    else if (token.prefix === '-') none.push(token.term);
    else all.push(token.term);
  }
  if (all.length === 0 && any.length === 0 && none.length > 0)
    throw invalid(`Invalid filter pattern: ${text} (an exclusion needs a term to match)`);
  return (message) =>
    all.every((t) => message.includes(t)) &&
    (any.length === 0 || any.some((t) => message.includes(t))) &&
    !none.some((t) => message.includes(t));
}

function* tokens(text: string): Generator<{ prefix: '' | '?' | '-'; term: string }> {
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (i >= text.length) return;
    let prefix: '' | '?' | '-' = '';
    if (text[i] === '?' || text[i] === '-') prefix = text[i++] as '?' | '-';
    if (text[i] === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) throw invalid(`Invalid filter pattern: unterminated quote in ${text}`);
      yield { prefix, term: text.slice(i + 1, end) };
      i = end + 1;
    } else {
      let end = i;
      while (end < text.length && text[end] !== ' ' && text[end] !== '\t') end++;
      if (end > i) yield { prefix, term: text.slice(i, end) };
      i = end;
    }
  }
}
