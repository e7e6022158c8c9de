// Reads the state of each of a fleet's locations (DescribeFleetLocationAttributes, paged with
// the SDK paginator): status, stopped actions and pending updates, for the fleet overview, the
// tree's Locations row and the diagnosis (a location in ERROR while the home Region is ACTIVE
// is a diagnosis story). Where the Region has no
// multi-location fleets the service answers UnsupportedRegionException; the fleet then has
// its home Region only, as GameLift's own tools treat it (amazon-gamelift-toolkit).
import { type GameLiftClient, paginateDescribeFleetLocationAttributes } from '@aws-sdk/client-gamelift';
import { requireList, throwIfAborted } from './errors';

/** One location of a fleet, as plain JSON. */
export interface FleetLocationState {
  readonly location: string;
  readonly status?: string;
  /** Activity stopped in this location, e.g. `AUTO_SCALING`. */
  readonly stoppedActions?: readonly string[];
  /** `PENDING_UPDATE` while a change waits to reach this location. */
  readonly updateStatus?: string;
}

/** Locations per page; the API documents no maximum (and "not currently enforced"). */
export const LOCATION_PAGE_SIZE = 100;
/** A stop so that a token that never ends cannot page forever. */
const MAX_PAGES = 20;

/** Every location of the fleet with its state, in the service's order (the endpoint lists the home Region first). */
export async function describeFleetLocations(
  client: GameLiftClient,
  fleetIdOrArn: string,
  signal?: AbortSignal,
): Promise<FleetLocationState[]> {
  const locations: FleetLocationState[] = [];
  let pages = 0;
  const pager = paginateDescribeFleetLocationAttributes(
    { client, pageSize: LOCATION_PAGE_SIZE, stopOnSameToken: true },
    { FleetId: fleetIdOrArn.trim() },
    { abortSignal: signal },
  );
  for await (const page of pager) {
    for (const attributes of requireList(
      page.LocationAttributes,
      'DescribeFleetLocationAttributes',
      'LocationAttributes',
    )) {
      const state = attributes.LocationState;
      if (!state?.Location) continue;
      locations.push({
        location: state.Location,
        ...(state.Status ? { status: state.Status } : {}),
        ...(attributes.StoppedActions?.length ? { stoppedActions: attributes.StoppedActions } : {}),
        ...(attributes.UpdateStatus ? { updateStatus: attributes.UpdateStatus } : {}),
      });
    }
    if (++pages >= MAX_PAGES) break;
    throwIfAborted(signal);
  }
  return locations;
}

export interface FleetLocations {
  readonly locations: readonly FleetLocationState[];
  /** False where the Region has no multi-location fleets: `locations` is then the home Region alone. */
  readonly multiLocation: boolean;
}

/**
 * The fleet's locations; in a Region without multi-location fleets, quietly the home Region
 * alone (with `homeStatus`, the fleet's own status, when given). The home Region is always
 * included, first.
 */
export async function describeFleetLocationsOrHome(
  client: GameLiftClient,
  fleetIdOrArn: string,
  home: { readonly region: string; readonly status?: string },
  signal?: AbortSignal,
): Promise<FleetLocations> {
  const homeOnly: FleetLocationState = { location: home.region, ...(home.status ? { status: home.status } : {}) };
  try {
    const locations = await describeFleetLocations(client, fleetIdOrArn, signal);
    const remote = locations.filter((l) => l.location !== home.region);
    const homeState = locations.find((l) => l.location === home.region) ?? homeOnly;
    return { locations: [homeState, ...remote], multiLocation: true };
  } catch (err) {
    if ((err as { name?: string }).name !== 'UnsupportedRegionException') throw err;
    return { locations: [homeOnly], multiLocation: false };
  }
}
