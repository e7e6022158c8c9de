// Reads the status of each of a fleet's locations (DescribeFleetLocationAttributes, home
// Region first): a location in ERROR while the home Region is ACTIVE is a diagnosis story.
import { DescribeFleetLocationAttributesCommand, type GameLiftClient } from '@aws-sdk/client-gamelift';
import { requireList, throwIfAborted } from './errors';

/** One location of a fleet, as plain JSON. */
export interface FleetLocationState {
  readonly location: string;
  readonly status?: string;
}

/** A stop so that a token that never ends cannot page forever (100 locations per page). */
const MAX_PAGES = 20;

/** Every location of the fleet with its status (the API lists the home Region first). */
export async function describeFleetLocations(
  client: GameLiftClient,
  fleetIdOrArn: string,
  signal?: AbortSignal,
): Promise<FleetLocationState[]> {
  const locations: FleetLocationState[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    throwIfAborted(signal);
    const out = await client.send(
      new DescribeFleetLocationAttributesCommand({ FleetId: fleetIdOrArn.trim(), NextToken: nextToken }),
      { abortSignal: signal },
    );
    for (const attributes of requireList(
      out.LocationAttributes,
      'DescribeFleetLocationAttributes',
      'LocationAttributes',
    )) {
      const state = attributes.LocationState;
      if (!state?.Location) continue;
      locations.push({ location: state.Location, ...(state.Status ? { status: state.Status } : {}) });
    }
    nextToken = out.NextToken && out.NextToken !== nextToken ? out.NextToken : undefined;
    pages++;
  } while (nextToken && pages < MAX_PAGES);
  return locations;
}
