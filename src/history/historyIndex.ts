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

  /**
   * The index of everything added: file order, then time order (stable). Ends the build: the
   * chunks are dropped as they are copied and each column's unsorted copy as it is sorted, so the
   * memory at the peak stays near twice the index, not four times.
   */
  seal(): HistoryIndex {
    const chunks = this.chunks.splice(0);
    const n = this.recordCount;
    this.recordCount = 0;
    return this.layout(chunks, n, this.strings);
  }

  /** An index of what was added so far, while the build goes on (e.g. to show first matches early). */
  snapshot(): HistoryIndex {
    return this.layout(this.chunks.slice(), this.recordCount, this.strings.slice());
  }

  private layout(chunks: Array<RecordChunk | undefined>, n: number, strings: string[]): HistoryIndex {
    let totalRes = 0;
    for (const c of chunks) totalRes += c!.resourceIds.length;
    // 1. Concatenate in arrival order, letting go of each chunk once copied. The unsorted copies
    // live in `u` so each can be let go of as soon as its sorted column exists.
    const u: {
      fields?: Uint32Array;
      flags?: Uint8Array;
      offset?: Uint32Array;
      length?: Uint32Array;
      firstRes?: Uint32Array;
      resCount?: Uint32Array;
      allRes?: Uint32Array;
    } = {
      fields: new Uint32Array(n * FIELD_COUNT),
      flags: new Uint8Array(n),
      offset: new Uint32Array(n),
      length: new Uint32Array(n),
      firstRes: new Uint32Array(n),
      resCount: new Uint32Array(n),
      allRes: new Uint32Array(totalRes),
    };
    const time = new Float64Array(n);
    const fileNo = new Uint32Array(n);
    let at = 0;
    let r = 0;
    for (let c = 0; c < chunks.length; c++) {
      const chunk = chunks[c]!;
      time.set(chunk.time, at);
      u.fields!.set(chunk.fields, at * FIELD_COUNT);
      u.flags!.set(chunk.flags, at);
      fileNo.set(chunk.fileNo, at);
      u.offset!.set(chunk.offset, at);
      u.length!.set(chunk.length, at);
      u.allRes!.set(chunk.resourceIds, r);
      for (let i = 0; i < chunk.count; i++) {
        u.firstRes![at + i] = r + chunk.resourceStart[i];
        u.resCount![at + i] = chunk.resourceStart[i + 1] - chunk.resourceStart[i];
      }
      r += chunk.resourceIds.length;
      at += chunk.count;
      chunks[c] = undefined;
    }
    // 2. File order (a counting sort: a chunk holds each of its files' records together, in
    // place order), then time order, stable: records of the same second stay in file and place order.
    const perFile = new Uint32Array(this.files.length + 1);
    for (let k = 0; k < n; k++) perFile[fileNo[k] + 1]++;
    for (let f = 1; f <= this.files.length; f++) perFile[f] += perFile[f - 1];
    const byFile = new Uint32Array(n);
    for (let k = 0; k < n; k++) byFile[perFile[fileNo[k]]++] = k;
    const order = orderByTime(time, byFile);
    // 3. Lay each column out in that order, dropping its unsorted copy.
    const permute = <T extends Float64Array | Uint32Array | Uint8Array>(from: T): T => {
      const to = new (from.constructor as new (size: number) => T)(n);
      for (let k = 0; k < n; k++) to[k] = from[order[k]];
      return to;
    };
    const sTime = permute(time);
    const sFile = permute(fileNo);
    const sFlags = permute(u.flags!);
    delete u.flags;
    const sOffset = permute(u.offset!);
    delete u.offset;
    const sLength = permute(u.length!);
    delete u.length;
    const columns = {} as Record<StringField, Uint32Array>;
    const fields = u.fields!;
    STRING_FIELDS.forEach((field, f) => {
      const column = new Uint32Array(n);
      for (let k = 0; k < n; k++) column[k] = fields[order[k] * FIELD_COUNT + f];
      columns[field] = column;
    });
    delete u.fields;
    const resourceStart = new Uint32Array(n + 1);
    const resourceIds = new Uint32Array(totalRes);
    const { firstRes, resCount, allRes } = u as Required<typeof u>;
    let out = 0;
    for (let k = 0; k < n; k++) {
      const i = order[k];
      const from = firstRes[i];
      const count = resCount[i];
      for (let j = 0; j < count; j++) resourceIds[out + j] = allRes[from + j];
      out += count;
      resourceStart[k + 1] = out;
    }
    return new HistoryIndex(
      strings,
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
