// Finds one event again ("Get a fresh link"): DescribeFleetEvents over a small window
// around the event's time, paging as needed, matching the EventId. Presigned log URLs
// expire after 15 minutes, so the details panel asks for a fresh copy of the event.
import type { GameLiftClient } from '@aws-sdk/client-gamelift';
import { DescribeFleetEventsCommand } from '@aws-sdk/client-gamelift';
import { requireList, throwIfAborted } from './errors';
import { windowInput } from './eventPager';
import { toFleetEvent } from './mapping';
import { systemClock } from '../common/clock';
import type { FleetEvent } from './types';

/** How far either side of the event's time to look (timestamps travel as seconds with a fraction). */
export const LOOKUP_MARGIN_MS = 60_000;
const LOOKUP_PAGE_SIZE = 100;
/** A stop so that a fleet with a storm of events at one instant cannot page forever. */
const MAX_LOOKUP_PAGES = 50;

export interface RefetchOptions {
  readonly signal?: AbortSignal;
  readonly now?: () => number;
}

/** The same event, freshly fetched (new log URL, new fetchedAt), or undefined when it is gone. */
export async function refetchEvent(
  client: GameLiftClient,
  fleetId: string,
  event: Pick<FleetEvent, 'eventId' | 'eventTime'>,
  options: RefetchOptions = {},
): Promise<FleetEvent | undefined> {
  const now = options.now ?? systemClock.now;
  const window =
    event.eventTime !== undefined
      ? { start: event.eventTime - LOOKUP_MARGIN_MS, end: event.eventTime + LOOKUP_MARGIN_MS }
      : {};
  let nextToken: string | undefined;
  let pages = 0;
  do {
    throwIfAborted(options.signal);
    const out = await client.send(
      new DescribeFleetEventsCommand({
        FleetId: fleetId,
        Limit: LOOKUP_PAGE_SIZE,
        NextToken: nextToken,
        ...windowInput(window),
      }),
      { abortSignal: options.signal },
    );
    const fetchedAt = now();
    const match = requireList(out.Events, 'DescribeFleetEvents', 'Events').find((e) => e.EventId === event.eventId);
    if (match) return toFleetEvent(match, fetchedAt);
    nextToken = out.NextToken || undefined;
    pages++;
  } while (nextToken && pages < MAX_LOOKUP_PAGES);
  return undefined;
}
