// Decompresses a `.json.gz` CloudTrail delivery into text, with errors a person can act on:
// not gzip at all, damaged or cut short, too big to open, or not UTF-8 text inside.
// Inflating runs on libuv's thread pool (async zlib), so a large delivery does not block the
// caller's thread. Pure: no `vscode` import.
import { gunzip, gunzipSync, type ZlibOptions } from 'node:zlib';

export type GzErrorKind = 'not-gzip' | 'corrupt' | 'too-large' | 'not-text';

export class GzDecodeError extends Error {
  constructor(
    readonly kind: GzErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'GzDecodeError';
  }
}

export interface GzDecodeOptions {
  /** Largest decompressed size accepted, in bytes (guards against decompression bombs). */
  maxBytes?: number;
}

/** 512 MiB: far above the largest real delivery, below what would exhaust the extension host. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 512 * 1024 * 1024;

/** true when the bytes start with the gzip magic number (1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses gzip bytes (one or several members) into UTF-8 text. Rejects with GzDecodeError. */
export async function gunzipText(bytes: Uint8Array, options: GzDecodeOptions = {}): Promise<string> {
  checkMagic(bytes);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
  return new Promise((resolve, reject) => {
    gunzip(bytes, zlibOptions(maxBytes), (err, out) => {
      if (err) reject(inflateError(err, maxBytes));
      else {
        try {
          resolve(decodeText(out));
        } catch (e) {
          reject(e);
        }
      }
    });
  });
}

/** Synchronous twin of gunzipText, for small inputs and tests. */
export function gunzipTextSync(bytes: Uint8Array, options: GzDecodeOptions = {}): string {
  checkMagic(bytes);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
  let out: Buffer;
  try {
    out = gunzipSync(bytes, zlibOptions(maxBytes));
  } catch (err) {
    throw inflateError(err as Error, maxBytes);
  }
  return decodeText(out);
}

function zlibOptions(maxBytes: number): ZlibOptions {
  return { maxOutputLength: maxBytes };
}

function checkMagic(bytes: Uint8Array): void {
  if (!isGzip(bytes)) {
    throw new GzDecodeError(
      'not-gzip',
      bytes.length === 0 ? 'The file is empty, so it is not a gzip-compressed CloudTrail log.' : 'The file is not gzip-compressed (it does not start with the gzip signature 1f 8b).',
    );
  }
}

function inflateError(err: Error & { code?: string }, maxBytes: number): GzDecodeError {
  if (err.code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger|maxOutputLength|too large/i.test(err.message)) {
    return new GzDecodeError('too-large', `The decompressed file is larger than ${Math.round(maxBytes / (1024 * 1024))} MB, too large to open.`);
  }
  const reason = err.code === 'Z_BUF_ERROR' ? 'it ends too early (truncated download?)' : err.message.replace(/\.$/, '');
  return new GzDecodeError('corrupt', `The gzip data is damaged: ${reason}.`);
}

/** Strict UTF-8 with a check for NUL bytes, which no JSON text contains. */
function decodeText(bytes: Uint8Array): string {
  const probe = bytes.subarray(0, 64 * 1024);
  if (probe.includes(0)) {
    throw new GzDecodeError('not-text', 'The decompressed content is binary, not text, so it cannot be a CloudTrail log.');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new GzDecodeError('not-text', 'The decompressed content is not UTF-8 text, so it cannot be a CloudTrail log.');
  }
}
