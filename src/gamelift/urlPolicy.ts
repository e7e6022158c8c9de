// The one URL policy: whether a URL may be opened in the browser, copied or downloaded (the
// details panel, the log download, the CLI). Log links come from the service and are hostile
// until checked: only https on an AWS host, or the exact origin of the configured custom
// endpoint, is allowed. Pure: no vscode.

export type UrlPurpose = 'log' | 'docs';

export interface UrlPolicyOptions {
  /** Custom endpoints the user configured (e.g. `gamelift.endpoint`); their exact origins are allowed. */
  readonly customEndpoints?: readonly (string | undefined)[];
}

export type UrlVerdict =
  { readonly allowed: true; readonly url: URL } | { readonly allowed: false; readonly reason: string };

// Suffixes of AWS-owned DNS names that serve presigned log URLs (S3 and friends).
const AWS_HOST_SUFFIXES = ['.amazonaws.com', '.amazonaws.com.cn', '.api.aws'];
// Documentation is only ever opened on AWS's docs site.
const DOCS_HOSTS = ['docs.aws.amazon.com'];

function refuse(reason: string): UrlVerdict {
  return { allowed: false, reason };
}

/** Parses `text` strictly; undefined for anything WHATWG URL would not parse. */
function parse(text: string): URL | undefined {
  // Control characters and spaces are never part of a link we produced ourselves.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(text)) return undefined;
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function isAwsHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  // A trailing dot ("amazonaws.com.") is the same name to DNS but never appears in real links.
  if (host.endsWith('.')) return false;
  return AWS_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix) && host.length > suffix.length);
}

function originOf(endpoint: string | undefined): string | undefined {
  if (!endpoint) return undefined;
  const url = parse(endpoint.trim());
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
  return url.origin;
}

/** Checks a URL for the given purpose; the verdict says why a refused URL was refused. */
export function checkExternalUrl(text: unknown, purpose: UrlPurpose, options: UrlPolicyOptions = {}): UrlVerdict {
  if (typeof text !== 'string' || text.length === 0) return refuse('the link is empty');
  if (text.length > 8192) return refuse('the link is too long');
  const url = parse(text);
  if (!url) return refuse('the link is not a valid URL');
  if (url.username !== '' || url.password !== '') return refuse('the link carries a user name or password');

  if (purpose === 'docs') {
    if (url.protocol === 'https:' && url.port === '' && DOCS_HOSTS.includes(url.hostname.toLowerCase())) {
      return { allowed: true, url };
    }
    return refuse('documentation links must point at https://docs.aws.amazon.com');
  }

  // The custom endpoint (e.g. the local endpoint) may serve logs from its own origin, on its own scheme.
  const allowedOrigins = (options.customEndpoints ?? []).map(originOf).filter((o): o is string => o !== undefined);
  if (allowedOrigins.includes(url.origin)) return { allowed: true, url };

  if (url.protocol !== 'https:')
    return refuse(`the link uses ${url.protocol.replace(/:$/, '') || 'no'} instead of https`);
  if (!isAwsHost(url.hostname)) return refuse(`the link does not point at an AWS host (${url.hostname})`);
  // AWS serves presigned links on the default port; another port is someone else's service.
  if (url.port !== '') return refuse('the link uses an unusual port for an AWS host');
  return { allowed: true, url };
}

/** The host name to show the user next to a log link (never the query, which holds the signature). */
export function displayHost(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const url = parse(text);
  return url ? url.host : undefined;
}
