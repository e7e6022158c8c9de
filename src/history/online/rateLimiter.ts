// A rate limiter shared by everything that calls one rate-limited API (CloudTrail LookupEvents:
// 2 calls per second per account and Region). A call holds one of `perWindow` slots of its key
// from when it starts until `windowMs` + `marginMs` after it ends: the service counts arrivals,
// which happen between a call's start and its end, so counting from the end keeps any two calls
// that share a window more than a window apart however late a request goes out (slow credentials,
// a busy event loop). Callers are served first come, first served; one that cancels while
// waiting gives up its turn.
import { abortError } from '../../gamelift/errors';

export interface RateLimiterOptions {
  /** Calls allowed per window (default 2). */
  readonly perWindow?: number;
  /** Window length in ms (default 1000). */
  readonly windowMs?: number;
  /** Extra spacing in ms (default 50), for clocks that do not quite agree. */
  readonly marginMs?: number;
  /** Monotonic clock in ms (default performance.now). */
  readonly now?: () => number;
}

interface Waiter {
  readonly start: () => void;
  readonly cancel: () => void;
  readonly signal?: AbortSignal;
}

interface KeyState {
  /** Calls running now. */
  running: number;
  /** End times of finished calls still holding their slot. */
  readonly ended: number[];
  readonly queue: Waiter[];
  timer?: NodeJS.Timeout;
}

export class RateLimiter {
  private readonly perWindow: number;
  private readonly hold: number;
  private readonly now: () => number;
  private readonly keys = new Map<string, KeyState>();

  constructor(options: RateLimiterOptions = {}) {
    this.perWindow = options.perWindow ?? 2;
    this.hold = (options.windowMs ?? 1000) + (options.marginMs ?? 50);
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * Runs `call` when a slot of `key` is free and keeps the slot until `hold` ms after it settles.
   * Rejects with an AbortError, without running it, if `signal` aborts while waiting.
   */
  run<T>(key: string, call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortError());
    const s = this.stateOf(key);
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => waiter.cancel();
      const waiter: Waiter = {
        signal,
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          s.running++;
          let settled: Promise<T>;
          try {
            settled = call();
          } catch (e) {
            settled = Promise.reject(e);
          }
          settled
            .finally(() => {
              s.running--;
              s.ended.push(this.now());
              this.pump(key, s);
            })
            .then(resolve, reject);
        },
        cancel: () => {
          const at = s.queue.indexOf(waiter);
          if (at >= 0) s.queue.splice(at, 1);
          reject(abortError());
          this.pump(key, s);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      s.queue.push(waiter);
      this.pump(key, s);
    });
  }

  /** How long a call for `key` would wait now for a slot (ms; 0 = none free soon enough to say, or at once). */
  delayFor(key: string): number {
    const s = this.keys.get(key);
    if (!s) return 0;
    this.expire(s);
    if (s.running + s.ended.length < this.perWindow) return 0;
    return s.ended.length > 0 ? Math.max(0, s.ended[0] + this.hold - this.now()) : 0;
  }

  private stateOf(key: string): KeyState {
    let s = this.keys.get(key);
    if (!s) this.keys.set(key, (s = { running: 0, ended: [], queue: [] }));
    return s;
  }

  private expire(s: KeyState): void {
    const now = this.now();
    while (s.ended.length > 0 && now - s.ended[0] >= this.hold) s.ended.shift();
  }

  private pump(key: string, s: KeyState): void {
    if (s.timer) {
      clearTimeout(s.timer);
      s.timer = undefined;
    }
    this.expire(s);
    while (s.queue.length > 0 && s.running + s.ended.length < this.perWindow) s.queue.shift()!.start();
    if (s.queue.length > 0 && s.ended.length > 0) {
      // Full: wake when the oldest finished call gives its slot back (running calls wake us when they end).
      s.timer = setTimeout(() => this.pump(key, s), Math.ceil(s.ended[0] + this.hold - this.now()));
    }
    if (s.queue.length === 0 && s.running === 0 && s.ended.length === 0) this.keys.delete(key);
  }
}
