// SigV4 for the local GameLift endpoint: verifies the Authorization header of incoming
// awsJson requests (recomputing the signature with the caller's secret, so a wrong secret
// or a tampered body really fails) and mints/verifies presigned query-string URLs for the
// fleet-event logs the endpoint serves itself. Written against Node's crypto by hand so the
// verifier does not share code with the signer it is checking (the SDK's @smithy/signature-v4).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
/** How far a request's X-Amz-Date may be from the endpoint's clock (either way). */
export const MAX_SIGNATURE_AGE_MS = 15 * 60 * 1000;

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = hmac(`AWS4${secret}`, date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

/** `20240102T030405Z` for an epoch-ms time. */
export function amzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Parses `20240102T030405Z`; NaN when malformed. */
export function parseAmzDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return Number.NaN;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
}

/** RFC 3986 encoding as SigV4 wants it (unreserved characters kept, everything else %XX). */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalPath(path: string): string {
  // The SDK escapes each segment once for non-S3 services; re-encode the decoded segments.
  return (
    path
      .split('/')
      .map((segment) => uriEncode(safeDecode(segment)))
      .join('/') || '/'
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function canonicalQuery(pairs: ReadonlyArray<[string, string]>): string {
  return pairs
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** Header values grouped by lower-case name, in arrival order (from Node's rawHeaders). */
export function headerMap(rawHeaders: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    const list = map.get(name) ?? [];
    list.push(rawHeaders[i + 1]);
    map.set(name, list);
  }
  return map;
}

function canonicalHeaderValue(values: readonly string[]): string {
  return values.map((v) => v.trim().replace(/\s+/g, ' ')).join(',');
}

export interface ParsedAuthorization {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: string[];
  readonly signature: string;
}

/** Parses `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`; undefined if malformed. */
export function parseAuthorization(header: string): ParsedAuthorization | undefined {
  const trimmed = header.trim();
  if (!trimmed.startsWith(`${ALGORITHM} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signedHeaders || !signature) return undefined;
  const scope = credential.split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request') return undefined;
  const [accessKeyId, date, region, service] = scope;
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';'), signature };
}

export interface IncomingSignedRequest {
  readonly method: string;
  /** Path and query as received, e.g. `/` or `/logs/x?y=z`. */
  readonly url: string;
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
}

export type VerifyFailure =
  | { readonly code: 'MissingAuthenticationTokenException'; readonly message: string }
  | { readonly code: 'IncompleteSignatureException'; readonly message: string }
  | { readonly code: 'UnrecognizedClientException'; readonly message: string }
  | { readonly code: 'InvalidSignatureException'; readonly message: string };

export type VerifyResult =
  | { readonly ok: true; readonly accessKeyId: string; readonly region: string }
  | ({ readonly ok: false } & VerifyFailure);

/**
 * Verifies a header-signed SigV4 request for `service`. `secretFor` returns the secret of a
 * known access key (undefined for unknown keys); `now` is the endpoint clock in epoch ms.
 */
export function verifyRequest(
  request: IncomingSignedRequest,
  service: string,
  secretFor: (accessKeyId: string) => string | undefined,
  now: number,
): VerifyResult {
  const headers = headerMap(request.rawHeaders);
  const authHeader = headers.get('authorization')?.[0];
  if (!authHeader) {
    return { ok: false, code: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' };
  }
  const auth = parseAuthorization(authHeader);
  if (!auth) {
    return {
      ok: false,
      code: 'IncompleteSignatureException',
      message: `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters with algorithm ${ALGORITHM}.`,
    };
  }
  const secret = secretFor(auth.accessKeyId);
  if (secret === undefined) {
    return {
      ok: false,
      code: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    };
  }
  if (auth.service !== service) {
    return {
      ok: false,
      code: 'InvalidSignatureException',
      message: `Credential should be scoped to correct service: '${service}'.`,
    };
  }
  const dateHeader = headers.get('x-amz-date')?.[0];
  if (!dateHeader || !auth.signedHeaders.includes('x-amz-date') || !auth.signedHeaders.includes('host')) {
    return {
      ok: false,
      code: 'IncompleteSignatureException',
      message: 'Authorization header requires the host and x-amz-date headers to be signed.',
    };
  }
  const signedAt = parseAmzDate(dateHeader);
  if (Number.isNaN(signedAt) || dateHeader.slice(0, 8) !== auth.date) {
    return {
      ok: false,
      code: 'InvalidSignatureException',
      message: `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.date}' != '${dateHeader.slice(0, 8)}'`,
    };
  }
  if (Math.abs(now - signedAt) > MAX_SIGNATURE_AGE_MS) {
    const limit = now - signedAt > 0 ? amzDate(now - MAX_SIGNATURE_AGE_MS) : amzDate(now + MAX_SIGNATURE_AGE_MS);
    const relation = now - signedAt > 0 ? 'earlier' : 'later';
    return {
      ok: false,
      code: 'InvalidSignatureException',
      message: `Signature expired: ${dateHeader} is now ${relation} than ${limit} (${amzDate(now)} ${relation === 'earlier' ? '-' : '+'} 15 min.)`,
    };
  }
  for (const name of auth.signedHeaders) {
    if (!headers.has(name)) {
      return {
        ok: false,
        code: 'InvalidSignatureException',
        message: `Signed header '${name}' is missing from the request.`,
      };
    }
  }
  const payloadHash = sha256Hex(request.body);
  const declaredHash = headers.get('x-amz-content-sha256')?.[0];
  if (declaredHash && declaredHash !== 'UNSIGNED-PAYLOAD' && declaredHash !== payloadHash) {
    return {
      ok: false,
      code: 'InvalidSignatureException',
      message: 'The provided x-amz-content-sha256 header does not match the request body.',
    };
  }
  const { path, query } = splitUrl(request.url);
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalPath(path),
    canonicalQuery(query),
    auth.signedHeaders.map((name) => `${name}:${canonicalHeaderValue(headers.get(name) ?? [])}\n`).join(''),
    auth.signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = [ALGORITHM, dateHeader, scope, sha256Hex(canonicalRequest)].join('\n');
  const expected = hmac(signingKey(secret, auth.date, auth.region, auth.service), stringToSign).toString('hex');
  if (!constantTimeEqual(expected, auth.signature)) {
    return {
      ok: false,
      code: 'InvalidSignatureException',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    };
  }
  return { ok: true, accessKeyId: auth.accessKeyId, region: auth.region };
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function splitUrl(url: string): { path: string; query: Array<[string, string]> } {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query: Array<[string, string]> = [];
  if (q >= 0) {
    for (const part of url.slice(q + 1).split('&')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      const key = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      query.push([safeDecode(key.replace(/\+/g, ' ')), safeDecode(value.replace(/\+/g, ' '))]);
    }
  }
  return { path, query };
}

export interface PresignOptions {
  readonly host: string;
  readonly path: string;
  readonly accessKeyId: string;
  readonly secret: string;
  readonly region: string;
  readonly service: string;
  readonly now: number;
  readonly expiresSeconds: number;
}

/** A presigned GET URL (query-string SigV4, only `host` signed, unsigned payload) like S3 mints. */
export function presignUrl(protocolAndHost: string, options: PresignOptions): string {
  const date = amzDate(options.now);
  const scope = `${date.slice(0, 8)}/${options.region}/${options.service}/aws4_request`;
  const query: Array<[string, string]> = [
    ['X-Amz-Algorithm', ALGORITHM],
    ['X-Amz-Credential', `${options.accessKeyId}/${scope}`],
    ['X-Amz-Date', date],
    ['X-Amz-Expires', String(options.expiresSeconds)],
    ['X-Amz-SignedHeaders', 'host'],
  ];
  const signature = presignSignature(
    options.path,
    query,
    options.host,
    options.secret,
    date,
    scope,
    options.region,
    options.service,
  );
  return `${protocolAndHost}${options.path}?${canonicalQuery([...query, ['X-Amz-Signature', signature]])}`;
}

function presignSignature(
  path: string,
  query: ReadonlyArray<[string, string]>,
  host: string,
  secret: string,
  date: string,
  scope: string,
  region: string,
  service: string,
): string {
  const canonicalRequest = [
    'GET',
    canonicalPath(path),
    canonicalQuery(query),
    `host:${host}\n`,
    'host',
    'UNSIGNED-PAYLOAD',
  ].join('\n');
  const stringToSign = [ALGORITHM, date, scope, sha256Hex(canonicalRequest)].join('\n');
  return hmac(signingKey(secret, date.slice(0, 8), region, service), stringToSign).toString('hex');
}

export type PresignCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'malformed' | 'signature' | 'expired'; readonly expiresAt?: number };

/** Checks a presigned URL received by the endpoint (path + query) against the minting secret. */
export function verifyPresignedUrl(
  url: string,
  host: string,
  secretFor: (key: string) => string | undefined,
  now: number,
): PresignCheck {
  const { path, query } = splitUrl(url);
  const get = (name: string) => query.find(([k]) => k === name)?.[1];
  const credential = get('X-Amz-Credential');
  const date = get('X-Amz-Date');
  const expires = Number(get('X-Amz-Expires'));
  const signature = get('X-Amz-Signature');
  if (get('X-Amz-Algorithm') !== ALGORITHM || !credential || !date || !signature || !Number.isFinite(expires)) {
    return { ok: false, reason: 'malformed' };
  }
  const [accessKeyId, scopeDate, region, service, terminator] = credential.split('/');
  const secret = secretFor(accessKeyId);
  if (!secret || terminator !== 'aws4_request' || scopeDate !== date.slice(0, 8))
    return { ok: false, reason: 'signature' };
  const unsigned = query.filter(([k]) => k !== 'X-Amz-Signature');
  const expected = presignSignature(
    path,
    unsigned,
    host,
    secret,
    date,
    credential.slice(accessKeyId.length + 1),
    region,
    service,
  );
  if (!constantTimeEqual(expected, signature)) return { ok: false, reason: 'signature' };
  const expiresAt = parseAmzDate(date) + expires * 1000;
  if (Number.isNaN(expiresAt) || now > expiresAt) return { ok: false, reason: 'expired', expiresAt };
  return { ok: true };
}
