// Reads how many instances a fleet has and wants: the home Region of many fleets with one
// DescribeFleetCapacity per batch, each location of one fleet with DescribeFleetLocationCapacity.
import {
  DescribeFleetCapacityCommand,
  DescribeFleetLocationCapacityCommand,
  type FleetCapacity,
  type GameLiftClient,
} from '@aws-sdk/client-gamelift';
import { MalformedResponseError, requireList, throwIfAborted } from './errors';

/** Instance counts of one location (EC2InstanceCounts); a count the service leaves out is 0. */
export interface InstanceCounts {
  readonly desired: number;
  readonly minimum: number;
  readonly maximum: number;
  readonly pending: number;
  readonly active: number;
  readonly idle: number;
  readonly terminating: number;
}

/** Container fleets: game server container groups of one location. */
export interface ContainerGroupCounts {
  readonly pending: number;
  readonly active: number;
  readonly idle: number;
  readonly terminating: number;
}

/** The capacity of a fleet in one location, as plain JSON. */
export interface LocationCapacity {
  readonly fleetId: string;
  readonly location: string;
  readonly instanceType?: string;
  readonly instances: InstanceCounts;
  readonly containerGroups?: ContainerGroupCounts;
}

/** Fleet IDs per DescribeFleetCapacity call (the same batch as DescribeFleetAttributes). */
export const CAPACITY_BATCH_SIZE = 50;

/**
 * The home Region capacity of each fleet, keyed by fleet ID. Fleets the service does not report
 * (Anywhere fleets, fleets deleted meanwhile) are simply missing. One call per batch, one batch
 * at a time.
 */
export async function describeHomeCapacities(
  client: GameLiftClient,
  fleetIds: readonly string[],
  options: { readonly signal?: AbortSignal; readonly batchSize?: number } = {},
): Promise<Map<string, LocationCapacity>> {
  const { signal } = options;
  const batchSize = options.batchSize ?? CAPACITY_BATCH_SIZE;
  const byFleet = new Map<string, LocationCapacity>();
  const ids = [...new Set(fleetIds)];
  for (let i = 0; i < ids.length; i += batchSize) {
    throwIfAborted(signal);
    const out = await client.send(new DescribeFleetCapacityCommand({ FleetIds: ids.slice(i, i + batchSize) }), {
      abortSignal: signal,
    });
    for (const capacity of requireList(out.FleetCapacity, 'DescribeFleetCapacity', 'FleetCapacity')) {
      const parsed = fromFleetCapacity(capacity);
      if (parsed) byFleet.set(parsed.fleetId, parsed);
    }
  }
  return byFleet;
}

/** The capacity of one fleet in one location (a remote location or the home Region). */
export async function describeLocationCapacity(
  client: GameLiftClient,
  fleetId: string,
  location: string,
  signal?: AbortSignal,
): Promise<LocationCapacity> {
  const out = await client.send(new DescribeFleetLocationCapacityCommand({ FleetId: fleetId, Location: location }), {
    abortSignal: signal,
  });
  const parsed = out.FleetCapacity && fromFleetCapacity(out.FleetCapacity, fleetId, location);
  if (!parsed) throw new MalformedResponseError('DescribeFleetLocationCapacity', 'has no FleetCapacity');
  return parsed;
}

/** SDK FleetCapacity → LocationCapacity; undefined when it names no fleet. */
export function fromFleetCapacity(c: FleetCapacity, fleetId?: string, location?: string): LocationCapacity | undefined {
  const id = c.FleetId ?? fleetId;
  const where = c.Location ?? location;
  if (!id || !where) return undefined;
  const n = c.InstanceCounts ?? {};
  const g = c.GameServerContainerGroupCounts;
  return {
    fleetId: id,
    location: where,
    ...(c.InstanceType ? { instanceType: c.InstanceType } : {}),
    instances: {
      desired: n.DESIRED ?? 0,
      minimum: n.MINIMUM ?? 0,
      maximum: n.MAXIMUM ?? 0,
      pending: n.PENDING ?? 0,
      active: n.ACTIVE ?? 0,
      idle: n.IDLE ?? 0,
      terminating: n.TERMINATING ?? 0,
    },
    ...(g
      ? {
          containerGroups: {
            pending: g.PENDING ?? 0,
            active: g.ACTIVE ?? 0,
            idle: g.IDLE ?? 0,
            terminating: g.TERMINATING ?? 0,
          },
        }
      : {}),
  };
}
