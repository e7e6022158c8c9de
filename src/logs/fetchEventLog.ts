// Opens an event's log as text files, renewing an expired link once without asking: when
// the link says it has expired, or S3 refuses it as expired, `refresh` fetches the event
// again (a fresh PreSignedLogUrl, as "Get a fresh link" does) and the download is retried.
// The renewed link is returned so the caller can replace the old one in its loaded event.
import { type DecodedLog, decodeLog, type LogFile } from './decode';
import { DEFAULT_MAX_LOG_BYTES, downloadLog, type DownloadOptions, type DownloadResult } from './download';

export interface FetchEventLogOptions extends DownloadOptions {
  /** The event's log file name (plain and gzip logs), e.g. `<fleet> · <CODE> · <time>.log`. */
  readonly name: string;
  /** A fresh PreSignedLogUrl for the same event, or undefined when the event or its log is gone. */
  readonly refresh: (signal?: AbortSignal) => Promise<string | undefined>;
}

export type EventLogResult =
  | {
      readonly kind: 'ok';
      readonly files: readonly LogFile[];
      readonly container: 'plain' | 'gzip' | 'zip';
      /** Set when the link was renewed: the caller keeps it instead of the old one. */
      readonly renewedUrl?: string;
    }
  | (Exclude<DownloadResult, { kind: 'ok' }> & { readonly renewedUrl?: string })
  | (Exclude<DecodedLog, { kind: 'ok' }> & { readonly renewedUrl?: string })
  | { readonly kind: 'gone'; readonly message: string };

export async function fetchEventLog(url: string, options: FetchEventLogOptions): Promise<EventLogResult> {
  let renewedUrl: string | undefined;
  let result = await downloadLog(url, options);
  if (result.kind === 'expired') {
    renewedUrl = await options.refresh(options.signal);
    if (!renewedUrl) return { kind: 'gone', message: 'The event no longer has a log: a fresh link could not be had.' };
    result = await downloadLog(renewedUrl, options);
  }
  const renewed = renewedUrl ? { renewedUrl } : {};
  if (result.kind !== 'ok') return { ...result, ...renewed };
  const decoded = decodeLog(result.bytes, { name: options.name, maxBytes: options.maxBytes ?? DEFAULT_MAX_LOG_BYTES });
  return decoded.kind === 'ok' ? { ...decoded, ...renewed } : { ...decoded, ...renewed };
}
