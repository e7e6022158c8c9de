// Semantic tokens for a CloudTrail document or a range of it: keys, and the values worth
// colouring (event names and sources, error codes and messages, ARNs, account IDs, IP
// addresses, access key IDs). A linear string lexer: no tree, so it is cheap on big files.

import { Char } from './chars';
import type { CtSemanticToken, CtTokenType } from './types';

const VALUE_TYPES: Record<string, CtTokenType> = {
  eventName: 'eventName',
  eventSource: 'eventSource',
  errorCode: 'errorCode',
  errorMessage: 'errorMessage',
  sourceIPAddress: 'ipAddress',
  accessKeyId: 'accessKeyId',
  accountId: 'accountId',
  recipientAccountId: 'accountId',
  vpcEndpointAccountId: 'accountId',
  arn: 'arn',
  ARN: 'arn',
};

const ACCESS_KEY = /^(AKIA|ASIA)[A-Z0-9]{12,}$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

function classify(key: string | undefined, text: string, start: number, end: number): CtTokenType | undefined {
  const byKey = key !== undefined ? VALUE_TYPES[key] : undefined;
  if (byKey) return byKey;
  // Compare the first characters in place before slicing.
  if (text.startsWith('arn:', start + 1)) return 'arn';
  const len = end - start - 2;
  if (
    len >= 16 &&
    len <= 128 &&
    (text.startsWith('AKIA', start + 1) || text.startsWith('ASIA', start + 1)) &&
    ACCESS_KEY.test(text.slice(start + 1, end - 1))
  )
    return 'accessKeyId';
  if (len >= 7 && len <= 15 && IPV4.test(text.slice(start + 1, end - 1))) return 'ipAddress';
  return undefined;
}

/** Tokens in [start, end) (whole lines around the range are lexed so strings are never cut). */
export function semanticTokens(text: string, start = 0, end = text.length): CtSemanticToken[] {
  const tokens: CtSemanticToken[] = [];
  try {
    let i = Math.max(0, Math.min(start, text.length));
    // Back up to the start of the line: JSON strings never span lines.
    while (i > 0 && text.charCodeAt(i - 1) !== Char.LF && text.charCodeAt(i - 1) !== Char.CR) i--;
    const stop = Math.min(end, text.length);
    let lastKey: string | undefined;
    while (i < stop) {
      const q = text.indexOf('"', i);
      if (q < 0 || q >= stop) break;
      // Find the closing quote on the same line.
      let j = q + 1;
      const n = text.length;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === Char.Quote) break;
        if (c === Char.Backslash) j++;
        else if (c === Char.LF || c === Char.CR) break;
      }
      if (j >= n || text.charCodeAt(j) !== Char.Quote) {
        i = j + 1;
        continue;
      }
      const sEnd = j + 1;
      // A key when the next non-blank character is a colon.
      let k = sEnd;
      while (k < n && (text.charCodeAt(k) === Char.Space || text.charCodeAt(k) === Char.Tab)) k++;
      if (text.charCodeAt(k) === Char.Colon) {
        lastKey = text.slice(q + 1, j);
        if (q >= start) tokens.push({ start: q, length: sEnd - q, type: 'key' });
      } else {
        const type = classify(lastKey, text, q, sEnd);
        if (type && q >= start) tokens.push({ start: q, length: sEnd - q, type });
        // Values inside arrays keep the array's key (e.g. fleetIds), others reset it.
      }
      i = sEnd;
    }
  } catch {
    // Never throw from a token provider.
  }
  return tokens;
}
