// What a fleet runs on, as GameLift reports it: capacity per location
// (DescribeFleetLocationCapacity), computes (ListCompute) and container fleet deployments
// (ListFleetDeployments, DescribeFleetDeployment), plus the container fleet's LogConfiguration.
// Computes not given by the scenario follow each location's instance counts.
import {
  checkLength,
  checkPattern,
  constraint,
  CONTAINER_GROUP_DEFINITION,
  dropUndefined,
  fleetIdMember,
  limitMember,
  LOCATION,
  nextTokenMember,
  type Operation,
  type OperationContext,
  optionalString,
  requireFleet,
} from './inputs';
import { requireMultiLocationRegion } from './regions';
import {
  type CapacityRecord,
  type ComputeRecord,
  type DeploymentRecord,
  deterministicUuid,
  fleetIdFromIdOrArn,
  type FleetRecord,
  type LocationRecord,
} from './state';
import { invalidRequest, notFound, toEpochSeconds } from './wire';

/** Page sizes when the caller gives no Limit (the API documents none). */
export const RESOURCE_DEFAULT_LIMITS = { ListCompute: 50, ListFleetDeployments: 50 } as const;

const COMPUTE_STATUSES = ['ACTIVE', 'IMPAIRED'];
const DEPLOYMENT_ID = /^[a-zA-Z0-9-]+$/;

// ---------- capacity ----------

/** A location's instance counts: the fleet's own for the home Region, else the location's (or one instance when ACTIVE). */
export function locationCounts(fleet: FleetRecord, location: LocationRecord): CapacityRecord {
  if (location.location === fleet.region) return fleet.capacity;
  if (location.capacity) return location.capacity;
  const up = location.status === 'ACTIVE' ? 1 : 0;
  const starting = up === 0 && location.status !== 'ERROR' && location.status !== 'DELETING' ? 1 : 0;
  return {
    DESIRED: 1,
    MINIMUM: 0,
    MAXIMUM: fleet.capacity.MAXIMUM,
    PENDING: starting,
    ACTIVE: up,
    IDLE: up,
    TERMINATING: 0,
  };
}

/** The FleetCapacity shape for one location of a fleet. */
export function capacityOutput(fleet: FleetRecord, location: LocationRecord): Record<string, unknown> {
  const c = locationCounts(fleet, location);
  return dropUndefined({
    FleetId: fleet.fleetId,
    FleetArn: fleet.fleetArn,
    InstanceType: fleet.instanceType,
    InstanceCounts: { ...c },
    Location: location.location,
    GameServerContainerGroupCounts:
      fleet.kind === 'container'
        ? { PENDING: c.PENDING * 2, ACTIVE: c.ACTIVE * 2, IDLE: c.IDLE * 2, TERMINATING: c.TERMINATING * 2 }
        : undefined,
  });
}

function locationMember(input: Record<string, unknown>, required: boolean): string | undefined {
  const location = optionalString(input, 'Location');
  if (location === undefined) {
    if (required)
      throw invalidRequest(
        "1 validation error detected: Value null at 'location' failed to satisfy constraint: Member must not be null",
      );
    return undefined;
  }
  checkLength('Location', location, 1, 64);
  checkPattern('Location', location, LOCATION);
  return location;
}

const DescribeFleetLocationCapacity: Operation = (ctx) => {
  const fleetId = fleetIdMember(ctx.input);
  const wanted = locationMember(ctx.input, true)!;
  requireMultiLocationRegion(ctx.region);
  const fleet = requireFleet(ctx, fleetId);
  const location = fleet.locations.find((l) => l.location === wanted);
  if (!location) throw notFound(`Location ${wanted} not found for fleet ${fleet.fleetId}.`);
  return { FleetCapacity: capacityOutput(fleet, location) };
};

// ---------- computes ----------

const derivedComputes = new WeakMap<FleetRecord, { key: string; computes: ComputeRecord[] }>();

/** The fleet's computes: the scenario's, or one per instance of each location's counts (Anywhere fleets: none). */
export function computesOf(fleet: FleetRecord): ComputeRecord[] {
  if (fleet.computes) return fleet.computes;
  if (fleet.kind === 'anywhere') return [];
  const counts = fleet.locations.map((l) => [l, locationCounts(fleet, l)] as const);
  // Rebuilt only when a location's counts change (tests change status and capacity at run time).
  const key = JSON.stringify(counts.map(([l, c]) => [l.location, c.ACTIVE, c.PENDING, c.TERMINATING]));
  const cached = derivedComputes.get(fleet);
  if (cached?.key === key) return cached.computes;
  const computes: ComputeRecord[] = [];
  for (const [location, c] of counts) {
    const states: Array<[string, number]> = [
      ['ACTIVE', c.ACTIVE],
      ['PENDING', c.PENDING],
      ['TERMINATING', c.TERMINATING],
    ];
    for (const [status, n] of states) {
      for (let i = 0; i < n; i++) {
        computes.push(instanceCompute(fleet, location.location, status, computes.length));
      }
    }
  }
  derivedComputes.set(fleet, { key, computes });
  return computes;
}

/** An EC2 instance (or a container fleet's instance) as a compute, with stable made-up addresses. */
export function instanceCompute(fleet: FleetRecord, location: string, status: string, index: number): ComputeRecord {
  const hex = deterministicUuid(`${fleet.fleetId}/${location}/instance/${index}`).replace(/-/g, '');
  const instanceId = `i-${hex.slice(0, 17)}`;
  const ip = `10.${parseInt(hex.slice(0, 2), 16)}.${parseInt(hex.slice(2, 4), 16)}.${(index % 250) + 4}`;
  return {
    computeName: instanceId,
    location,
    status,
    ipAddress: ip,
    dnsName: `ec2-${ip.replace(/\./g, '-')}.${location}.compute.amazonaws.com`,
    instanceId,
    creationTime: fleet.creationTime + 60_000 * (index + 1),
    ...(fleet.kind === 'container'
      ? {
          containers: [
            { name: 'game-server', runtimeId: hex.slice(0, 12) },
            { name: 'game-server-sidecar', runtimeId: hex.slice(12, 24) },
          ],
        }
      : {}),
  };
}

function computeOutput(fleet: FleetRecord, compute: ComputeRecord): Record<string, unknown> {
  const managedEc2 = fleet.kind === 'ec2';
  return dropUndefined({
    FleetId: fleet.fleetId,
    FleetArn: fleet.fleetArn,
    ComputeName: compute.computeName,
    // Instances of managed EC2 fleets have no compute ARN (as documented).
    ComputeArn: managedEc2
      ? undefined
      : `arn:aws:gamelift:${fleet.region}:${fleet.accountId}:compute/${fleet.fleetId}/${compute.computeName}`,
    IpAddress: compute.ipAddress,
    DnsName: compute.dnsName,
    // The API reference warns that fleets that are not container fleets may report statuses
    // outside the enum, such as "Active"; managed EC2 instances are written that way here.
    ComputeStatus: managedEc2 ? titleCase(compute.status) : compute.status,
    Location: compute.location,
    CreationTime: toEpochSeconds(compute.creationTime),
    OperatingSystem: fleet.kind === 'container' ? 'AMAZON_LINUX_2023' : fleet.operatingSystem,
    Type: fleet.instanceType,
    InstanceId: compute.instanceId,
    ...(fleet.kind === 'anywhere'
      ? { GameLiftServiceSdkEndpoint: `wss://${fleet.region}.api.amazongamelift.com` }
      : { GameLiftAgentEndpoint: `https://${fleet.region}.agent.amazongamelift.com` }),
    ContainerAttributes: compute.containers?.map((c) => ({ ContainerName: c.name, ContainerRuntimeId: c.runtimeId })),
    GameServerContainerGroupDefinitionArn:
      fleet.kind === 'container'
        ? `arn:aws:gamelift:${fleet.region}:${fleet.accountId}:containergroupdefinition/game-server-group:3`
        : undefined,
  });
}

function titleCase(status: string): string {
  return status.charAt(0) + status.slice(1).toLowerCase();
}

const ListCompute: Operation = (ctx) => {
  const fleetId = fleetIdMember(ctx.input);
  const location = locationMember(ctx.input, false);
  const definition = optionalString(ctx.input, 'ContainerGroupDefinitionName');
  if (definition !== undefined) {
    checkLength('ContainerGroupDefinitionName', definition, 1, 512);
    checkPattern('ContainerGroupDefinitionName', definition, CONTAINER_GROUP_DEFINITION);
  }
  const status = optionalString(ctx.input, 'ComputeStatus');
  if (status !== undefined && !COMPUTE_STATUSES.includes(status))
    throw constraint('ComputeStatus', status, `Member must satisfy enum value set: [${COMPUTE_STATUSES.join(', ')}]`);
  const fleet = ctx.state.getFleet(fleetId, ctx.accountId, ctx.region);
  // ListCompute models no NotFoundException; an unknown fleet is an invalid request.
  if (!fleet) throw invalidRequest(`Fleet ${fleetIdFromIdOrArn(fleetId)} does not exist.`);
  const order = new Map(fleet.locations.map((l, i) => [l.location, i]));
  const all = computesOf(fleet)
    .filter((c) => (location === undefined || c.location === location) && (status === undefined || c.status === status))
    .sort((a, b) => (order.get(a.location) ?? 0) - (order.get(b.location) ?? 0));
  const { page, nextToken } = pageByOffset(
    ctx,
    all,
    RESOURCE_DEFAULT_LIMITS.ListCompute,
    `ListCompute|${fleet.fleetId}|${location ?? ''}|${status ?? ''}|${definition ?? ''}`,
  );
  return { ComputeList: page.map((c) => computeOutput(fleet, c)), ...(nextToken ? { NextToken: nextToken } : {}) };
};

function pageByOffset<T>(
  ctx: OperationContext,
  items: readonly T[],
  defaultLimit: number,
  fingerprint: string,
): { page: T[]; nextToken?: string } {
  const limit = limitMember(ctx.input) ?? defaultLimit;
  const token = nextTokenMember(ctx.input);
  const offset = token === undefined ? 0 : ctx.tokens.read<number>(token, fingerprint);
  const page = items.slice(offset, offset + limit);
  const more = offset + limit < items.length;
  return { page, ...(more ? { nextToken: ctx.tokens.issue(fingerprint, offset + limit) } : {}) };
}

// ---------- deployments ----------

function deploymentOutput(fleet: FleetRecord, d: DeploymentRecord): Record<string, unknown> {
  return dropUndefined({
    DeploymentId: d.deploymentId,
    FleetId: fleet.fleetId,
    GameServerBinaryArn: d.gameServerBinaryArn,
    RollbackGameServerBinaryArn: d.rollbackGameServerBinaryArn,
    PerInstanceBinaryArn: d.perInstanceBinaryArn,
    RollbackPerInstanceBinaryArn: d.rollbackPerInstanceBinaryArn,
    DeploymentStatus: d.status,
    DeploymentConfiguration: {
      ProtectionStrategy: d.protectionStrategy,
      MinimumHealthyPercentage: d.minimumHealthyPercentage,
      ImpairmentStrategy: d.impairmentStrategy,
    },
    CreationTime: toEpochSeconds(d.creationTime),
  });
}

function requireContainerFleet(ctx: OperationContext, idOrArn: string): FleetRecord {
  const fleet = requireFleet(ctx, idOrArn);
  if (fleet.kind !== 'container') throw notFound(`Container fleet ${fleet.fleetId} not found.`);
  return fleet;
}

const ListFleetDeployments: Operation = (ctx) => {
  requireMultiLocationRegion(ctx.region);
  const idOrArn = ctx.input.FleetId === undefined || ctx.input.FleetId === null ? undefined : fleetIdMember(ctx.input);
  const fleets = idOrArn
    ? [requireContainerFleet(ctx, idOrArn)]
    : ctx.state.fleetsOf(ctx.accountId, ctx.region).filter((f) => f.kind === 'container');
  // "Deployments are returned starting with the latest."
  const all = fleets
    .flatMap((fleet) => (fleet.deployments ?? []).map((d) => ({ fleet, d })))
    .sort((a, b) => b.d.creationTime - a.d.creationTime);
  const { page, nextToken } = pageByOffset(
    ctx,
    all,
    RESOURCE_DEFAULT_LIMITS.ListFleetDeployments,
    `ListFleetDeployments|${ctx.accountId}|${ctx.region}|${fleets.length === 1 && idOrArn ? fleets[0].fleetId : ''}`,
  );
  return {
    FleetDeployments: page.map(({ fleet, d }) => deploymentOutput(fleet, d)),
    ...(nextToken ? { NextToken: nextToken } : {}),
  };
};

const DescribeFleetDeployment: Operation = (ctx) => {
  requireMultiLocationRegion(ctx.region);
  const fleet = requireContainerFleet(ctx, fleetIdMember(ctx.input));
  const deploymentId = optionalString(ctx.input, 'DeploymentId');
  if (deploymentId !== undefined) {
    checkLength('DeploymentId', deploymentId, 1, 1024);
    checkPattern('DeploymentId', deploymentId, DEPLOYMENT_ID);
  }
  const deployments = fleet.deployments ?? [];
  const deployment =
    deploymentId === undefined ? latest(deployments) : deployments.find((d) => d.deploymentId === deploymentId);
  if (!deployment)
    throw notFound(
      deploymentId === undefined
        ? `Fleet ${fleet.fleetId} has no deployments.`
        : `Deployment ${deploymentId} not found for fleet ${fleet.fleetId}.`,
    );
  return {
    FleetDeployment: deploymentOutput(fleet, deployment),
    LocationalDeployments: Object.fromEntries(
      Object.entries(deployment.locations).map(([location, status]) => [location, { DeploymentStatus: status }]),
    ),
  };
};

function latest(deployments: readonly DeploymentRecord[]): DeploymentRecord | undefined {
  return deployments.reduce<DeploymentRecord | undefined>(
    (best, d) => (!best || d.creationTime > best.creationTime ? d : best),
    undefined,
  );
}

// ---------- container fleet log configuration ----------

/** DescribeContainerFleet's LogConfiguration (CLOUDWATCH without a named group when the scenario says nothing). */
export function logConfigurationOf(fleet: FleetRecord): Record<string, unknown> {
  const logs = fleet.containerLogs;
  if (!logs) return { LogDestination: 'CLOUDWATCH' };
  return dropUndefined({
    LogDestination: logs.destination,
    LogGroupArn: logs.logGroupName
      ? `arn:aws:logs:${fleet.region}:${fleet.accountId}:log-group:${logs.logGroupName}`
      : undefined,
    S3BucketName: logs.bucket,
  });
}

/** DescribeContainerFleet's DeploymentDetails. */
export function deploymentDetailsOf(fleet: FleetRecord): Record<string, unknown> | undefined {
  const newest = latest(fleet.deployments ?? []);
  return newest ? { LatestDeploymentId: newest.deploymentId } : undefined;
}

export const FLEET_RESOURCE_OPERATIONS: Readonly<Record<string, Operation>> = {
  DescribeFleetLocationCapacity,
  ListCompute,
  ListFleetDeployments,
  DescribeFleetDeployment,
};

/** The result member of each operation (what the `missingList` fault removes). */
export const FLEET_RESOURCE_RESULT_MEMBER: Readonly<Record<string, string>> = {
  DescribeFleetLocationCapacity: 'FleetCapacity',
  ListCompute: 'ComputeList',
  ListFleetDeployments: 'FleetDeployments',
  DescribeFleetDeployment: 'FleetDeployment',
};
