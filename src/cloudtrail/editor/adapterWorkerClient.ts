// Runs validations in one worker thread, newest request per document wins. A request that is
// superseded while queued is dropped; one superseded while running is cancelled by terminating
// the worker (JavaScript cannot interrupt a busy thread any other way), and a fresh worker is
// started for the next job. The text goes over in UTF-8 chunks in transferred buffers, yielding
// to the event loop between them, so even a 50 MB log never blocks the caller's thread for long.
// No `vscode` import, so it is unit-tested in plain Node.
import { Worker } from 'node:worker_threads';
import type { CtValidateOptions } from '../index';
import type { PositionedResult, ValidateRequest, ValidateResponse } from './adapterResult';

/** Text to validate: one string, or pieces read lazily (e.g. a document a few thousand lines at a time). */
export type TextSource = string | Iterable<string>;

/** Thrown by a TextSource whose document changed while it was being read: the run is dropped. */
export class StaleSourceError extends Error {
  constructor() {
    super('The document changed while it was being read.');
    this.name = 'StaleSourceError';
  }
}

/** Characters per chunk sent to the worker. */
const CHUNK_CHARS = 256 * 1024;
/** Characters handled between two yields to the event loop (a few milliseconds of work). */
const YIELD_EVERY_CHARS = 256 * 1024;

interface Job {
  id: number;
  key: string;
  source: TextSource | undefined;
  options: CtValidateOptions;
  resolve(result: PositionedResult | undefined): void;
  reject(error: Error): void;
}

const encoder = new TextEncoder();

export class WorkerValidator {
  private worker: Worker | undefined;
  private running: Job | undefined;
  private readonly queue: Job[] = [];
  private nextId = 1;
  private disposed = false;
  /** How many workers were terminated to cancel stale work (for tests and the log). */
  cancelledRuns = 0;

  constructor(
    private readonly workerPath: string,
    private readonly onError: (message: string) => void = () => undefined,
  ) {}

  /**
   * Validates the text for document `key`. Resolves undefined when a newer request for the same
   * key replaced this one before it finished, or when the source reported itself stale.
   */
  validate(key: string, source: TextSource, options: CtValidateOptions): Promise<PositionedResult | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, key, source, options, resolve, reject };
      this.supersede(key);
      this.queue.push(job);
      this.pump();
    });
  }

  /** Drops queued and running work for `key` (e.g. the document was edited or closed). */
  cancel(key: string): void {
    this.supersede(key);
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.queue.splice(0)) job.resolve(undefined);
    const running = this.running;
    this.running = undefined;
    running?.resolve(undefined);
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private supersede(key: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].key === key) this.queue.splice(i, 1)[0].resolve(undefined);
    }
    if (this.running?.key === key) {
      const stale = this.running;
      this.running = undefined;
      this.cancelledRuns++;
      const worker = this.worker;
      this.worker = undefined;
      void worker?.terminate();
      stale.resolve(undefined);
    }
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    void this.send(job, this.ensureWorker());
  }

  /** Streams the job's text to the worker; stops quietly if the job is cancelled meanwhile. */
  private async send(job: Job, worker: Worker): Promise<void> {
    const source = job.source as TextSource;
    job.source = undefined; // do not keep the text alive longer than needed
    const post = (message: ValidateRequest, transfer?: ArrayBuffer[]): void => worker.postMessage(message, transfer);
    try {
      post({ type: 'begin', id: job.id, options: job.options });
      let sinceYield = 0;
      for (const piece of typeof source === 'string' ? [source] : source) {
        for (const chunk of chunksOf(piece)) {
          if (this.running !== job) return;
          const bytes = encoder.encode(chunk);
          post({ type: 'chunk', id: job.id, bytes }, [bytes.buffer as ArrayBuffer]);
          sinceYield += chunk.length;
          if (sinceYield >= YIELD_EVERY_CHARS) {
            sinceYield = 0;
            await new Promise<void>((r) => setImmediate(r));
            if (this.running !== job) return;
          }
        }
      }
      post({ type: 'end', id: job.id });
    } catch (err) {
      if (this.running !== job) return;
      this.running = undefined;
      post({ type: 'abort', id: job.id });
      if (err instanceof StaleSourceError) job.resolve(undefined);
      else job.reject(err instanceof Error ? err : new Error(String(err)));
      this.pump();
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath);
    worker.unref(); // never keep a process alive just for validation
    worker.on('message', (response: ValidateResponse) => {
      if (worker !== this.worker) return;
      const job = this.running;
      if (!job || job.id !== response.id) return;
      this.running = undefined;
      if (response.ok) job.resolve(response.result);
      else job.reject(new Error(response.error));
      this.pump();
    });
    const fail = (message: string): void => {
      if (worker !== this.worker) return; // a terminated (cancelled) worker: expected
      this.worker = undefined;
      const job = this.running;
      this.running = undefined;
      this.onError(message);
      job?.reject(new Error(message));
      this.pump();
    };
    worker.on('error', (err) => fail(`CloudTrail validation worker failed: ${err.message}`));
    worker.on('exit', (code) => fail(`CloudTrail validation worker exited with code ${code}`));
    this.worker = worker;
    return worker;
  }
}

/** Splits a piece into chunks of about CHUNK_CHARS without cutting a surrogate pair in two. */
export function* chunksOf(piece: string): Generator<string> {
  let start = 0;
  while (start < piece.length) {
    let end = Math.min(piece.length, start + CHUNK_CHARS);
    const last = piece.charCodeAt(end - 1);
    if (end < piece.length && last >= 0xd800 && last <= 0xdbff) end++; // keep the pair together
    yield piece.slice(start, end);
    start = end;
  }
}
