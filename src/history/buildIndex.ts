// Builds a history index from folders and files: discovery, then every file read by a pool of
// worker threads (one per core), chunks merged as they arrive, progress reported, cancellable.
// A file that fails is listed with its reason; a reader thread that dies is replaced.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { discoverFiles, type DiscoveredFile } from './discover';
import { LocalStrings, readFileChunk, type FileChunk } from './fileChunk';
import type { ReadRequest } from './history.worker';
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
}

export interface BuildResult {
  readonly index: HistoryIndex;
  readonly failures: readonly FileFailure[];
  /** Files read (including failed ones). */
  readonly files: number;
  /** Files in the folders that were not for us (other extensions, digests). */
  readonly ignored: number;
  readonly bytesRead: number;
  readonly threads: number;
  readonly ms: number;
}

/** Below this much data, starting threads costs more than it saves. */
const IN_THREAD_BYTES = 4 * 1024 * 1024;
/** Files sent ahead to each thread, so it never waits for the next name. */
const QUEUE_PER_THREAD = 2;

export async function buildHistoryIndex(inputs: readonly string[], options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const { signal } = options;
  signal?.throwIfAborted();
  const discovery = await discoverFiles(inputs, signal);
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
  const take = (source: ChunkSource, chunk: FileChunk) => {
    source.add(chunk);
    filesDone++;
    bytesRead += files[chunk.fileNo].size;
    if (chunk.problem) failures.push({ file: files[chunk.fileNo].path, reason: chunk.problem, records: chunk.count });
    report(false);
  };

  const wanted = options.threads ?? availableParallelism();
  const threads = bytesTotal < IN_THREAD_BYTES && options.threads === undefined ? 0 : Math.min(wanted, files.length);
  report(true);
  if (threads === 0) {
    const source = builder.source();
    const strings = new LocalStrings();
    for (let i = 0; i < files.length; i++) {
      signal?.throwIfAborted();
      take(source, readFileChunk(files[i].path, i, strings));
      // Let the caller's event loop breathe (progress, cancellation) between files.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } else {
    await readInThreads(
      files,
      threads,
      options.workerScript ?? join(__dirname, 'history.worker.js'),
      builder,
      take,
      failures,
      signal,
    );
  }
  failures.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  report(true);
  return {
    index: builder.seal(),
    failures,
    files: files.length,
    ignored: discovery.ignored,
    bytesRead,
    threads,
    ms: performance.now() - started,
  };
}

function readInThreads(
  files: readonly DiscoveredFile[],
  threads: number,
  script: string,
  builder: HistoryIndexBuilder,
  take: (source: ChunkSource, chunk: FileChunk) => void,
  failures: FileFailure[],
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let next = 0;
    let done = 0;
    let respawns = threads * 2;
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

    const spawn = () => {
      const worker = new Worker(script);
      const source = builder.source();
      const inFlight: number[] = [];
      pool.add(worker);
      const feed = () => {
        while (inFlight.length < QUEUE_PER_THREAD && next < files.length) {
          const fileNo = next++;
          inFlight.push(fileNo);
          const request: ReadRequest = { path: files[fileNo].path, fileNo };
          worker.postMessage(request);
        }
      };
      worker.on('message', (chunk: FileChunk) => {
        inFlight.splice(inFlight.indexOf(chunk.fileNo), 1);
        take(source, chunk);
        done++;
        if (done === files.length) return finish();
        feed();
      });
      const lost = (why: string) => {
        if (!pool.delete(worker)) return;
        void worker.terminate();
        for (const fileNo of inFlight) {
          failures.push({ file: files[fileNo].path, reason: `the reader thread stopped: ${why}`, records: 0 });
          done++;
        }
        inFlight.length = 0;
        if (done === files.length) return finish();
        if (respawns-- <= 0) return finish(new Error(`history reader threads keep stopping (${why})`));
        spawn();
      };
      worker.on('error', (e) => lost(e.message));
      worker.on('exit', (code) => lost(`exit code ${code}`));
      feed();
    };
    if (files.length === 0) return finish();
    for (let t = 0; t < threads; t++) spawn();
  });
}
