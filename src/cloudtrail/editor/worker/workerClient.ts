// Runs validations in one worker thread, newest request per document wins. A request that is
// superseded while queued is dropped; one superseded while running is cancelled by terminating
// the worker (JavaScript cannot interrupt a busy thread any other way), and a fresh worker is
// started for the next job. The text goes over in UTF-8 chunks in transferred buffers, yielding
// to the event loop between them, so even a 50 MB log never blocks the caller's thread for long.
// Edits are cheaper still: the worker keeps each document's last text, so when it holds the
// version an edit started from, only the edits travel (noteEdits records them in order) and the
// worker re-checks just the edited record; a worker holding anything else (or a new worker after
// a cancellation) gets the whole text again. Superseding a run that only sent edits waits for its
// short answer instead of terminating the worker, which would lose the copy.
// No `vscode` import, so it is unit-tested in plain Node.
import { Worker } from 'node:worker_threads';
import type { CtEdit, CtValidateOptions } from '../../index';
import type { PositionedResult, ValidateRequest, ValidateResponse } from './positionedResult';

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

/** A document version, for runs that may go by edits: `length` is the text's length at that version. */
export interface SourceVersion {
  version: number;
  length: number;
}

interface Job {
  id: number;
  key: string;
  source: TextSource | undefined;
  options: CtValidateOptions;
  at: SourceVersion | undefined;
  /** 'delta' while only edits were sent (cheap to wait for), 'text' once the whole text goes. */
  phase: 'queued' | 'delta' | 'text';
  /** Superseded while its delta was out: nobody waits for it, but its answer tells what the worker holds. */
  stale: boolean;
  resolve(result: PositionedResult | undefined): void;
  reject(error: Error): void;
}

/** Edits recorded for one document: each change event's edits with the version it produced, oldest first. */
interface EditLog {
  entries: Array<{ version: number; edits: CtEdit[] }>;
  chars: number;
}

/** Edit text kept per document before the log is given up (the next run then sends the whole text). */
const MAX_LOGGED_CHARS = 1024 * 1024;

const encoder = new TextEncoder();

export class WorkerValidator {
  private worker: Worker | undefined;
  private running: Job | undefined;
  private readonly queue: Job[] = [];
  private nextId = 1;
  private disposed = false;
  /** How many workers were terminated to cancel stale work (for tests and the log). */
  cancelledRuns = 0;
  /** Runs by what was sent: the whole text, or only edits (for tests, the bench and the log). */
  readonly sent = { text: 0, edits: 0, resyncs: 0 };
  /** Version of each document the current worker holds (forgotten with the worker). */
  private readonly held = new Map<string, number>();
  private readonly logs = new Map<string, EditLog>();

  constructor(
    private readonly workerPath: string,
    private readonly onError: (message: string) => void = () => undefined,
  ) {}

  /**
   * Validates the text for document `key`. Resolves undefined when a newer request for the same
   * key replaced this one before it finished, or when the source reported itself stale.
   */
  validate(
    key: string,
    source: TextSource,
    options: CtValidateOptions,
    at?: SourceVersion,
  ): Promise<PositionedResult | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, key, source, options, at, phase: 'queued', stale: false, resolve, reject };
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

  /**
   * Records the edits of one change event that made `version` of document `key` (offsets into
   * the text as each edit found it, in order). Only kept while the worker holds the document or
   * a run for it is under way: otherwise the next run sends the whole text anyway.
   */
  noteEdits(key: string, version: number, edits: readonly CtEdit[]): void {
    if (!this.held.has(key) && !this.hasWork(key)) return;
    const log = this.logs.get(key) ?? { entries: [], chars: 0 };
    log.entries.push({ version, edits: edits.map((e) => ({ start: e.start, end: e.end, newText: e.newText })) });
    for (const e of edits) log.chars += e.newText.length;
    if (log.chars > MAX_LOGGED_CHARS) {
      // A big paste: sending the whole text again is as cheap, and the log must not grow without bound.
      this.logs.delete(key);
      this.held.delete(key);
      return;
    }
    this.logs.set(key, log);
  }

  /** Cancels work for a closed document and lets the worker drop its copy. */
  forget(key: string): void {
    this.cancel(key);
    // A superseded run that sent edits still answers: it must not mark the document held again.
    if (this.running?.key === key) this.running.at = undefined;
    this.logs.delete(key);
    if (this.held.delete(key)) this.worker?.postMessage({ type: 'forget', key } satisfies ValidateRequest);
  }

  /** The version of `key` the worker holds, if any (for tests). */
  heldVersion(key: string): number | undefined {
    return this.held.get(key);
  }

  dispose(): void {
    this.disposed = true;
    this.held.clear();
    this.logs.clear();
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
    const running = this.running;
    if (running?.key === key && !running.stale) {
      if (running.phase === 'delta') {
        // Only edits went out: the answer is near, and terminating would lose the worker's copies.
        running.stale = true;
        running.resolve(undefined);
        return;
      }
      this.running = undefined;
      this.cancelledRuns++;
      this.dropWorker();
      running.resolve(undefined);
    }
  }

  private hasWork(key: string): boolean {
    return (this.running?.key === key && !this.running.stale) || this.queue.some((j) => j.key === key);
  }

  /** Terminates the current worker; everything it held is gone with it. */
  private dropWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.held.clear();
    void worker?.terminate();
  }

  /** The edits from the held version to `to`, when the log covers every version in between. */
  private editsSince(key: string, from: number, to: number): CtEdit[] | undefined {
    if (from > to) return undefined;
    const log = this.logs.get(key);
    const edits: CtEdit[] = [];
    let expected = from + 1;
    for (const entry of log?.entries ?? []) {
      if (entry.version <= from) continue;
      if (entry.version > to) break;
      if (entry.version !== expected) return undefined; // a change event is missing
      for (const e of entry.edits) edits.push(e);
      expected++;
    }
    return expected === to + 1 ? edits : undefined;
  }

  /** The worker now holds `version` of `key`: older edits are no longer needed. */
  private settled(key: string, version: number): void {
    this.held.set(key, version);
    const log = this.logs.get(key);
    if (!log) return;
    const keep = log.entries.filter((e) => e.version > version);
    if (keep.length === 0) this.logs.delete(key);
    else
      this.logs.set(key, {
        entries: keep,
        chars: keep.reduce((n, e) => n + e.edits.reduce((m, x) => m + x.newText.length, 0), 0),
      });
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    const worker = this.ensureWorker();
    const from = job.at ? this.held.get(job.key) : undefined;
    const edits = job.at && from !== undefined ? this.editsSince(job.key, from, job.at.version) : undefined;
    if (job.at && from !== undefined && edits) {
      job.phase = 'delta';
      this.sent.edits++;
      worker.postMessage({
        type: 'delta',
        id: job.id,
        options: job.options,
        key: job.key,
        baseVersion: from,
        version: job.at.version,
        length: job.at.length,
        edits,
      } satisfies ValidateRequest);
      return;
    }
    void this.send(job, worker);
  }

  /** Streams the job's text to the worker; stops quietly if the job is cancelled meanwhile. */
  private async send(job: Job, worker: Worker): Promise<void> {
    const source = job.source as TextSource;
    job.source = undefined; // do not keep the text alive longer than needed
    job.phase = 'text';
    this.sent.text++;
    if (job.at) this.held.delete(job.key); // the worker replaces its copy with this text
    const post = (message: ValidateRequest, transfer?: ArrayBuffer[]): void => worker.postMessage(message, transfer);
    try {
      post({
        type: 'begin',
        id: job.id,
        options: job.options,
        key: job.at ? job.key : undefined,
        version: job.at?.version,
      });
      let sinceYield = 0;
      for (const piece of typeof source === 'string' ? [source] : source) {
        for (const chunk of chunksOf(piece)) {
          if (this.running !== job) return;
          const bytes = encoder.encode(chunk);
          post({ type: 'chunk', id: job.id, bytes }, [bytes.buffer]);
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
      if (!response.ok && response.resync) {
        // The worker's copy was not the base of these edits: send the whole text (unless nobody waits).
        this.held.delete(job.key);
        this.sent.resyncs++;
        if (!job.stale) {
          void this.send(job, worker);
          return;
        }
      } else if (response.ok && job.at) {
        this.settled(job.key, job.at.version);
      } else if (!response.ok) {
        this.held.delete(job.key);
      }
      this.running = undefined;
      if (!job.stale) {
        if (response.ok) job.resolve(response.result);
        else job.reject(new Error(response.error));
      }
      this.pump();
    });
    const fail = (message: string): void => {
      if (worker !== this.worker) return; // a terminated (cancelled) worker: expected
      this.worker = undefined;
      this.held.clear();
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
