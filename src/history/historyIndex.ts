// The history index: per record its time, eight interned strings, flags, resources and its place
// in its file — columns of typed arrays in time order, and one table of distinct strings. No
// record is kept whole. `HistoryIndexBuilder` takes chunks in any order (from any reader thread)
// and `seal()` lays them out in file order, then sorted by time (stable).
import {
  FIELD_COUNT,
  FLAG_ERROR,
  FLAG_GZIP,
  FLAG_READ_ONLY,
  FLAG_STRING_ENCODED,
  FLAG_WRITE,
  type RecordChunk,
} from './fileChunk';
import { orderByTime } from './sortByTime';
import { STRING_FIELDS, type HistoryRow, type RecordPlace, type StringField } from './types';

export class HistoryIndex {
  /** Record count. */
  readonly size: number;

  constructor(
    /** The distinct strings; ID 0 is the empty string. */
    readonly strings: readonly string[],
    /** Files in the order given (after discovery). */
    readonly files: readonly string[],
    /** Epoch ms, ascending (NaN last). */
    readonly time: Float64Array,
    /** One string-ID column per field of STRING_FIELDS. */
    readonly columns: Readonly<Record<StringField, Uint32Array>>,
    readonly flags: Uint8Array,
    readonly fileNo: Uint32Array,
    readonly offset: Uint32Array,
    readonly length: Uint32Array,
    readonly resourceStart: Uint32Array,
    readonly resourceIds: Uint32Array,
  ) {
    this.size = time.length;
  }

  /** Bytes held by the columns and the string table (strings counted as V8 stores them). */
  memoryBytes(): number {
    let bytes = 0;
    for (const a of [
      this.time,
      this.flags,
      this.fileNo,
      this.offset,
      this.length,
      this.resourceStart,
      this.resourceIds,
    ])
      bytes += a.byteLength;
    for (const f of STRING_FIELDS) bytes += this.columns[f].byteLength;
    for (const s of this.strings) bytes += stringBytes(s);
    for (const s of this.files) bytes += stringBytes(s);
    return bytes;
  }

  /** Epoch ms of the oldest and newest record with a readable time, or undefined when none has one. */
  timeSpan(): { from: number; to: number } | undefined {
    let last = this.size - 1;
    while (last >= 0 && Number.isNaN(this.time[last])) last--;
    return last < 0 ? undefined : { from: this.time[0], to: this.time[last] };
  }

  resources(record: number): string[] {
    const out: string[] = [];
    for (let k = this.resourceStart[record]; k < this.resourceStart[record + 1]; k++)
      out.push(this.strings[this.resourceIds[k]]);
    return out;
  }

  row(record: number): HistoryRow {
    const s = (f: StringField) => this.strings[this.columns[f][record]];
    const flags = this.flags[record];
    return {
      record,
      time: this.time[record],
      eventSource: s('eventSource'),
      eventName: s('eventName'),
      principal: s('principal'),
      user: s('user'),
      sourceIp: s('sourceIp'),
      region: s('region'),
      account: s('account'),
      errorCode: s('errorCode'),
      readOnly: flags & FLAG_READ_ONLY ? true : flags & FLAG_WRITE ? false : undefined,
      resources: this.resources(record),
    };
  }

  place(record: number): RecordPlace {
    const flags = this.flags[record];
    return {
      file: this.files[this.fileNo[record]],
      offset: this.offset[record],
      length: this.length[record],
      gzip: (flags & FLAG_GZIP) !== 0,
      encoding: flags & FLAG_STRING_ENCODED ? 'string' : 'json',
    };
  }

  isError(record: number): boolean {
    return (this.flags[record] & FLAG_ERROR) !== 0;
  }
}

function stringBytes(s: string): number {
  // A V8 sequential string: a 16-byte header (rounded to 8) plus 1 byte per Latin-1 char, else 2.
  let wide = false;
  for (let i = 0; i < s.length && !wide; i++) wide = s.charCodeAt(i) > 0xff;
  return 16 + Math.ceil((s.length * (wide ? 2 : 1)) / 8) * 8;
}

/** One reader's mapping from its string IDs to the index's (readers intern on their own). */
export class ChunkSource {
  private readonly toGlobal: number[] = [0];

  constructor(private readonly builder: HistoryIndexBuilder) {}

  add(chunk: RecordChunk): void {
    for (const s of chunk.newStrings) this.toGlobal.push(this.builder.intern(s));
    const map = this.toGlobal;
    const fields = chunk.fields;
    for (let k = 0; k < fields.length; k++) fields[k] = map[fields[k]];
    const ids = chunk.resourceIds;
    for (let k = 0; k < ids.length; k++) ids[k] = map[ids[k]];
    this.builder.accept(chunk);
  }
}

export class HistoryIndexBuilder {
  private readonly strings: string[] = [''];
  private readonly ids = new Map<string, number>([['', 0]]);
  private readonly chunks: RecordChunk[] = [];
  private recordCount = 0;

  constructor(readonly files: readonly string[]) {}

  get records(): number {
    return this.recordCount;
  }

  /** A new reader's ID mapping; each reader (thread) needs its own. */
  source(): ChunkSource {
    return new ChunkSource(this);
  }

  intern(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  /** Takes a chunk whose IDs are already the index's (ChunkSource.add does that), in any order. */
  accept(chunk: RecordChunk): void {
    this.chunks.push(chunk);
    this.recordCount += chunk.count;
  }

  /** The index of everything added so far (the builder can go on taking chunks). */
  seal(): HistoryIndex {
    const n = this.recordCount;
    // 1. Concatenate in arrival order.
    const time = new Float64Array(n);
    const fields = new Uint32Array(n * FIELD_COUNT);
    const flags = new Uint8Array(n);
    const fileNo = new Uint32Array(n);
    const offset = new Uint32Array(n);
    const length = new Uint32Array(n);
    const firstRes = new Uint32Array(n);
    const resCount = new Uint32Array(n);
    let totalRes = 0;
    for (const c of this.chunks) totalRes += c.resourceIds.length;
    const allRes = new Uint32Array(totalRes);
    let at = 0;
    let r = 0;
    for (const c of this.chunks) {
      time.set(c.time, at);
      fields.set(c.fields, at * FIELD_COUNT);
      flags.set(c.flags, at);
      fileNo.set(c.fileNo, at);
      offset.set(c.offset, at);
      length.set(c.length, at);
      allRes.set(c.resourceIds, r);
      for (let i = 0; i < c.count; i++) {
        firstRes[at + i] = r + c.resourceStart[i];
        resCount[at + i] = c.resourceStart[i + 1] - c.resourceStart[i];
      }
      r += c.resourceIds.length;
      at += c.count;
    }
    // 2. File order (a counting sort: chunks hold each file's records together, in place order),
    // then time order, stable: records at the same second stay in file and place order.
    const perFile = new Uint32Array(this.files.length + 1);
    for (let k = 0; k < n; k++) perFile[fileNo[k] + 1]++;
    for (let f = 1; f <= this.files.length; f++) perFile[f] += perFile[f - 1];
    const byFile = new Uint32Array(n);
    for (let k = 0; k < n; k++) byFile[perFile[fileNo[k]]++] = k;
    const order = orderByTime(time, byFile);
    // 3. Lay every column out in that order.
    const sTime = new Float64Array(n);
    const sFlags = new Uint8Array(n);
    const sFile = new Uint32Array(n);
    const sOffset = new Uint32Array(n);
    const sLength = new Uint32Array(n);
    const resourceStart = new Uint32Array(n + 1);
    const resourceIds = new Uint32Array(totalRes);
    const columns = Object.fromEntries(STRING_FIELDS.map((f) => [f, new Uint32Array(n)])) as Record<
      StringField,
      Uint32Array
    >;
    const cols = STRING_FIELDS.map((f) => columns[f]);
    let out = 0;
    for (let k = 0; k < n; k++) {
      const i = order[k];
      sTime[k] = time[i];
      sFlags[k] = flags[i];
      sFile[k] = fileNo[i];
      sOffset[k] = offset[i];
      sLength[k] = length[i];
      const base = i * FIELD_COUNT;
      for (let f = 0; f < FIELD_COUNT; f++) cols[f][k] = fields[base + f];
      const from = firstRes[i];
      const count = resCount[i];
      for (let j = 0; j < count; j++) resourceIds[out + j] = allRes[from + j];
      out += count;
      resourceStart[k + 1] = out;
    }
    return new HistoryIndex(
      this.strings.slice(),
      this.files,
      sTime,
      columns,
      sFlags,
      sFile,
      sOffset,
      sLength,
      resourceStart,
      resourceIds,
    );
  }
}
