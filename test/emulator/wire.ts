// awsJson1_1 wire details shared by the endpoint's handlers: the error type, timestamps as
// epoch seconds with a fraction, and opaque NextTokens that are bound to the query they came from.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** A service error: becomes `{"__type": code, "message": …}` with `x-amzn-ErrorType: code`. */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = code === 'InternalServiceException' ? 500 : 400,
  ) {
    super(message);
  }
}

export const invalidRequest = (message: string) => new ServiceError('InvalidRequestException', message);
export const notFound = (message: string) => new ServiceError('NotFoundException', message);

/** Epoch ms → the awsJson timestamp number (seconds, millisecond fraction). */
export function toEpochSeconds(ms: number): number {
  return Math.round(ms) / 1000;
}

/** awsJson timestamp (number of seconds, or a numeric string) → epoch ms. */
export function fromEpochSeconds(value: unknown, member: string): number {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) throw new ServiceError('SerializationException', `Invalid timestamp for member ${member}`);
  return Math.round(n * 1000);
}

/** Issues and checks NextTokens: HMAC-protected, bound to a fingerprint of the query. */
export class PageTokens {
  private readonly key = randomBytes(32);

  issue(queryFingerprint: string, cursor: unknown): string {
    const payload = Buffer.from(JSON.stringify({ q: queryFingerprint, c: cursor })).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The cursor of a token issued for this same query; InvalidRequestException otherwise. */
  read<T>(token: string, queryFingerprint: string): T {
    const [payload, mac] = token.split('.');
    const expected = payload ? this.mac(payload) : '';
    if (
      !payload ||
      !mac ||
      mac.length !== expected.length ||
      !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))
    ) {
      throw invalidRequest('Invalid NextToken: the token is malformed or was not issued by this service.');
    }
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { q: string; c: T };
    if (decoded.q !== queryFingerprint) {
      throw invalidRequest(
        'Invalid NextToken: the token was issued for a different request. Repeat the request with the same parameters, or omit NextToken.',
      );
    }
    return decoded.c;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url').slice(0, 22);
  }
}
