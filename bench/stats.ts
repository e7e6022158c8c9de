// Small statistics the benchmarks share.

import { performance } from 'node:perf_hooks';

/** The middle value (the upper one of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The least wall time of `runs` calls of `work`, in milliseconds. */
export function bestTime(work: () => unknown, runs: number): number {
  let ms = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    work();
    ms = Math.min(ms, performance.now() - t);
  }
  return ms;
}
