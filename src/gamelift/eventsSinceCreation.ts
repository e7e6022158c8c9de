// All of a fleet's events since it was created, for the diagnosis of a fleet that is not
// ACTIVE: the story of a failed creation starts at FLEET_CREATED, often days before the
// tree's default window. Large pages, a cap for very old busy fleets, newest first.
import type { GameLiftClient } from '@aws-sdk/client-gamelift';
import { fetchEvents } from './eventPager';
import type { FleetEvent } from './types';

/** Events per DescribeFleetEvents call: the API sets no maximum, and fewer calls finish sooner. */
export const SINCE_CREATION_PAGE_SIZE = 500;
/** Beyond this many events the history is cut (newest kept) and reported as incomplete. */
export const SINCE_CREATION_MAX_EVENTS = 50_000;
/** Events can carry a time a little before CreationTime (clocks, rounding to seconds). */
const CREATION_MARGIN_MS = 60_000;

export interface EventsSinceCreationOptions {
  /** The fleet's CreationTime (epoch ms); without it every event the service keeps is read. */
  readonly creationTime?: number;
  readonly signal?: AbortSignal;
  readonly maxEvents?: number;
  readonly pageSize?: number;
  readonly now?: () => number;
  /** Progress after each page. */
  readonly onPage?: (page: { total: number; hasMore: boolean }) => void;
}

export interface EventsSinceCreation {
  /** Newest first, each EventId once. */
  readonly events: FleetEvent[];
  /** False when the cap stopped the reading before the oldest event. */
  readonly complete: boolean;
}

export async function fetchEventsSinceCreation(
  client: GameLiftClient,
  fleetId: string,
  options: EventsSinceCreationOptions = {},
): Promise<EventsSinceCreation> {
  const maxEvents = options.maxEvents ?? SINCE_CREATION_MAX_EVENTS;
  let complete = true;
  // One more than the cap tells "exactly the cap" from "cut".
  const events = await fetchEvents(
    client,
    fleetId,
    options.creationTime !== undefined ? { start: options.creationTime - CREATION_MARGIN_MS } : {},
    {
      limit: maxEvents + 1,
      pageSize: options.pageSize ?? SINCE_CREATION_PAGE_SIZE,
      signal: options.signal,
      now: options.now,
      onPage: ({ total, hasMore }) => options.onPage?.({ total: Math.min(total, maxEvents), hasMore }),
    },
  );
  if (events.length > maxEvents) {
    complete = false;
    events.length = maxEvents;
  }
  return { events, complete };
}
