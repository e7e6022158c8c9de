// Which fleet statuses are on their way somewhere (creation, update, deletion): the one list the
// watcher, the tree and the diagnosis share. Container fleets rest in CREATED until a
// deployment, so it is not among them. Pure.
import type { FleetStatus } from './types';

/** Statuses a fleet passes through on its way to another: watched, and judged for stalls. */
export const TRANSITIONAL_STATUSES: ReadonlySet<string> = new Set([
  'NEW',
  'DOWNLOADING',
  'VALIDATING',
  'BUILDING',
  'ACTIVATING',
  'DELETING',
  'PENDING',
  'CREATING',
  'UPDATING',
]);

export function isTransitional(status: FleetStatus | undefined): boolean {
  return status !== undefined && TRANSITIONAL_STATUSES.has(status);
}
