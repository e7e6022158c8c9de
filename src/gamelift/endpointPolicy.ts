// Checks the `gamelift.endpoint` setting before a client is built from it. The SDK takes
// almost anything: `javascript:alert(1)` becomes a DNS lookup of "alert(1)", `file:///x` a
// connection to port 80 on this machine, and a URL with a password in it is kept (and can
// reach logs). Only plain http(s) URLs with a host and no user info, query or fragment pass;
// the reason for a refusal never repeats a password. Pure: no vscode, no SDK.

export type EndpointVerdict =
  /** `endpoint` is undefined when the setting is empty (use AWS's endpoint for the region). */
  | { readonly ok: true; readonly endpoint: string | undefined; readonly warning?: string }
  | { readonly ok: false; readonly reason: string };

export const MAX_ENDPOINT_LENGTH = 2048;
const EXAMPLE = 'one looks like https://gamelift.us-west-2.amazonaws.com or http://127.0.0.1:4566';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function validateEndpoint(value: unknown): EndpointVerdict {
  if (value === undefined || value === null) return { ok: true, endpoint: undefined };
  if (typeof value !== 'string')
    return {
      ok: false,
      reason: `The GameLift endpoint must be a URL in a string, not ${Array.isArray(value) ? 'a list' : typeof value}.`,
    };
  const text = value.trim();
  if (text === '') return { ok: true, endpoint: undefined };
  if (text.length > MAX_ENDPOINT_LENGTH)
    return {
      ok: false,
      reason: `The GameLift endpoint is ${text.length} characters long; a URL of at most ${MAX_ENDPOINT_LENGTH} is expected.`,
    };
  // Spaces and control characters (NUL, newlines, bidi overrides…) never belong in an endpoint.
  if (/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/.test(text)) {
    return {
      ok: false,
      reason: 'The GameLift endpoint contains spaces or invisible control characters; paste the URL again.',
    };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Show only the part before any "@", so a pasted secret is not echoed back.
    return {
      ok: false,
      reason: `The GameLift endpoint "${shorten(text.replace(/^[^@]*@/, '…@'))}" is not a URL; ${EXAMPLE}.`,
    };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      reason:
        'The GameLift endpoint contains a user name or password. Remove them: credentials come from the AWS profile, never from the endpoint URL.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      ok: false,
      reason: `The GameLift endpoint uses "${url.protocol}"; only https: (or http: for a local endpoint) works; ${EXAMPLE}.`,
    };
  }
  if (url.hostname === '') return { ok: false, reason: `The GameLift endpoint has no host name; ${EXAMPLE}.` };
  if (url.search !== '' || url.hash !== '') {
    return {
      ok: false,
      reason:
        'The GameLift endpoint has a query (?…) or fragment (#…); GameLift endpoints are just a scheme, host and optional port.',
    };
  }
  const endpoint = url.href.replace(/\/$/, '');
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname.toLowerCase())) {
    return {
      ok: true,
      endpoint,
      warning: `The GameLift endpoint ${url.host} uses plain http: requests and event log links travel unencrypted. Use https: unless it is a local test endpoint.`,
    };
  }
  return { ok: true, endpoint };
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Thrown by the client factory for an endpoint validateEndpoint refuses: no client is built. */
export class InvalidEndpointError extends Error {
  override readonly name = 'InvalidEndpointError';
  constructor(readonly reason: string) {
    super(reason);
  }
}
