// Reads batches of files into compact chunks of columns: per record its time, interned strings,
// flags, resources, file and the byte range of its JSON. One ChunkReader per reader thread (or
// the caller's thread for small inputs); only typed arrays and the strings new since the last
// chunk leave it. Batches keep thousands of small files from costing a message and a set of
// arrays each.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { extractRecords, RecordEncoding, type ExtractOutcome, type RecordSink } from './extract';
import { summarizeRecord } from './summarize';
import { STRING_FIELDS, type RecordSummary } from './types';

export const FIELD_COUNT = STRING_FIELDS.length;

/** Flag bits per record. */
export const FLAG_READ_ONLY = 1;
export const FLAG_WRITE = 2;
export const FLAG_ERROR = 4;
export const FLAG_STRING_ENCODED = 8;
export const FLAG_GZIP = 16;

/** The flags a record's summary sets (read-only or write, failed). */
export function summaryFlags(s: RecordSummary): number {
  return (
    (s.readOnly === true ? FLAG_READ_ONLY : s.readOnly === false ? FLAG_WRITE : 0) | (s.errorCode ? FLAG_ERROR : 0)
  );
}

/** Largest file content read (decompressed); larger files are listed as failed. Offsets are 32-bit. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export interface ReadRequest {
  readonly path: string;
  readonly fileNo: number;
}

export interface FileOutcome {
  readonly fileNo: number;
  readonly records: number;
  /** Bytes of the file as stored. */
  readonly storedBytes: number;
  /** Why the file is (partly) unreadable, if it is. */
  readonly problem?: string;
}

export interface RecordChunk {
  readonly count: number;
  readonly time: Float64Array;
  /** `count × FIELD_COUNT` string IDs of the reader's string table, record by record. */
  readonly fields: Uint32Array;
  readonly flags: Uint8Array;
  readonly fileNo: Uint32Array;
  readonly offset: Uint32Array;
  readonly length: Uint32Array;
  /** Record i's resources are resourceIds[resourceStart[i] … resourceStart[i + 1]). */
  readonly resourceStart: Uint32Array;
  readonly resourceIds: Uint32Array;
  /** Strings the reader's table gained since its last chunk (IDs continue from there). */
  readonly newStrings: string[];
  /** The files of the batch, in the order read (their records are contiguous, in file order). */
  readonly files: FileOutcome[];
}

/** Decompressed (when gzip) content of a file; throws a reason a person can read. */
export function readContent(path: string): { bytes: Buffer; stored: number; gzip: boolean } {
  // Synchronous on purpose: it runs in reader threads (or on small inputs), where async I/O only added waiting.
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
      throw new Error(`decompresses to more than ${MAX_FILE_BYTES / 2 ** 30} GiB`, { cause: e });
    throw new Error(`the gzip data is damaged (${err.message})`, { cause: e });
  }
}

function grow<T extends Float64Array | Uint32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

function reasonOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'no such file';
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'permission denied';
  if (err.code === 'EISDIR') return 'it is a folder';
  return err.message;
}

function describeOutcome(outcome: ExtractOutcome, records: number): string | undefined {
  const parts: string[] = [];
  if (outcome.damaged) parts.push(`damaged after ${records} record${records === 1 ? '' : 's'}: ${outcome.damaged}`);
  if (outcome.skipped > 0)
    parts.push(
      `${outcome.skipped} value${outcome.skipped === 1 ? ' is' : 's are'} not readable records (first: ${outcome.firstProblem})`,
    );
  // An empty delivery is not a failure.
  return parts.length ? parts.join('; ') : undefined;
}

/** One thread's reader: its string table and column buffers, reused from batch to batch. */
export class ChunkReader {
  private readonly ids = new Map<string, number>([['', 0]]);
  private pending: string[] = [];
  private count = 0;
  private capacity = 4096;
  private time = new Float64Array(this.capacity);
  private fields = new Uint32Array(this.capacity * FIELD_COUNT);
  private flags = new Uint8Array(this.capacity);
  private fileNo = new Uint32Array(this.capacity);
  private offset = new Uint32Array(this.capacity);
  private length = new Uint32Array(this.capacity);
  private resourceStart = new Uint32Array(this.capacity + 1);
  private resourceIds = new Uint32Array(this.capacity);
  private resourceCount = 0;

  /** Reads the files into one chunk. Never throws for a file's own problems: they go into its outcome. */
  readFiles(requests: readonly ReadRequest[]): RecordChunk {
    this.count = 0;
    this.resourceCount = 0;
    const files = requests.map((r) => this.readFile(r));
    const n = this.count;
    const chunk: RecordChunk = {
      count: n,
      time: this.time.slice(0, n),
      fields: this.fields.slice(0, n * FIELD_COUNT),
      flags: this.flags.slice(0, n),
      fileNo: this.fileNo.slice(0, n),
      offset: this.offset.slice(0, n),
      length: this.length.slice(0, n),
      resourceStart: this.resourceStart.slice(0, n + 1),
      resourceIds: this.resourceIds.slice(0, this.resourceCount),
      newStrings: this.pending,
      files,
    };
    this.pending = [];
    return chunk;
  }

  private id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(s, id);
      this.pending.push(s);
    }
    return id;
  }

  private reserve(): void {
    if (this.count < this.capacity) return;
    const cap = this.capacity * 2;
    this.time = grow(this.time, cap);
    this.fields = grow(this.fields, cap * FIELD_COUNT);
    this.flags = grow(this.flags, cap);
    this.fileNo = grow(this.fileNo, cap);
    this.offset = grow(this.offset, cap);
    this.length = grow(this.length, cap);
    this.resourceStart = grow(this.resourceStart, cap + 1);
    this.capacity = cap;
  }

  private addResource(id: number): void {
    if (this.resourceCount === this.resourceIds.length)
      this.resourceIds = grow(this.resourceIds, this.resourceIds.length * 2);
    this.resourceIds[this.resourceCount++] = id;
  }

  private readFile(request: ReadRequest): FileOutcome {
    const first = this.count;
    let storedBytes = 0;
    let problem: string | undefined;
    try {
      const content = readContent(request.path);
      storedBytes = content.stored;
      const gzipFlag = content.gzip ? FLAG_GZIP : 0;
      const sink: RecordSink = (record, start, end, encoding) => {
        this.reserve();
        const i = this.count++;
        const s = summarizeRecord(record);
        this.time[i] = s.time;
        const f = i * FIELD_COUNT;
        const fields = this.fields;
        fields[f] = this.id(s.eventSource);
        fields[f + 1] = this.id(s.eventName);
        fields[f + 2] = this.id(s.principal);
        fields[f + 3] = this.id(s.user);
        fields[f + 4] = this.id(s.sourceIp);
        fields[f + 5] = this.id(s.region);
        fields[f + 6] = this.id(s.account);
        fields[f + 7] = this.id(s.errorCode);
        this.flags[i] = summaryFlags(s) | (encoding === RecordEncoding.JsonString ? FLAG_STRING_ENCODED : 0) | gzipFlag;
        this.fileNo[i] = request.fileNo;
        this.offset[i] = start;
        this.length[i] = end - start;
        for (const r of s.resources) this.addResource(this.id(r));
        this.resourceStart[i + 1] = this.resourceCount;
      };
      problem = describeOutcome(extractRecords(content.bytes, sink), this.count - first);
    } catch (e) {
      problem = reasonOf(e);
    }
    return { fileNo: request.fileNo, records: this.count - first, storedBytes, ...(problem ? { problem } : {}) };
  }
}

/** The typed arrays of a chunk, for transferring it between threads without copying. */
export function chunkTransferList(chunk: RecordChunk): ArrayBuffer[] {
  return [
    chunk.time,
    chunk.fields,
    chunk.flags,
    chunk.fileNo,
    chunk.offset,
    chunk.length,
    chunk.resourceStart,
    chunk.resourceIds,
  ].map((a) => a.buffer as ArrayBuffer);
}
