// Removes secrets from text before it reaches a log: presigned URL query strings,
// access key IDs, secret keys, session tokens and Authorization headers.
const PRESIGNED_QUERY = /(https?:\/\/[^\s"'?#]+)\?[^\s"'#]*(X-Amz-(?:Signature|Credential|Security-Token)|Signature=|AWSAccessKeyId=)[^\s"'#]*/gi;
const ACCESS_KEY_ID = /\b(A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA)[A-Z0-9]{12,}\b/g;
const KEY_VALUE_SECRET = /((?:aws_)?(?:secret_?access_?key|session_?token|secretAccessKey|sessionToken|x-amz-security-token|authorization)["']?\s*[:=]\s*["']?)[^\s"',}]+/gi;

export function redactSecrets(text: string): string {
  return text
    .replace(PRESIGNED_QUERY, '$1?<redacted>')
    .replace(KEY_VALUE_SECRET, '$1<redacted>')
    .replace(ACCESS_KEY_ID, (m) => `${m.slice(0, 4)}…<redacted>`);
}
