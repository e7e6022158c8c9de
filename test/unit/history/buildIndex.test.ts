// Building the index from a folder: worker threads and the caller's thread give the same index,
// failed files are listed with reasons while the rest is read, progress adds up, cancelling
// stops the threads, and every record reads back from its place.
import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHistoryIndex } from '../../../src/history/buildIndex';
import type { HistoryIndex } from '../../../src/history/historyIndex';
import { runQuery } from '../../../src/history/query';
import { RecordReader, charOffset } from '../../../src/history/readRecord';
import { readContent } from '../../../src/history/fileChunk';
import type { BuildProgress } from '../../../src/history/types';
import { plainScan, writeMixedFolder, type MixedFolder } from './trailFolder';

/** Small batches, so this small folder still makes many (the default is 1 MiB of files). */
const SMALL_BATCH = 16 * 1024;

describe('history: building the index', function () {
  this.timeout(60_000);
  let dir = '';
  let folder: MixedFolder;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'history-build-'));
    folder = writeMixedFolder(dir, 4000, { broken: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same index from two worker threads as from the calling thread', async () => {
    const inThread = await buildHistoryIndex([dir], { threads: 0, batchBytes: SMALL_BATCH });
    const threaded = await buildHistoryIndex([dir], { threads: 2, batchBytes: SMALL_BATCH });
    assert.equal(threaded.threads, 2);
    assert.equal(inThread.threads, 0);
    assert.equal(threaded.index.size, inThread.index.size);
    for (let k = 0; k < inThread.index.size; k++) {
      assert.deepEqual(threaded.index.row(k), inThread.index.row(k));
      assert.deepEqual(threaded.index.place(k), inThread.index.place(k));
    }
    assert.deepEqual(threaded.failures, inThread.failures);
  });

  it('lists each broken file with its reason, keeps what it could read, and ignores digests', async () => {
    const result = await buildHistoryIndex([dir, join(dir, 'no-such-folder')], { threads: 2, batchBytes: SMALL_BATCH });
    const reasons = new Map(result.failures.map((f) => [f.file, f]));
    assert.equal(result.failures.length, 5);
    assert.match(reasons.get(folder.broken[0])!.reason, /damaged after 2 records/);
    assert.equal(reasons.get(folder.broken[0])!.records, 2);
    assert.match(reasons.get(folder.broken[1])!.reason, /not gzip data/);
    assert.match(reasons.get(folder.broken[2])!.reason, /gzip data is damaged/);
    assert.match(reasons.get(folder.broken[3])!.reason, /not JSON/);
    assert.match(reasons.get(join(dir, 'no-such-folder'))!.reason, /no such file or folder/);
    assert.ok(result.ignored >= 1, 'README.txt is not read');
    assert.ok(!result.index.files.some((f) => f.includes('Digest')), 'digests are not read');
    const plain = plainScan(dir).length; // the plain scan cannot read the cut file at all
    assert.equal(result.index.size, plain + 2);
  });

  it('reports progress that only grows and ends at the totals', async () => {
    const seen: BuildProgress[] = [];
    const result = await buildHistoryIndex([dir], {
      threads: 2,
      batchBytes: SMALL_BATCH,
      progressIntervalMs: 0,
      onProgress: (p) => seen.push(p),
    });
    assert.ok(seen.length > 10);
    for (let i = 1; i < seen.length; i++) {
      assert.ok(seen[i].filesDone >= seen[i - 1].filesDone);
      assert.ok(seen[i].records >= seen[i - 1].records);
      assert.ok(seen[i].bytesRead <= seen[i].bytesTotal);
    }
    const last = seen[seen.length - 1];
    assert.deepEqual(
      [last.filesDone, last.filesTotal, last.records, last.failures],
      [result.files, result.files, result.index.size, result.failures.length],
    );
  });

  it('stops when cancelled, with an AbortError, before and during the read', async () => {
    const before = new AbortController();
    before.abort();
    await assert.rejects(buildHistoryIndex([dir], { signal: before.signal }), { name: 'AbortError' });
    for (const threads of [0, 2]) {
      const during = new AbortController();
      let calls = 0;
      await assert.rejects(
        buildHistoryIndex([dir], {
          threads,
          batchBytes: SMALL_BATCH,
          signal: during.signal,
          progressIntervalMs: 0,
          onProgress: (p) => {
            if (p.filesDone > 3 && ++calls === 1) during.abort();
          },
        }),
        { name: 'AbortError' },
      );
    }
  });

  it('hands out an index of what was read so far while the build goes on', async () => {
    let partial: HistoryIndex | undefined;
    const result = await buildHistoryIndex([dir], {
      threads: 2,
      batchBytes: SMALL_BATCH,
      snapshotAfterMs: 0,
      onSnapshot: (index) => (partial = index),
    });
    assert.ok(partial && partial.size > 0 && partial.size < result.index.size, String(partial?.size));
    // Its records are the full index's, in the same time order, with the same places.
    const places = new Set(Array.from({ length: result.index.size }, (_, k) => JSON.stringify(result.index.place(k))));
    for (let k = 0; k < partial.size; k++) {
      assert.ok(places.has(JSON.stringify(partial.place(k))));
      if (k > 0) assert.ok(!(partial.time[k] < partial.time[k - 1]));
    }
    assert.ok(runQuery(partial, { errorsOnly: true }).total <= runQuery(result.index, { errorsOnly: true }).total);
  });

  it('stops taking files once the index is full, and says how many were not read', async () => {
    const all = await buildHistoryIndex([dir], { threads: 0, batchBytes: SMALL_BATCH });
    for (const threads of [0, 2]) {
      const capped = await buildHistoryIndex([dir], { threads, batchBytes: SMALL_BATCH, maxRecords: 500 });
      assert.ok(capped.index.size >= 500 && capped.index.size < all.index.size, String(capped.index.size));
      assert.ok(capped.unread > 0 && capped.unread < all.files);
      assert.equal(all.unread, 0);
    }
  });

  it('lists a file it may not read and still reads the others', async function () {
    if (process.getuid?.() === 0) this.skip(); // root reads everything
    const locked = join(dir, 'exports', 'locked.json');
    writeFileSync(locked, '{"Records":[]}');
    chmodSync(locked, 0o000);
    try {
      const result = await buildHistoryIndex([dir], { threads: 0, batchBytes: SMALL_BATCH });
      assert.match(result.failures.find((f) => f.file === locked)!.reason, /permission denied/);
    } finally {
      rmSync(locked, { force: true });
    }
  });

  it('says a file changed since it was read rather than returning something else', async () => {
    const { index } = await buildHistoryIndex([dir], { threads: 0, batchBytes: SMALL_BATCH });
    const reader = new RecordReader();
    const at = (file: string) =>
      index.place(Array.from({ length: index.size }, (_, k) => k).find((k) => index.place(k).file === file)!);
    const plain = at(join(dir, 'exports', 'array.json'));
    await assert.rejects(reader.text({ ...plain, length: plain.length + 10_000 }), /changed since it was read/);
    const lookup = at(join(dir, 'exports', 'lookup-events.json'));
    await assert.rejects(reader.text({ ...lookup, offset: lookup.offset + 1 }), /changed since it was read/);
    await assert.rejects(reader.text({ ...plain, file: join(dir, 'gone.json') }), /ENOENT/);
  });

  it('reads every record back from its place: gzip, plain and lookup-events string', async () => {
    const { index } = await buildHistoryIndex([dir], { threads: 2, batchBytes: SMALL_BATCH });
    const reader = new RecordReader(2);
    const kinds = new Set<string>();
    for (let k = 0; k < index.size; k++) {
      const place = index.place(k);
      kinds.add(`${place.gzip}/${place.encoding}`);
      const record = await reader.record(place);
      assert.equal(record.eventName, index.row(k).eventName);
      assert.equal(Date.parse(record.eventTime as string), index.row(k).time);
    }
    assert.deepEqual([...kinds].sort(), ['false/json', 'false/string', 'true/json']);
    // A place in a file with multi-byte characters before it: the editor's offset differs from the byte offset.
    const pretty = join(dir, 'exports', 'pretty.json');
    const content = readContent(pretty).bytes;
    const k = Array.from({ length: index.size }, (_, i) => i).find((i) => index.place(i).file === pretty)!;
    const at = charOffset(content, index.place(k).offset);
    assert.equal(content.toString('utf8')[at], '{');
    assert.ok(at < index.place(k).offset, 'the byte order mark is 3 bytes but 1 character');
  });

  it("gives every record's range in the text an editor shows (no byte order mark, UTF-16)", async () => {
    const { index } = await buildHistoryIndex([dir], { threads: 0, batchBytes: SMALL_BATCH });
    const reader = new RecordReader(2);
    const shown = new Map<string, string>();
    const textOf = (file: string) => {
      let text = shown.get(file);
      if (text === undefined) {
        text = readContent(file)
          .bytes.toString('utf8')
          .replace(/^\ufeff/, '');
        shown.set(file, text);
      }
      return text;
    };
    let multiByteBefore = 0;
    for (let k = 0; k < index.size; k++) {
      const place = index.place(k);
      const { start, end } = await reader.editorRange(place);
      const slice = textOf(place.file).slice(start, end);
      const parsed: unknown = JSON.parse(slice);
      const record = (place.encoding === 'string' ? JSON.parse(parsed as string) : parsed) as Record<string, unknown>;
      assert.equal(record.eventName, index.row(k).eventName, `${place.file} at ${place.offset}`);
      if (start < place.offset) multiByteBefore++;
    }
    assert.ok(multiByteBefore > 0, 'some records have multi-byte characters (or a byte order mark) before them');
  });
});
