// Remembers calls that failed and when each may be tried again, so a failing call is not
// repeated on every listing and watcher tick: the wait doubles with each failure (1, 2, 4 …
// minutes, at most 15) and is cleared by a success or by the user's Retry.
import type { ClassifiedError } from './errors';

export const BACKOFF_FIRST_MS = 60_000;
export const BACKOFF_MAX_MS = 15 * 60_000;

export interface BackoffOptions {
  readonly now?: () => number;
  readonly firstMs?: number;
  readonly maxMs?: number;
}

interface Failure {
  readonly error: ClassifiedError;
  readonly failures: number;
  readonly retryAt: number;
}

export class CallBackoff {
  private readonly failuresByKey = new Map<string, Failure>();
  private readonly now: () => number;
  private readonly firstMs: number;
  private readonly maxMs: number;

  constructor(options: BackoffOptions = {}) {
    this.now = options.now ?? Date.now;
    this.firstMs = options.firstMs ?? BACKOFF_FIRST_MS;
    this.maxMs = options.maxMs ?? BACKOFF_MAX_MS;
  }

  /** The last failure of `key` while its wait lasts (the call must not be made), else undefined. */
  waiting(key: string): { readonly error: ClassifiedError; readonly retryAt: number } | undefined {
    const failure = this.failuresByKey.get(key);
    return failure && failure.retryAt > this.now() ? failure : undefined;
  }

  /** Records a failure; returns when the call may be made again (epoch ms). */
  failed(key: string, error: ClassifiedError): number {
    const failures = (this.failuresByKey.get(key)?.failures ?? 0) + 1;
    // An error that retrying cannot fix (a missing permission, a refused request) waits the longest.
    const wait = error.retryable ? Math.min(this.maxMs, this.firstMs * 2 ** (failures - 1)) : this.maxMs;
    const retryAt = this.now() + wait;
    this.failuresByKey.set(key, { error, failures, retryAt });
    return retryAt;
  }

  succeeded(key: string): void {
    this.failuresByKey.delete(key);
  }

  /** Forgets the failures of one key (Retry) or of all keys (Refresh). */
  clear(key?: string): void {
    if (key === undefined) this.failuresByKey.clear();
    else this.failuresByKey.delete(key);
  }
}
