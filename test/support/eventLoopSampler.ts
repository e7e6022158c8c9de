// The longest gap in the event loop while something runs: a 1 ms timer notes the time between
// its ticks, so any stretch of synchronous work (ours or anyone's in the same thread) shows up
// as the gap around it. Shared by the editor benchmark and the large-log integration test.
import { performance } from 'perf_hooks';

export interface EventLoopSampler {
  /** Stops sampling and returns the longest gap seen, in milliseconds. */
  stop(): number;
  /** Every gap of at least `recordFromMs` so far, as [from, to] on the performance.now() clock. */
  readonly gaps: Array<[number, number]>;
}

export function sampleEventLoop(recordFromMs = Infinity): EventLoopSampler {
  let last = performance.now();
  let longest = 0;
  const gaps: Array<[number, number]> = [];
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    if (now - last >= recordFromMs) gaps.push([last, now]);
    last = now;
  }, 1);
  return {
    gaps,
    stop(): number {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last);
    },
  };
}
