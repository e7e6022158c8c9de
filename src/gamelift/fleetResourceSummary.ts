// What the tree shows of a fleet beyond its status, with as few calls as possible: active and
// desired instances (from one DescribeFleetCapacity per batch of fleets), the Locations row
// (each location's status and counts) and the Computes row (count and worst status: from the
// instance counts for EC2 and container fleets, from ListCompute for Anywhere fleets).
import type { GameLiftClient } from '@aws-sdk/client-gamelift';
import { listComputes, type ComputeStatus, worstComputeStatus } from './computes';
import type { ClassifiedError, ErrorContext } from './errors';
import {
  type ContainerGroupCounts,
  describeHomeCapacities,
  describeLocationCapacity,
  type InstanceCounts,
  type LocationCapacity,
} from './fleetCapacity';
import { describeFleetLocationsOrHome, type FleetLocationState } from './fleetLocations';
import { type Outcome, outcomeOf } from './outcome';
import type { FleetSummary } from './types';
import { mapLimited } from '../common/mapLimited';

/** One row under a fleet's Locations row. */
export interface LocationRow extends FleetLocationState {
  readonly instances?: InstanceCounts;
  /** Container fleets: game server container groups in this location. */
  readonly containerGroups?: ContainerGroupCounts;
  /** Reading this location's capacity failed (the other locations are unaffected). */
  readonly capacityError?: ClassifiedError;
}

export interface LocationsSummary {
  /** Home Region first. */
  readonly locations: readonly LocationRow[];
  /** False where the Region has no multi-location fleets (only the home Region is known). */
  readonly multiLocation: boolean;
  /** The worst location status (ERROR before transitional states before ACTIVE). */
  readonly worstStatus?: string;
}

export interface ComputesSummary {
  readonly count: number;
  readonly worstStatus?: ComputeStatus;
  readonly byStatus: Readonly<Record<string, number>>;
  /** Where the numbers come from: instance counts (EC2 and container fleets) or ListCompute (Anywhere). */
  readonly source: 'instanceCounts' | 'listCompute';
}

/** The fleet's home Region, with its capacity when the caller read it already (a batch for many fleets). */
export interface HomeRegion {
  readonly region: string;
  readonly capacity?: LocationCapacity;
}

export interface SummaryOptions {
  readonly signal?: AbortSignal;
  /** Profile and Region for error messages. */
  readonly errorContext?: ErrorContext;
}

/** Concurrent DescribeFleetLocationCapacity calls for one fleet; GameLift publishes no per-API rate. */
export const LOCATION_CAPACITY_CONCURRENCY = 4;

/**
 * Active/desired instances as a tree row shows them, "3/4" (kubectl's READY idiom): short enough
 * for a fleet row at the default side-bar width; tooltips spell it out.
 */
export function activeDesiredText(instances: InstanceCounts): string {
  return `${instances.active}/${instances.desired}`;
}

const LOCATION_SEVERITY: Readonly<Record<string, number>> = {
  ERROR: 5,
  NOT_FOUND: 4,
  TERMINATED: 4,
  DELETING: 3,
  EXPIRED: 3,
  ACTIVE: 0,
};

/** The worst of some location statuses; transitional ones (NEW … ACTIVATING, UPDATING) rank between DELETING and ACTIVE. */
export function worstLocationStatus(statuses: Iterable<string | undefined>): string | undefined {
  let worst: string | undefined;
  const rank = (s: string) => LOCATION_SEVERITY[s] ?? 2;
  for (const status of statuses) {
    if (status && (worst === undefined || rank(status) > rank(worst))) worst = status;
  }
  return worst;
}

/**
 * The fleet's locations with their counts: one DescribeFleetLocationAttributes, then one
 * DescribeFleetLocationCapacity per remote location. The home Region's counts are
 * `home.capacity` when given, else DescribeFleetCapacity's (which works in every Region).
 * A location whose capacity fails keeps its status and carries the error.
 */
export async function summarizeLocations(
  client: GameLiftClient,
  fleet: FleetSummary,
  home: HomeRegion,
  options: SummaryOptions = {},
): Promise<LocationsSummary> {
  const { signal } = options;
  const { locations, multiLocation } = await describeFleetLocationsOrHome(
    client,
    fleet.fleetId,
    { region: home.region, ...(fleet.status ? { status: fleet.status } : {}) },
    signal,
  );
  const rows = await mapLimited(locations, LOCATION_CAPACITY_CONCURRENCY, async (location): Promise<LocationRow> => {
    // Anywhere fleets have computes, not instances: their locations show status only.
    if (fleet.computeType === 'ANYWHERE') return location;
    if (location.location === home.region && home.capacity) return withCounts(location, home.capacity);
    const read = async () => {
      if (location.location !== home.region)
        return describeLocationCapacity(client, fleet.fleetId, location.location, signal);
      return (await describeHomeCapacities(client, [fleet.fleetId], { signal })).get(fleet.fleetId);
    };
    const capacity = await outcomeOf(read, {
      ...options.errorContext,
      fleetId: fleet.fleetId,
      action: `Reading the capacity of ${fleet.fleetId} in ${location.location}`,
    });
    if (!capacity.ok) return { ...location, capacityError: capacity.error };
    return capacity.value ? withCounts(location, capacity.value) : location;
  });
  const worstStatus = worstLocationStatus(rows.map((r) => r.status));
  return { locations: rows, multiLocation, ...(worstStatus ? { worstStatus } : {}) };
}

/**
 * How many computes the fleet has and the worst status. EC2 fleets: their instances, from the
 * instance counts (no call). Container fleets: the instance counts plus the IMPAIRED computes
 * (ListCompute with ComputeStatus IMPAIRED, usually one page). Anywhere fleets: ListCompute.
 */
export async function summarizeComputes(
  client: GameLiftClient,
  fleet: FleetSummary,
  instances: readonly InstanceCounts[],
  options: { readonly signal?: AbortSignal } = {},
): Promise<ComputesSummary> {
  if (fleet.computeType === 'ANYWHERE') {
    const computes = await listComputes(client, fleet.fleetId, { signal: options.signal });
    const byStatus = countBy(computes.map((c) => c.status));
    const worstStatus = worstComputeStatus(Object.keys(byStatus));
    return { count: computes.length, byStatus, source: 'listCompute', ...(worstStatus ? { worstStatus } : {}) };
  }
  const sum = (pick: (c: InstanceCounts) => number) => instances.reduce((n, c) => n + pick(c), 0);
  const counts: Record<string, number> = {
    ACTIVE: sum((c) => c.active),
    PENDING: sum((c) => c.pending),
    TERMINATING: sum((c) => c.terminating),
  };
  if (fleet.isContainerFleet) {
    const impaired = (await listComputes(client, fleet.fleetId, { status: 'IMPAIRED', signal: options.signal })).length;
    // An impaired compute is a running instance: it is counted as ACTIVE in the instance counts.
    counts.IMPAIRED = impaired;
    counts.ACTIVE = Math.max(0, counts.ACTIVE - impaired);
  }
  const byStatus = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
  const worstStatus = worstComputeStatus(Object.keys(byStatus));
  return {
    count: Object.values(byStatus).reduce((a, b) => a + b, 0),
    byStatus,
    source: 'instanceCounts',
    ...(worstStatus ? { worstStatus } : {}),
  };
}

export interface FleetResourceSummary {
  readonly locations: Outcome<LocationsSummary>;
  readonly computes: Outcome<ComputesSummary>;
}

/** Locations then computes of one fleet, each its own outcome (computes reuse the locations' counts). */
export async function summarizeFleetResources(
  client: GameLiftClient,
  fleet: FleetSummary,
  home: HomeRegion,
  options: SummaryOptions = {},
): Promise<FleetResourceSummary> {
  const context = { ...options.errorContext, fleetId: fleet.fleetId };
  const locations = await outcomeOf(() => summarizeLocations(client, fleet, home, options), {
    ...context,
    action: `Reading the locations of ${fleet.fleetId}`,
  });
  const instances = locations.ok
    ? locations.value.locations.flatMap((l) => (l.instances ? [l.instances] : []))
    : home.capacity
      ? [home.capacity.instances]
      : [];
  const computes = await outcomeOf(() => summarizeComputes(client, fleet, instances, options), {
    ...context,
    action: `Reading the computes of ${fleet.fleetId}`,
  });
  return { locations, computes };
}

function withCounts(location: FleetLocationState, capacity: LocationCapacity): LocationRow {
  return {
    ...location,
    instances: capacity.instances,
    ...(capacity.containerGroups ? { containerGroups: capacity.containerGroups } : {}),
  };
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
