// Reads one file into a compact chunk of columns: per record its time, interned strings, flags,
// resources and the byte range of its JSON. Runs in a worker thread (or in the caller's thread
// for small inputs); only typed arrays and the strings new since the last chunk leave the reader.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { extractRecords, RecordEncoding, type ExtractOutcome } from './extract';
import { summarizeRecord } from './summarize';
import { STRING_FIELDS } from './types';

export const FIELD_COUNT = STRING_FIELDS.length;

/** Flag bits per record. */
export const FLAG_READ_ONLY = 1;
export const FLAG_WRITE = 2;
export const FLAG_ERROR = 4;
export const FLAG_STRING_ENCODED = 8;
export const FLAG_GZIP = 16;

/** Largest file content read (decompressed); larger files are listed as failed. Offsets are 32-bit. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export interface FileChunk {
  readonly fileNo: number;
  readonly count: number;
  readonly time: Float64Array;
  /** `count × FIELD_COUNT` string IDs of the reader's string table, record by record. */
  readonly fields: Uint32Array;
  readonly flags: Uint8Array;
  readonly offset: Uint32Array;
  readonly length: Uint32Array;
  /** Record i's resources are resourceIds[resourceStart[i] … resourceStart[i + 1]). */
  readonly resourceStart: Uint32Array;
  readonly resourceIds: Uint32Array;
  /** Strings the reader's table gained while reading this file (IDs continue from the last chunk). */
  readonly newStrings: string[];
  /** Bytes of the file as stored. */
  readonly storedBytes: number;
  /** Why the file is (partly) unreadable, if it is. */
  readonly problem?: string;
}

/** A reader's string table: IDs are its own; the index maps them to its table as chunks arrive. */
export class LocalStrings {
  private readonly ids = new Map<string, number>([['', 0]]);
  private pending: string[] = [];

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(s, id);
      this.pending.push(s);
    }
    return id;
  }

  /** The strings added since the last call. */
  takeNew(): string[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}

/** Grows typed arrays as records come in; `take()` trims them to size. */
class Columns {
  count = 0;
  capacity = 256;
  time = new Float64Array(this.capacity);
  fields = new Uint32Array(this.capacity * FIELD_COUNT);
  flags = new Uint8Array(this.capacity);
  offset = new Uint32Array(this.capacity);
  length = new Uint32Array(this.capacity);
  resourceStart = new Uint32Array(this.capacity + 1);
  resourceIds = new Uint32Array(this.capacity);
  resourceCount = 0;

  reserve(): void {
    if (this.count < this.capacity) return;
    const cap = this.capacity * 2;
    this.time = grow(this.time, cap);
    this.fields = grow(this.fields, cap * FIELD_COUNT);
    this.flags = grow(this.flags, cap);
    this.offset = grow(this.offset, cap);
    this.length = grow(this.length, cap);
    this.resourceStart = grow(this.resourceStart, cap + 1);
    this.capacity = cap;
  }

  addResource(id: number): void {
    if (this.resourceCount === this.resourceIds.length)
      this.resourceIds = grow(this.resourceIds, this.resourceIds.length * 2);
    this.resourceIds[this.resourceCount++] = id;
  }
}

function grow<T extends Float64Array | Uint32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/**
 * Decompressed (when gzip) content of a file; throws a reason a person can read. Synchronous on
 * purpose: it runs in reader threads (or on small inputs), where async I/O only added waiting.
 */
export function readContent(path: string): { bytes: Buffer; stored: number; gzip: boolean } {
  const stored = readFileSync(path);
  const gzip = stored.length >= 2 && stored[0] === 0x1f && stored[1] === 0x8b;
  if (!gzip) {
    if (path.endsWith('.gz')) throw new Error('the name ends in .gz but the content is not gzip data');
    if (stored.length > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES / 2 ** 30} GiB`);
    return { bytes: stored, stored: stored.length, gzip };
  }
  try {
    return { bytes: gunzipSync(stored, { maxOutputLength: MAX_FILE_BYTES }), stored: stored.length, gzip };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_BUFFER_TOO_LARGE')
      throw new Error(`decompresses to more than ${MAX_FILE_BYTES / 2 ** 30} GiB`);
    throw new Error(`the gzip data is damaged (${err.message})`);
  }
}

/** Reads one file into a chunk. Never throws for the file's own problems: they go into `problem`. */
export function readFileChunk(path: string, fileNo: number, strings: LocalStrings): FileChunk {
  const c = new Columns();
  let outcome: ExtractOutcome = { skipped: 0 };
  let problem: string | undefined;
  let storedBytes = 0;
  try {
    const content = readContent(path);
    storedBytes = content.stored;
    const gzipFlag = content.gzip ? FLAG_GZIP : 0;
    outcome = extractRecords(content.bytes, (record, start, end, encoding) => {
      c.reserve();
      const i = c.count++;
      const s = summarizeRecord(record);
      c.time[i] = s.time;
      const f = i * FIELD_COUNT;
      c.fields[f] = strings.id(s.eventSource);
      c.fields[f + 1] = strings.id(s.eventName);
      c.fields[f + 2] = strings.id(s.principal);
      c.fields[f + 3] = strings.id(s.user);
      c.fields[f + 4] = strings.id(s.sourceIp);
      c.fields[f + 5] = strings.id(s.region);
      c.fields[f + 6] = strings.id(s.account);
      c.fields[f + 7] = strings.id(s.errorCode);
      c.flags[i] =
        (s.readOnly === true ? FLAG_READ_ONLY : s.readOnly === false ? FLAG_WRITE : 0) |
        (s.errorCode ? FLAG_ERROR : 0) |
        (encoding === RecordEncoding.JsonString ? FLAG_STRING_ENCODED : 0) |
        gzipFlag;
      c.offset[i] = start;
      c.length[i] = end - start;
      for (const r of s.resources) c.addResource(strings.id(r));
      c.resourceStart[i + 1] = c.resourceCount;
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    problem =
      err.code === 'ENOENT'
        ? 'no such file'
        : err.code === 'EACCES'
          ? 'permission denied'
          : err.code === 'EISDIR'
            ? 'it is a folder'
            : err.message;
  }
  problem ??= describeOutcome(outcome, c.count);
  const n = c.count;
  return {
    fileNo,
    count: n,
    time: c.time.slice(0, n),
    fields: c.fields.slice(0, n * FIELD_COUNT),
    flags: c.flags.slice(0, n),
    offset: c.offset.slice(0, n),
    length: c.length.slice(0, n),
    resourceStart: c.resourceStart.slice(0, n + 1),
    resourceIds: c.resourceIds.slice(0, c.resourceCount),
    newStrings: strings.takeNew(),
    storedBytes,
    ...(problem ? { problem } : {}),
  };
}

function describeOutcome(outcome: ExtractOutcome, records: number): string | undefined {
  const parts: string[] = [];
  if (outcome.damaged) parts.push(`damaged after ${records} record${records === 1 ? '' : 's'}: ${outcome.damaged}`);
  if (outcome.skipped > 0)
    parts.push(
      `${outcome.skipped} value${outcome.skipped === 1 ? ' is' : 's are'} not readable records (first: ${outcome.firstProblem})`,
    );
  if (parts.length === 0 && records === 0) return undefined; // an empty delivery is not a failure
  return parts.length ? parts.join('; ') : undefined;
}

/** The typed arrays of a chunk, for transferring it between threads without copying. */
export function chunkTransferList(chunk: FileChunk): ArrayBuffer[] {
  return [
    chunk.time,
    chunk.fields,
    chunk.flags,
    chunk.offset,
    chunk.length,
    chunk.resourceStart,
    chunk.resourceIds,
  ].map((a) => a.buffer as ArrayBuffer);
}
