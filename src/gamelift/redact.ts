// Removes secrets from text before it reaches a log: presigned URL query strings,
// access key IDs, secret keys, session tokens, Authorization headers, and the value of any
// field or parameter whose name holds "secret" or "password" (`secret=…`, `"secret": "…"`,
// `password=…`, `client_secret=…`), quoted values whole.
const PRESIGNED_QUERY =
  /(https?:\/\/[^\s"'?#]+)\?[^\s"'#]*(X-Amz-(?:Signature|Credential|Security-Token)|Signature=|AWSAccessKeyId=)[^\s"'#]*/gi;
const ACCESS_KEY_ID = /\b(A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA)[A-Z0-9]{12,}\b/g;
const KEY_VALUE_SECRET =
  /((?:aws_)?(?:secret_?access_?key|session_?token|secretAccessKey|sessionToken|x-amz-security-token|authorization)["']?\s*[:=]\s*["']?)[^\s"',}]+/gi;

// A name ending in secret/password/passwd/passphrase (any prefix: client_secret, dbPassword;
// an optional key/value/string suffix: secretKey)
// followed by = or :, then a quoted string (escapes allowed) or a bare value.
const NAMED_SECRET =
  /(\b[\w.-]*?(?:secret|password|passwd|passphrase)(?:[_-]?(?:key|value|string))?["']?\s*[:=]\s*)(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|([^\s"',;&}\]]+))/gi;

export function redactSecrets(text: string): string {
  return text
    .replace(PRESIGNED_QUERY, '$1?<redacted>')
    .replace(KEY_VALUE_SECRET, '$1<redacted>')
    .replace(NAMED_SECRET, (match, head: string, dq?: string, sq?: string, bare?: string) => {
      const value = dq ?? sq ?? bare ?? '';
      if (value === '<redacted>' || value === '') return match;
      return dq !== undefined ? `${head}"<redacted>"` : sq !== undefined ? `${head}'<redacted>'` : `${head}<redacted>`;
    })
    .replace(ACCESS_KEY_ID, (m) => `${m.slice(0, 4)}…<redacted>`);
}
