// Lists and describes fleets: ListFleets page by page, then attributes in batches with
// DescribeFleetAttributes (never one call per fleet), and container fleets (which
// DescribeFleetAttributes does not describe) through ListContainerFleets.
import {
  DescribeContainerFleetCommand,
  DescribeFleetAttributesCommand,
  ListContainerFleetsCommand,
  ListFleetsCommand,
  type ContainerFleet,
  type FleetAttributes,
  type GameLiftClient,
} from '@aws-sdk/client-gamelift';
import type { CallBackoff } from './backoff';
import {
  type ClassifiedError,
  classifyError,
  type ErrorContext,
  isCancellation,
  requireList,
  throwIfAborted,
} from './errors';
import { parseFleetIdOrArn } from './fleetIds';
import { fromContainerFleet, fromFleetAttributes, isContainerFleetId } from './mapping';
import type { FleetSummary } from './types';

/** Fleet IDs per ListFleets page. The API has no documented maximum; 100 keeps pages small. */
export const DEFAULT_FLEET_PAGE_SIZE = 100;
/**
 * Fleet IDs per DescribeFleetAttributes call. The model sets no maximum for FleetIds, and
 * Limit/NextToken are ignored when IDs are given, so a conservative batch keeps each request
 * and response modest.
 */
export const DEFAULT_ATTRIBUTES_BATCH_SIZE = 50;
/** When ListContainerFleets is unavailable, up to this many container fleets are described one by one. */
const MAX_SINGLE_CONTAINER_DESCRIBES = 10;
/** Up to this many container fleets are described one by one without trying ListContainerFleets. */
const CHEAP_SINGLE_CONTAINER_DESCRIBES = 2;

export interface ListFleetsOptions {
  readonly signal?: AbortSignal;
  /** ListFleets Limit. */
  readonly pageSize?: number;
  /** Fleet IDs per DescribeFleetAttributes call. */
  readonly batchSize?: number;
  /** Called with each described batch (in ListFleets order), so a tree can show fleets as they arrive. */
  readonly onPage?: (fleets: readonly FleetSummary[]) => void;
  /**
   * Remembers failed container-fleet calls across listings (one per connection target): a call
   * that failed is not made again until its wait is over; the fleet keeps its `describeError`.
   */
  readonly backoff?: CallBackoff;
  /** Profile and Region, for the messages of `describeError`. */
  readonly errorContext?: Pick<ErrorContext, 'profile' | 'region'>;
}

export async function listFleets(client: GameLiftClient, options: ListFleetsOptions = {}): Promise<FleetSummary[]> {
  const { signal } = options;
  const pageSize = positive(options.pageSize, DEFAULT_FLEET_PAGE_SIZE);
  const batchSize = positive(options.batchSize, DEFAULT_ATTRIBUTES_BATCH_SIZE);
  const fleets: FleetSummary[] = [];
  const containerIds: string[] = [];
  let nextToken: string | undefined;
  do {
    throwIfAborted(signal);
    const page = await client.send(new ListFleetsCommand({ Limit: pageSize, NextToken: nextToken }), {
      abortSignal: signal,
    });
    const ids = unique(requireList(page.FleetIds, 'ListFleets', 'FleetIds'));
    const ec2Ids = ids.filter((id) => !isContainerFleetId(id));
    containerIds.push(...ids.filter(isContainerFleetId));
    fleets.push(...(await describeAttributesInBatches(client, ec2Ids, batchSize, signal, options.onPage)));
    // A token that comes back unchanged would page forever: treat it as the end.
    nextToken = page.NextToken && page.NextToken !== nextToken ? page.NextToken : undefined;
  } while (nextToken);
  if (containerIds.length > 0) {
    const containers = await describeContainerFleets(client, containerIds, options);
    fleets.push(...containers);
    options.onPage?.(containers);
  }
  return fleets;
}

/** Describes one fleet by ID or ARN; undefined when the service does not know it. */
export async function describeFleet(
  client: GameLiftClient,
  fleetIdOrArn: string,
  signal?: AbortSignal,
): Promise<FleetSummary | undefined> {
  const parsed = parseFleetIdOrArn(fleetIdOrArn);
  if ('error' in parsed) throw Object.assign(new Error(parsed.error), { name: 'InvalidRequestException' });
  if (isContainerFleetId(parsed.fleetId)) {
    try {
      const out = await client.send(new DescribeContainerFleetCommand({ FleetId: fleetIdOrArn.trim() }), {
        abortSignal: signal,
      });
      return out.ContainerFleet ? fromContainerFleet(out.ContainerFleet) : undefined;
    } catch (err) {
      if ((err as { name?: string }).name === 'NotFoundException') return undefined;
      throw err;
    }
  }
  try {
    const out = await client.send(new DescribeFleetAttributesCommand({ FleetIds: [fleetIdOrArn.trim()] }), {
      abortSignal: signal,
    });
    const attributes = out.FleetAttributes?.[0];
    return attributes ? fromFleetAttributes(attributes) : undefined;
  } catch (err) {
    if ((err as { name?: string }).name === 'NotFoundException') return undefined;
    throw err;
  }
}

async function describeAttributesInBatches(
  client: GameLiftClient,
  fleetIds: readonly string[],
  batchSize: number,
  signal: AbortSignal | undefined,
  onBatch?: (fleets: readonly FleetSummary[]) => void,
): Promise<FleetSummary[]> {
  // One batch at a time: GameLift's per-API rate limits for Describe* calls are not published,
  // so listing never bursts more than one request at once.
  const result: FleetSummary[] = [];
  for (let i = 0; i < fleetIds.length; i += batchSize) {
    throwIfAborted(signal);
    const batch = fleetIds.slice(i, i + batchSize);
    const byId = new Map<string, FleetAttributes>();
    const gone = new Set<string>();
    try {
      const out = await client.send(new DescribeFleetAttributesCommand({ FleetIds: batch }), { abortSignal: signal });
      for (const attributes of requireList(out.FleetAttributes, 'DescribeFleetAttributes', 'FleetAttributes')) {
        if (attributes.FleetId) byId.set(attributes.FleetId, attributes);
      }
    } catch (err) {
      if (!isNotFound(err)) throw err;
      // A fleet of the batch was deleted after ListFleets named it: one fleet must not fail
      // the whole list, so describe the batch one by one and leave out the deleted ones.
      for (const id of batch) {
        throwIfAborted(signal);
        try {
          const one = await client.send(new DescribeFleetAttributesCommand({ FleetIds: [id] }), {
            abortSignal: signal,
          });
          const attributes = one.FleetAttributes?.[0];
          if (attributes?.FleetId) byId.set(attributes.FleetId, attributes);
        } catch (oneErr) {
          if (!isNotFound(oneErr)) throw oneErr;
          gone.add(id);
        }
      }
    }
    // Keep ListFleets' order; a fleet deleted between the two calls still shows, without details.
    const described: FleetSummary[] = [];
    for (const id of batch) {
      if (gone.has(id)) continue;
      const attributes = byId.get(id);
      described.push(attributes ? fromFleetAttributes(attributes) : { fleetId: id });
    }
    result.push(...described);
    onBatch?.(described);
  }
  return result;
}

function isNotFound(err: unknown): boolean {
  return (err as { name?: string }).name === 'NotFoundException';
}

/** The backoff key of a container-fleet call; `fleetId` for DescribeContainerFleet. */
export function containerCallKey(operation: 'ListContainerFleets' | 'DescribeContainerFleet', fleetId = ''): string {
  return fleetId ? `${operation}:${fleetId}` : operation;
}

/**
 * Container fleets (DescribeFleetAttributes does not describe them): one or two are described
 * with DescribeContainerFleet each; more through ListContainerFleets, which returns full
 * descriptions page by page. If that call fails (older endpoint, missing permission), up to
 * ten are described one by one. A fleet whose description failed still shows with its ID and
 * the error (`describeError`); with a backoff, the failed call waits before it is made again.
 */
async function describeContainerFleets(
  client: GameLiftClient,
  fleetIds: readonly string[],
  options: ListFleetsOptions,
): Promise<FleetSummary[]> {
  const { signal, backoff } = options;
  const wanted = new Set(fleetIds);
  const found = new Map<string, ContainerFleet>();
  const failures = new Map<string, { error: ClassifiedError; retryAt?: number }>();
  // Runs one call unless it is waiting out an earlier failure; records how it went.
  const attempt = async (key: string, action: string, fleetId: string | undefined, call: () => Promise<void>) => {
    const waiting = backoff?.waiting(key);
    if (waiting) return waiting;
    try {
      await call();
      backoff?.succeeded(key);
      return undefined;
    } catch (err) {
      throwIfAborted(signal);
      if (isCancellation(err)) throw err;
      const error = classifyError(err, { ...options.errorContext, action, ...(fleetId ? { fleetId } : {}) });
      return { error, retryAt: backoff?.failed(key, error) };
    }
  };
  const describeOneByOne = async () => {
    for (const id of fleetIds) {
      if (found.has(id)) continue;
      const failure = await attempt(
        containerCallKey('DescribeContainerFleet', id),
        `Describing container fleet ${id}`,
        id,
        async () => {
          const out = await client.send(new DescribeContainerFleetCommand({ FleetId: id }), { abortSignal: signal });
          if (out.ContainerFleet) found.set(id, out.ContainerFleet);
        },
      );
      if (failure) failures.set(id, failure);
    }
  };
  // One or two container fleets cost no more described one by one than listed.
  if (fleetIds.length <= CHEAP_SINGLE_CONTAINER_DESCRIBES) {
    await describeOneByOne();
    return fleetIds.map((id) => containerSummary(id, found.get(id), failures.get(id)));
  }
  const listFailure = await attempt(
    containerCallKey('ListContainerFleets'),
    'Listing container fleets',
    undefined,
    async () => {
      let nextToken: string | undefined;
      do {
        throwIfAborted(signal);
        const page = await client.send(new ListContainerFleetsCommand({ NextToken: nextToken }), {
          abortSignal: signal,
        });
        for (const fleet of page.ContainerFleets ?? []) {
          if (fleet.FleetId && wanted.has(fleet.FleetId)) found.set(fleet.FleetId, fleet);
        }
        nextToken = page.NextToken && page.NextToken !== nextToken ? page.NextToken : undefined;
      } while (nextToken && found.size < wanted.size);
    },
  );
  if (listFailure) {
    // A few container fleets are worth one DescribeContainerFleet each; many are not.
    if (fleetIds.length <= MAX_SINGLE_CONTAINER_DESCRIBES) await describeOneByOne();
    for (const id of fleetIds) if (!found.has(id) && !failures.has(id)) failures.set(id, listFailure);
  }
  return fleetIds.map((id) => containerSummary(id, found.get(id), failures.get(id)));
}

function containerSummary(
  fleetId: string,
  fleet: ContainerFleet | undefined,
  failure: { error: ClassifiedError; retryAt?: number } | undefined,
): FleetSummary {
  if (fleet) return fromContainerFleet(fleet);
  return {
    fleetId,
    isContainerFleet: true,
    ...(failure ? { describeError: failure.error } : {}),
    ...(failure?.retryAt !== undefined ? { describeRetryAt: failure.retryAt } : {}),
  };
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}
