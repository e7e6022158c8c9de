// Runs validations in one worker thread, newest request per document wins. A request that is
// superseded while queued is dropped; one superseded while running is cancelled by terminating
// the worker (JavaScript cannot interrupt a busy thread any other way), and a fresh worker is
// started for the next job. No `vscode` import, so it is unit-tested in plain Node.
import { Worker } from 'node:worker_threads';
import type { CtValidateOptions } from './index';
import type { PositionedResult, ValidateRequest, ValidateResponse } from './adapterResult';

interface Job {
  id: number;
  key: string;
  text: string;
  options: CtValidateOptions;
  resolve(result: PositionedResult | undefined): void;
  reject(error: Error): void;
}

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
   * Validates `text` for document `key`. Resolves undefined when a newer request for the same
   * key replaced this one before it finished.
   */
  validate(key: string, text: string, options: CtValidateOptions): Promise<PositionedResult | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, key, text, options, resolve, reject };
      this.supersede(key);
      this.queue.push(job);
      this.pump();
    });
  }

  /** Drops queued and running work for `key` (e.g. the document was closed). */
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
    const request: ValidateRequest = { id: job.id, text: job.text, options: job.options };
    job.text = ''; // the worker has its own copy now; do not keep a second one alive here
    this.ensureWorker().postMessage(request);
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
