// Builds a history index from folders and files: discovery, then every file read by a pool of
// worker threads (one per core), chunks merged as they arrive, progress reported, cancellable.
// A file that fails is listed with its reason; a reader thread that dies is replaced.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { discoverFiles, type DiscoveredFile, type Discovery } from './discover';
import { ChunkReader, type ReadRequest, type RecordChunk } from './fileChunk';
import { HistoryIndexBuilder, type ChunkSource, type HistoryIndex } from './historyIndex';
import type { BuildProgress, FileFailure } from './types';

export interface BuildOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: BuildProgress) => void;
  /** How often progress is reported at most (default 100 ms); the last report always comes. */
  readonly progressIntervalMs?: number;
  /** Reader threads; default one per core. 0 reads in this thread (used for small inputs). */
  readonly threads?: number;
  /** The bundled worker script; default `history.worker.js` beside this module (dist/ or out/). */
  readonly workerScript?: string;
  /** Files go to threads in batches of about this many stored bytes (default 1 MiB; at most 256 files). */
  readonly batchBytes?: number;
  /** Stop reading more files once the index holds this many records (default MAX_RECORDS). */
  readonly maxRecords?: number;
  /**
   * Called once, `snapshotAfterMs` (default 500) into the read if it is still going, with an index
   * of what was read so far: the first matches can be shown while the rest is read.
   */
  readonly onSnapshot?: (partial: HistoryIndex) => void;
  readonly snapshotAfterMs?: number;
}

export interface BuildResult {
  readonly index: HistoryIndex;
  readonly failures: readonly FileFailure[];
  /** Files read (including failed ones). */
  readonly files: number;
  /** Files in the folders that were not for us (other extensions, digests). */
  readonly ignored: number;
  readonly bytesRead: number;
  /** Files not read because the index was full (maxRecords); the Athena path is for such folders. */
  readonly unread: number;
  readonly threads: number;
  readonly ms: number;
}

/**
 * The most records an index takes by default: about 650 MB at ~65 bytes per record, and filter
 * changes of a few hundred ms. Larger histories belong in Athena (athena.ts).
 */
export const MAX_RECORDS = 10_000_000;

/** Below this much data, starting threads costs more than it saves. */
const IN_THREAD_BYTES = 4 * 1024 * 1024;
/** Batches sent ahead to each thread, so it never waits for the next one. */
const QUEUE_PER_THREAD = 2;
/** A batch: consecutive files up to this many stored bytes (about 0.1 s of work) or files. */
const BATCH_BYTES = 1024 * 1024;
const BATCH_FILES = 256;

/** Consecutive files grouped into batches of about `batchBytes` (a big file is a batch of its own). */
function batchesOf(files: readonly DiscoveredFile[], batchBytes: number): ReadRequest[][] {
  const batches: ReadRequest[][] = [];
  let current: ReadRequest[] = [];
  let bytes = 0;
  files.forEach((f, fileNo) => {
    current.push({ path: f.path, fileNo });
    bytes += f.size;
    if (bytes >= batchBytes || current.length >= BATCH_FILES) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

export async function buildHistoryIndex(inputs: readonly string[], options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const { signal } = options;
  signal?.throwIfAborted();
  const wanted = options.threads ?? availableParallelism();
  const script = options.workerScript ?? join(__dirname, 'history.worker.js');
  // Reader threads start while the folders are walked: a thread takes tens of milliseconds to
  // start, which small folders would otherwise wait for. Those not needed are stopped.
  const early = options.threads === 0 ? [] : Array.from({ length: wanted }, () => startReader(script));
  let discovery: Discovery;
  try {
    discovery = await discoverFiles(inputs, signal);
  } catch (e) {
    for (const r of early) void r.worker.terminate();
    throw e;
  }
  const files = discovery.files;
  const builder = new HistoryIndexBuilder(files.map((f) => f.path));
  const failures: FileFailure[] = [...discovery.failures];
  const bytesTotal = files.reduce((sum, f) => sum + f.size, 0);
  let filesDone = 0;
  let bytesRead = 0;
  let lastReport = 0;
  const interval = options.progressIntervalMs ?? 100;
  const report = (force: boolean) => {
    if (!options.onProgress) return;
    const now = performance.now();
    if (!force && now - lastReport < interval) return;
    lastReport = now;
    options.onProgress({
      filesDone,
      filesTotal: files.length,
      records: builder.records,
      bytesRead,
      bytesTotal,
      failures: failures.length,
    });
  };
  let snapshotDue = options.onSnapshot !== undefined;
  const take = (source: ChunkSource, chunk: RecordChunk) => {
    source.add(chunk);
    if (snapshotDue && performance.now() - started >= (options.snapshotAfterMs ?? 500)) {
      snapshotDue = false;
      options.onSnapshot!(builder.snapshot());
    }
    for (const f of chunk.files) {
      filesDone++;
      bytesRead += files[f.fileNo].size;
      if (f.problem) failures.push({ file: files[f.fileNo].path, reason: f.problem, records: f.records });
    }
    report(false);
  };
  /** A reader thread died with these files: each is listed as failed. */
  const lose = (batch: readonly ReadRequest[], why: string) => {
    for (const r of batch) {
      filesDone++;
      failures.push({ file: r.path, reason: `the reader thread stopped: ${why}`, records: 0 });
    }
  };

  const batches = batchesOf(files, options.batchBytes ?? BATCH_BYTES);
  const maxRecords = options.maxRecords ?? MAX_RECORDS;
  const full = () => builder.records >= maxRecords;
  const threads = bytesTotal < IN_THREAD_BYTES && options.threads === undefined ? 0 : Math.min(wanted, batches.length);
  for (const r of early.slice(threads)) void r.worker.terminate();
  report(true);
  if (threads === 0) {
    const source = builder.source();
    const reader = new ChunkReader();
    for (const batch of batches) {
      signal?.throwIfAborted();
      if (full()) break;
      take(source, reader.readFiles(batch));
      // Let the caller's event loop breathe (progress, cancellation) between batches.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } else {
    await readInThreads(batches, early.slice(0, threads), script, builder, take, lose, full, signal);
  }
  const unread = files.length - filesDone;
  failures.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  report(true);
  return {
    index: builder.seal(),
    failures,
    files: files.length,
    ignored: discovery.ignored,
    bytesRead,
    unread,
    threads,
    ms: performance.now() - started,
  };
}

/** A reader thread, started before it has work; `stopped` is set if it ends on its own. */
interface Reader {
  readonly worker: Worker;
  stopped?: string;
}

function startReader(script: string): Reader {
  const reader: Reader = { worker: new Worker(script) };
  // Until the pool takes it over, a failure is only noted (an 'error' nobody listens to would throw).
  reader.worker.on('error', (e) => (reader.stopped ??= e.message));
  reader.worker.on('exit', (code) => (reader.stopped ??= `exit code ${code}`));
  return reader;
}

function readInThreads(
  batches: readonly ReadRequest[][],
  readers: readonly Reader[],
  script: string,
  builder: HistoryIndexBuilder,
  take: (source: ChunkSource, chunk: RecordChunk) => void,
  lose: (batch: readonly ReadRequest[], why: string) => void,
  full: () => boolean,
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let done = 0;
    let respawns = readers.length * 2;
    // Once the index is full no more batches go out; the build ends when those sent are answered.
    const over = () => done === next && (next === batches.length || full());
    const pool = new Set<Worker>();
    const finish = (error?: unknown) => {
      signal?.removeEventListener('abort', onAbort);
      for (const w of pool) void w.terminate();
      pool.clear();
      if (error !== undefined) reject(error);
      else resolve();
    };
    const onAbort = () => finish(signal?.reason ?? new DOMException('The build was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', onAbort, { once: true });

    const use = (reader: Reader) => {
      if (reader.stopped !== undefined) {
        // It ended before it got any work: start another in its place.
        if (respawns-- <= 0) return finish(new Error(`history reader threads keep stopping (${reader.stopped})`));
        return use(startReader(script));
      }
      const worker = reader.worker;
      const source = builder.source();
      // Batches sent to this thread and not answered yet, oldest first (a thread answers in order).
      const inFlight: Array<readonly ReadRequest[]> = [];
      pool.add(worker);
      const feed = () => {
        while (inFlight.length < QUEUE_PER_THREAD && next < batches.length && !full()) {
          const batch = batches[next++];
          inFlight.push(batch);
          worker.postMessage(batch);
        }
      };
      worker.on('message', (chunk: RecordChunk) => {
        inFlight.shift();
        take(source, chunk);
        done++;
        if (over()) return finish();
        feed();
      });
      const lost = (why: string) => {
        if (!pool.delete(worker)) return;
        void worker.terminate();
        for (const batch of inFlight) {
          lose(batch, why);
          done++;
        }
        inFlight.length = 0;
        if (over()) return finish();
        if (respawns-- <= 0) return finish(new Error(`history reader threads keep stopping (${why})`));
        use(startReader(script));
      };
      worker.on('error', (e) => lost(e.message));
      worker.on('exit', (code) => lost(`exit code ${code}`));
      feed();
    };
    if (batches.length === 0) return finish();
    for (const reader of readers) use(reader);
  });
}
