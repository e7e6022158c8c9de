// Decompresses a `.json.gz` CloudTrail delivery into text, with errors a person can act on:
// not gzip at all, damaged or cut short, too big to open, or not UTF-8 text inside.
// Inflating runs on libuv's thread pool (async zlib), so a large delivery does not block the
// caller's thread. Pure: no `vscode` import.
import { gunzip, gunzipSync, type ZlibOptions } from 'node:zlib';
import { isUtf8 } from 'node:buffer';

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
  return toText(await gunzipTextBytes(bytes, options));
}

/** Like gunzipText, but returns the checked UTF-8 bytes (no string is built). */
export async function gunzipTextBytes(bytes: Uint8Array, options: GzDecodeOptions = {}): Promise<Buffer> {
  checkMagic(bytes);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
  const out = await new Promise<Buffer>((resolve, reject) => {
    gunzip(bytes, zlibOptions(maxBytes), (err, result) =>
      err ? reject(inflateError(err, maxBytes)) : resolve(result),
    );
  });
  checkText(out);
  return out;
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
  checkText(out);
  return toText(out);
}

function zlibOptions(maxBytes: number): ZlibOptions {
  return { maxOutputLength: maxBytes };
}

function checkMagic(bytes: Uint8Array): void {
  if (!isGzip(bytes)) {
    throw new GzDecodeError(
      'not-gzip',
      bytes.length === 0
        ? 'The file is empty, so it is not a gzip-compressed CloudTrail log.'
        : 'The file is not gzip-compressed (it does not start with the gzip signature 1f 8b).',
    );
  }
}

function inflateError(err: Error & { code?: string }, maxBytes: number): GzDecodeError {
  if (
    err.code === 'ERR_BUFFER_TOO_LARGE' ||
    /Cannot create a Buffer larger|maxOutputLength|too large/i.test(err.message)
  ) {
    return new GzDecodeError(
      'too-large',
      `The decompressed file is larger than ${Math.round(maxBytes / (1024 * 1024))} MB, too large to open.`,
    );
  }
  const reason =
    err.code === 'Z_BUF_ERROR' ? 'it ends too early (truncated download?)' : err.message.replace(/\.$/, '');
  return new GzDecodeError('corrupt', `The gzip data is damaged: ${reason}.`);
}

/** Strict UTF-8 with a check for NUL bytes, which no JSON text contains. */
function checkText(bytes: Uint8Array): void {
  const probe = bytes.subarray(0, 64 * 1024);
  if (probe.includes(0)) {
    throw new GzDecodeError(
      'not-text',
      'The decompressed content is binary, not text, so it cannot be a CloudTrail log.',
    );
  }
  if (!isUtf8(bytes)) {
    throw new GzDecodeError(
      'not-text',
      'The decompressed content is not UTF-8 text, so it cannot be a CloudTrail log.',
    );
  }
}

/** UTF-8 bytes (already checked) to a string, without a byte order mark. */
function toText(bytes: Buffer): string {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return bytes.toString('utf8', bom ? 3 : 0);
}
