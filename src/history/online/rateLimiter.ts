// A rate limiter shared by everything that calls one rate-limited API: at most `perWindow` calls
// start in any `windowMs` per key (CloudTrail LookupEvents: 2 per second per account and Region),
// callers served first come, first served; a caller that cancels while waiting gives up its turn.
import { abortError } from '../../gamelift/errors';

export interface RateLimiterOptions {
  /** Calls allowed per window (default 2). */
  readonly perWindow?: number;
  /** Window length in ms (default 1000). */
  readonly windowMs?: number;
  /**
   * Extra spacing in ms (default 50): the service counts arrivals, and a call that waited for its
   * credentials or a socket can arrive later than it started, closer to the next one.
   */
  readonly marginMs?: number;
  /** Monotonic clock in ms (default performance.now). */
  readonly now?: () => number;
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly signal?: AbortSignal;
  readonly onAbort: () => void;
}

interface KeyState {
  /** Start times of the latest calls (at most perWindow). */
  readonly starts: number[];
  readonly queue: Waiter[];
  timer?: NodeJS.Timeout;
}

export class RateLimiter {
  private readonly perWindow: number;
  private readonly spacing: number;
  private readonly now: () => number;
  private readonly keys = new Map<string, KeyState>();

  constructor(options: RateLimiterOptions = {}) {
    this.perWindow = options.perWindow ?? 2;
    this.spacing = (options.windowMs ?? 1000) + (options.marginMs ?? 50);
    this.now = options.now ?? (() => performance.now());
  }

  /** Resolves when a call for `key` may start (and counts it); rejects with an AbortError if `signal` aborts first. */
  acquire(key: string, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError());
    let state = this.keys.get(key);
    if (!state) this.keys.set(key, (state = { starts: [], queue: [] }));
    const s = state;
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const at = s.queue.indexOf(waiter);
          if (at >= 0) s.queue.splice(at, 1);
          reject(abortError());
          this.pump(key, s);
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      s.queue.push(waiter);
      this.pump(key, s);
    });
  }

  /** When the next call for `key` could start (ms from now; 0 = at once). */
  delayFor(key: string): number {
    const s = this.keys.get(key);
    if (!s || s.starts.length < this.perWindow) return 0;
    return Math.max(0, s.starts[s.starts.length - this.perWindow] + this.spacing - this.now());
  }

  private pump(key: string, s: KeyState): void {
    if (s.timer) {
      clearTimeout(s.timer);
      s.timer = undefined;
    }
    while (s.queue.length > 0) {
      const wait = this.delayFor(key);
      if (wait > 0) {
        s.timer = setTimeout(() => this.pump(key, s), Math.ceil(wait));
        return;
      }
      const waiter = s.queue.shift()!;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      s.starts.push(this.now());
      if (s.starts.length > this.perWindow) s.starts.shift();
      waiter.resolve();
    }
    if (s.starts.length === 0 || this.now() - s.starts[s.starts.length - 1] > this.spacing) this.keys.delete(key);
  }
}
