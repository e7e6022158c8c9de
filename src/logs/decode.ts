// Turns the bytes of a downloaded log into text files: gzip is unpacked with Node's zlib, a
// zip archive gives one file per entry (fflate), anything else is text — UTF-8, UTF-16 with a
// byte-order mark (PowerShell's redirection writes it), else Latin-1, which never fails.
import { unzipSync } from 'fflate';
import { gunzipSync } from 'node:zlib';
import { formatSize } from './size';

export interface LogFile {
  /** The entry's name inside an archive, or the name given for a plain or gzip log. */
  readonly name: string;
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1';
}

export type DecodedLog =
  | { readonly kind: 'ok'; readonly container: 'plain' | 'gzip' | 'zip'; readonly files: readonly LogFile[] }
  | { readonly kind: 'tooLarge'; readonly message: string }
  | { readonly kind: 'unreadable'; readonly message: string };

export interface DecodeOptions {
  /** Name for a plain log (and the base of a gzip one's). */
  readonly name: string;
  /** Most bytes of text after unpacking, all files together. */
  readonly maxBytes: number;
}

function isGzip(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0x1f && b[1] === 0x8b && b[2] === 0x08;
}

function isZip(b: Uint8Array): boolean {
  // A local file header, or the end record of an empty archive.
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));
}

/** Text from bytes: BOMs first, then strict UTF-8, then Latin-1. */
export function decodeText(bytes: Uint8Array): Pick<LogFile, 'text' | 'encoding'> {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('latin1').decode(bytes), encoding: 'latin1' };
  }
}

function gunzip(bytes: Uint8Array, maxBytes: number): Uint8Array {
  // maxOutputLength stops a small archive that unpacks to gigabytes before it is in memory.
  return gunzipSync(bytes, { maxOutputLength: maxBytes + 1 });
}

function tooLarge(maxBytes: number): DecodedLog {
  return {
    kind: 'tooLarge',
    message: `The log unpacks to more than ${formatSize(maxBytes)}, the most that is opened.`,
  };
}

export function decodeLog(bytes: Uint8Array, options: DecodeOptions): DecodedLog {
  const { maxBytes } = options;
  try {
    if (isGzip(bytes)) {
      const inner = gunzip(bytes, maxBytes);
      if (inner.length > maxBytes) return tooLarge(maxBytes);
      const name = options.name.replace(/\.gz$/i, '');
      // A gzip'd zip (rare) is opened as the zip it is.
      if (isZip(inner)) return decodeZip(inner, maxBytes, 'gzip');
      return { kind: 'ok', container: 'gzip', files: [{ name, ...decodeText(inner) }] };
    }
    if (isZip(bytes)) return decodeZip(bytes, maxBytes, 'zip');
    if (bytes.length > maxBytes) return tooLarge(maxBytes);
    return { kind: 'ok', container: 'plain', files: [{ name: options.name, ...decodeText(bytes) }] };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') return tooLarge(maxBytes);
    return {
      kind: 'unreadable',
      message: `The log could not be unpacked: ${(err as Error).message || 'damaged archive'}.`,
    };
  }
}

function decodeZip(bytes: Uint8Array, maxBytes: number, container: 'zip' | 'gzip'): DecodedLog {
  let declared = 0;
  let over = false;
  const entries = unzipSync(bytes, {
    filter: (file) => {
      if (file.name.endsWith('/')) return false;
      declared += file.originalSize;
      if (declared > maxBytes) over = true;
      return !over;
    },
  });
  if (over) return tooLarge(maxBytes);
  const files: LogFile[] = [];
  let total = 0;
  for (const [name, data] of Object.entries(entries)) {
    // A gzip'd file inside the zip (server.log.gz) is unpacked too, within the same budget.
    const inner = isGzip(data) ? gunzip(data, maxBytes - total) : data;
    total += inner.length;
    if (total > maxBytes) return tooLarge(maxBytes);
    files.push({ name: isGzip(data) ? name.replace(/\.gz$/i, '') : name, ...decodeText(inner) });
  }
  files.sort((a, b) => a.name.localeCompare(b.name));
  return { kind: 'ok', container: container === 'gzip' ? 'gzip' : 'zip', files };
}
