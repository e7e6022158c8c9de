// A result that is either a value or a classified error, so each part of a view (an overview
// section, a tree row) loads and fails on its own. Cancellation is not an outcome: it still
// rejects, so the caller that cancelled simply stops.
import { classifyError, type ClassifiedError, type ErrorContext, isCancellation } from './errors';

export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ClassifiedError };

/** Runs `work` and turns any failure but a cancellation into `{ ok: false, error }`. */
export async function outcomeOf<T>(work: () => Promise<T>, context: ErrorContext): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    if (isCancellation(err)) throw err;
    return { ok: false, error: classifyError(err, context) };
  }
}
