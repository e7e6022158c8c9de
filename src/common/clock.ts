// The one reader of the system clock. Everything else asks a Clock (`deps.clock`) or takes a
// `now` function, so tests control time.

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
