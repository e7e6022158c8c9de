// Downloads a presigned log URL in the extension host or the command line, never anywhere
// else: only links the URL policy allows (https on an AWS host, or the configured endpoint's
// origin), no redirect to another host, a size cap, a timeout, cancellation. An expired link
// (by its own date, or S3's 403 AccessDenied / "Request has expired") is a result of its
// own, so the caller can fetch a fresh link and try once more. The URL is never logged and
// never put in a message: messages name the host at most.
import * as http from 'node:http';
import * as https from 'node:https';
import { checkExternalUrl } from '../gamelift/urlPolicy';
import { abortError, throwIfAborted } from '../gamelift/errors';
import { systemClock } from '../common/clock';
import { isPresignedUrlExpired } from '../gamelift/logUrl';
import { formatSize } from './size';

export const DEFAULT_MAX_LOG_BYTES = 20 * 1024 * 1024;
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 30_000;
/** S3 error bodies are small; more than this is not read. */
const MAX_ERROR_BODY = 64 * 1024;

export interface DownloadOptions {
  /** Origins besides AWS hosts that may serve logs: the custom endpoints the user configured. */
  readonly allowedEndpoints?: readonly (string | undefined)[];
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** The clock that judges the link's own expiry. */
  readonly now?: () => number;
}

export type DownloadResult =
  | { readonly kind: 'ok'; readonly bytes: Uint8Array; readonly contentType?: string }
  /** `url`: the link's own X-Amz-Date + X-Amz-Expires have passed; `service`: S3 refused it with 403. */
  | { readonly kind: 'expired'; readonly by: 'url' | 'service'; readonly message: string }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'tooLarge'; readonly limitBytes: number; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string; readonly status?: number };

export async function downloadLog(url: string, options: DownloadOptions = {}): Promise<DownloadResult> {
  throwIfAborted(options.signal);
  const verdict = checkExternalUrl(url, 'log', { customEndpoints: options.allowedEndpoints });
  if (!verdict.allowed) return { kind: 'refused', message: `The log link was not opened: ${verdict.reason}.` };
  if (isPresignedUrlExpired(url, (options.now ?? systemClock.now)())) {
    return { kind: 'expired', by: 'url', message: 'The log link has expired.' };
  }
  return get(verdict.url, options, 1);
}

/** <Code> and <Message> of an S3 XML error body. */
function s3Error(body: string): { code?: string; message?: string } {
  return {
    code: /<Code>([^<]{1,100})<\/Code>/.exec(body)?.[1],
    message: /<Message>([^<]{1,300})<\/Message>/.exec(body)?.[1],
  };
}

function get(url: URL, options: DownloadOptions, redirectsLeft: number): Promise<DownloadResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_LOG_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
  const host = url.host;
  return new Promise<DownloadResult>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(
      () =>
        finish({ kind: 'failed', message: `${host} did not send the log within ${Math.round(timeoutMs / 1000)} s.` }),
      timeoutMs,
    );
    const onAbort = () => finish(abortError());
    options.signal?.addEventListener('abort', onAbort, { once: true });
    function finish(result: DownloadResult | Error): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      request.destroy();
      if (result instanceof Error) reject(result);
      else resolve(result);
    }

    const transport = url.protocol === 'https:' ? https : http;
    // No Accept-Encoding: S3 then sends the object's bytes as stored, which the caller sniffs.
    const request = transport.get(url, { headers: { accept: '*/*' } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        res.resume();
        const location = res.headers.location;
        let next: URL | undefined;
        try {
          next = location ? new URL(location, url) : undefined;
        } catch {
          next = undefined;
        }
        if (!next)
          return finish({ kind: 'failed', status, message: `${host} redirected the download without a valid target.` });
        if (next.origin !== url.origin)
          return finish({
            kind: 'failed',
            status,
            message: `${host} redirected the download to another host (${next.host}); that is not followed.`,
          });
        if (redirectsLeft <= 0)
          return finish({ kind: 'failed', status, message: `${host} redirected the download more than once.` });
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        get(next, options, redirectsLeft - 1).then(resolve, reject);
        return;
      }
      if (status !== 200) {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size <= MAX_ERROR_BODY) chunks.push(c);
        });
        res.on('end', () => {
          const { code, message } = s3Error(Buffer.concat(chunks).toString('utf8'));
          if (status === 403 && (code === 'AccessDenied' || /expired/i.test(message ?? '')))
            return finish({
              kind: 'expired',
              by: 'service',
              message: `The log link was refused: ${message ?? code ?? 'access denied'}.`,
            });
          const what = code ? `${status} ${code}${message ? `: ${message}` : ''}` : String(status);
          finish({
            kind: 'failed',
            status,
            message: status === 404 ? `The log is no longer there (${what}).` : `${host} answered ${what}.`,
          });
        });
        res.on('error', () => finish({ kind: 'failed', status, message: `${host} answered ${status}.` }));
        return;
      }
      const length = Number(res.headers['content-length']);
      const tooLarge: DownloadResult = {
        kind: 'tooLarge',
        limitBytes: maxBytes,
        message: `The log is larger than ${formatSize(maxBytes)}, the most that is downloaded.`,
      };
      if (Number.isFinite(length) && length > maxBytes) return finish(tooLarge);
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) return finish(tooLarge);
        chunks.push(c);
      });
      res.on('end', () => {
        if (res.complete) {
          const contentType = res.headers['content-type'];
          finish({ kind: 'ok', bytes: new Uint8Array(Buffer.concat(chunks)), ...(contentType ? { contentType } : {}) });
        } else finish({ kind: 'failed', message: `${host} closed the connection before the whole log arrived.` });
      });
      res.on('error', () =>
        finish({ kind: 'failed', message: `${host} closed the connection before the whole log arrived.` }),
      );
    });
    request.on('error', (err: NodeJS.ErrnoException) => {
      finish({
        kind: 'failed',
        message: `The log could not be downloaded from ${host}${err.code ? ` (${err.code})` : ''}.`,
      });
    });
  });
}
