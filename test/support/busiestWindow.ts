// How many of a series of times fall within the busiest window of a given length: how the tests
// and the benchmark check that LookupEvents calls never exceeded the service's rate.

/** The most times (ms, ascending) that lie within any `windowMs`. */
export function busiestWindow(times: readonly number[], windowMs = 1000): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < times.length; last++) {
    while (times[last] - times[first] >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}
