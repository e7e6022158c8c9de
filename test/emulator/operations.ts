// The GameLift operations the local endpoint answers, with the service's validation rules,
// paging and output shapes (as the Amazon GameLift API Reference documents them). Each handler
// takes the parsed JSON input and returns the JSON output (timestamps as epoch seconds).
import { runtimeConfigurationOf } from './creationLogs';
import {
  capacityOutput,
  deploymentDetailsOf,
  FLEET_RESOURCE_OPERATIONS,
  FLEET_RESOURCE_RESULT_MEMBER,
  logConfigurationOf,
} from './fleetResources';
import {
  BUILD_ID_OR_ARN,
  checkLength,
  checkPattern,
  constraint,
  CONTAINER_GROUP_DEFINITION,
  dropUndefined,
  fleetIdList,
  fleetIdMember,
  limitMember,
  LOCATION,
  nextTokenMember,
  type Operation,
  type OperationContext,
  optionalString,
  requireFleet,
  SCRIPT_ID_OR_ARN,
  timeMember,
} from './inputs';
import { requireMultiLocationRegion } from './regions';
import { compareEvents, type EventRecord, type FleetRecord, fleetIdFromIdOrArn } from './state';
import { invalidRequest, notFound, ServiceError, toEpochSeconds } from './wire';

export type { Operation, OperationContext } from './inputs';

/** Page sizes when the caller gives no Limit. */
export const DEFAULT_LIMITS = {
  ListFleets: 50,
  DescribeFleetAttributes: 50,
  DescribeFleetCapacity: 50,
  DescribeFleetEvents: 50,
  DescribeFleetLocationAttributes: 100,
  ListContainerFleets: 50,
} as const;

// ---------- paging over fleets (cursor = last fleet ID returned) ----------

function pageFleets(
  ctx: OperationContext,
  fleets: FleetRecord[],
  operation: keyof typeof DEFAULT_LIMITS,
  fingerprint: string,
): { page: FleetRecord[]; nextToken?: string } {
  const limit = limitMember(ctx.input) ?? DEFAULT_LIMITS[operation];
  const token = nextTokenMember(ctx.input);
  const after = token === undefined ? undefined : ctx.tokens.read<string>(token, fingerprint);
  const start = after === undefined ? 0 : fleets.findIndex((f) => f.fleetId > after);
  const rest = start < 0 ? [] : fleets.slice(start);
  const page = rest.slice(0, limit);
  const more = rest.length > limit;
  return { page, ...(more ? { nextToken: ctx.tokens.issue(fingerprint, page[page.length - 1].fleetId) } : {}) };
}

/** Fleets named in FleetIds (unknown ones omitted), or a page of all of them. */
function selectFleets(
  ctx: OperationContext,
  operation: 'DescribeFleetAttributes' | 'DescribeFleetCapacity',
  include: (f: FleetRecord) => boolean,
): { fleets: FleetRecord[]; nextToken?: string } {
  const ids = fleetIdList(ctx.input);
  if (ids) {
    // As documented, Limit and NextToken are ignored when FleetIds are given.
    const seen = new Set<string>();
    const fleets: FleetRecord[] = [];
    for (const id of ids) {
      const fleet = ctx.state.getFleet(id, ctx.accountId, ctx.region);
      if (fleet && include(fleet) && !seen.has(fleet.fleetId)) {
        seen.add(fleet.fleetId);
        fleets.push(fleet);
      }
    }
    return { fleets };
  }
  const all = ctx.state.fleetsOf(ctx.accountId, ctx.region).filter(include);
  const { page, nextToken } = pageFleets(ctx, all, operation, `${operation}|${ctx.accountId}|${ctx.region}`);
  return { fleets: page, ...(nextToken ? { nextToken } : {}) };
}

// ---------- output shapes ----------

function arnFor(ctx: { region: string; accountId: string }, type: 'build' | 'script', id: string): string {
  return `arn:aws:gamelift:${ctx.region}:${ctx.accountId}:${type}/${id}`;
}

export function fleetAttributes(fleet: FleetRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    FleetId: fleet.fleetId,
    FleetArn: fleet.fleetArn,
    FleetType: fleet.fleetType,
    InstanceType: fleet.instanceType,
    Description: fleet.description,
    Name: fleet.name,
    CreationTime: toEpochSeconds(fleet.creationTime),
    TerminationTime: fleet.terminationTime === undefined ? undefined : toEpochSeconds(fleet.terminationTime),
    Status: fleet.status,
    BuildId: fleet.buildId,
    BuildArn: fleet.buildId ? arnFor(fleet, 'build', fleet.buildId) : undefined,
    ScriptId: fleet.scriptId,
    ScriptArn: fleet.scriptId ? arnFor(fleet, 'script', fleet.scriptId) : undefined,
    NewGameSessionProtectionPolicy: 'NoProtection',
    OperatingSystem: fleet.operatingSystem,
    ResourceCreationLimitPolicy: { NewGameSessionsPerCreator: 3, PolicyPeriodInMinutes: 15 },
    MetricGroups: ['default'],
    CertificateConfiguration: { CertificateType: 'DISABLED' },
    ComputeType: fleet.kind === 'anywhere' ? 'ANYWHERE' : 'EC2',
    ...(fleet.kind === 'anywhere' ? { AnywhereConfiguration: { Cost: '0.0' } } : {}),
    ...fleet.extra,
  };
  return dropUndefined(out);
}

function containerFleet(fleet: FleetRecord): Record<string, unknown> {
  return dropUndefined({
    FleetId: fleet.fleetId,
    FleetArn: fleet.fleetArn,
    FleetRoleArn: `arn:aws:iam::${fleet.accountId}:role/GameLiftContainerFleetRole`,
    GameServerContainerGroupDefinitionName: 'game-server-group',
    GameServerContainerGroupDefinitionArn: `arn:aws:gamelift:${fleet.region}:${fleet.accountId}:containergroupdefinition/game-server-group:3`,
    InstanceConnectionPortRange: { FromPort: 4192, ToPort: 4282 },
    InstanceInboundPermissions: [{ FromPort: 4192, ToPort: 4282, IpRange: '0.0.0.0/0', Protocol: 'UDP' }],
    GameServerContainerGroupsPerInstance: 2,
    MaximumGameServerContainerGroupsPerInstance: 4,
    InstanceType: fleet.instanceType,
    BillingType: fleet.fleetType ?? 'ON_DEMAND',
    Description: fleet.description,
    CreationTime: toEpochSeconds(fleet.creationTime),
    MetricGroups: ['default'],
    NewGameSessionProtectionPolicy: 'NoProtection',
    Status: fleet.status,
    DeploymentDetails: deploymentDetailsOf(fleet),
    LogConfiguration: logConfigurationOf(fleet),
    LocationAttributes: fleet.locations.map((l) => ({ Location: l.location, Status: l.status })),
    ...fleet.extra,
  });
}

/** DescribeFleetCapacity covers the home Region only. */
function fleetCapacity(fleet: FleetRecord): Record<string, unknown> {
  const home = fleet.locations.find((l) => l.location === fleet.region) ?? {
    location: fleet.region,
    status: fleet.status,
  };
  return capacityOutput(fleet, home);
}

function eventOutput(ctx: OperationContext, fleet: FleetRecord, event: EventRecord): Record<string, unknown> {
  return dropUndefined({
    EventId: event.eventId,
    ResourceId: event.resourceId,
    EventCode: event.eventCode,
    Message: event.message,
    EventTime: toEpochSeconds(event.eventTime),
    PreSignedLogUrl: event.logUrl ?? (event.hasLog ? ctx.logUrl(fleet, event) : undefined),
    Count: event.count,
  });
}

// ---------- operations ----------

const ListFleets: Operation = (ctx) => {
  const buildId = optionalString(ctx.input, 'BuildId');
  const scriptId = optionalString(ctx.input, 'ScriptId');
  if (buildId !== undefined) {
    checkLength('BuildId', buildId, 1, 512);
    checkPattern('BuildId', buildId, BUILD_ID_OR_ARN);
  }
  if (scriptId !== undefined) {
    checkLength('ScriptId', scriptId, 1, 512);
    checkPattern('ScriptId', scriptId, SCRIPT_ID_OR_ARN);
  }
  const build = buildId === undefined ? undefined : fleetIdFromIdOrArn(buildId);
  const script = scriptId === undefined ? undefined : fleetIdFromIdOrArn(scriptId);
  const fleets = ctx.state
    .fleetsOf(ctx.accountId, ctx.region)
    .filter((f) => (build === undefined || f.buildId === build) && (script === undefined || f.scriptId === script));
  const fingerprint = `ListFleets|${ctx.accountId}|${ctx.region}|${build ?? ''}|${script ?? ''}`;
  const { page, nextToken } = pageFleets(ctx, fleets, 'ListFleets', fingerprint);
  return { FleetIds: page.map((f) => f.fleetId), ...(nextToken ? { NextToken: nextToken } : {}) };
};

const DescribeFleetAttributes: Operation = (ctx) => {
  const { fleets, nextToken } = selectFleets(ctx, 'DescribeFleetAttributes', (f) => f.kind !== 'container');
  return { FleetAttributes: fleets.map(fleetAttributes), ...(nextToken ? { NextToken: nextToken } : {}) };
};

const DescribeFleetCapacity: Operation = (ctx) => {
  const { fleets, nextToken } = selectFleets(ctx, 'DescribeFleetCapacity', () => true);
  return { FleetCapacity: fleets.map(fleetCapacity), ...(nextToken ? { NextToken: nextToken } : {}) };
};

const DescribeContainerFleet: Operation = (ctx) => {
  const id = fleetIdMember(ctx.input);
  const fleet = requireFleet(ctx, id);
  if (fleet.kind !== 'container') throw notFound(`Container fleet ${fleet.fleetId} not found.`);
  return { ContainerFleet: containerFleet(fleet) };
};

const ListContainerFleets: Operation = (ctx) => {
  const definition = optionalString(ctx.input, 'ContainerGroupDefinitionName');
  if (definition !== undefined) {
    checkLength('ContainerGroupDefinitionName', definition, 1, 512);
    checkPattern('ContainerGroupDefinitionName', definition, CONTAINER_GROUP_DEFINITION);
  }
  const wanted = definition === undefined ? undefined : definitionName(definition);
  const fleets = ctx.state
    .fleetsOf(ctx.accountId, ctx.region)
    .filter((f) => f.kind === 'container')
    .map(containerFleet)
    .filter(
      (f) =>
        wanted === undefined ||
        f.GameServerContainerGroupDefinitionName === wanted ||
        f.PerInstanceContainerGroupDefinitionName === wanted,
    );
  const limit = limitMember(ctx.input) ?? DEFAULT_LIMITS.ListContainerFleets;
  const token = nextTokenMember(ctx.input);
  const fingerprint = `ListContainerFleets|${ctx.accountId}|${ctx.region}|${wanted ?? ''}`;
  const after = token === undefined ? undefined : ctx.tokens.read<string>(token, fingerprint);
  const start = after === undefined ? 0 : fleets.findIndex((f) => String(f.FleetId) > after);
  const rest = start < 0 ? [] : fleets.slice(start);
  const page = rest.slice(0, limit);
  return {
    ContainerFleets: page,
    ...(rest.length > limit ? { NextToken: ctx.tokens.issue(fingerprint, String(page[page.length - 1].FleetId)) } : {}),
  };
};

/** `name`, `name:version` or a definition ARN → the definition name. */
function definitionName(nameOrArn: string): string {
  const resource = nameOrArn.startsWith('arn:') ? nameOrArn.slice(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
  return resource.split(':')[0];
}

const DescribeFleetLocationAttributes: Operation = (ctx) => {
  const fleetId = fleetIdMember(ctx.input);
  requireMultiLocationRegion(ctx.region);
  const fleet = requireFleet(ctx, fleetId);
  const locations = ctx.input.Locations;
  let wanted: string[] | undefined;
  if (locations !== undefined && locations !== null) {
    if (!Array.isArray(locations))
      throw new ServiceError('SerializationException', 'Expected a list for member Locations');
    if (locations.length < 1 || locations.length > 100)
      throw constraint('Locations', locations.length, 'Member must have length between 1 and 100');
    for (const l of locations) {
      if (typeof l !== 'string')
        throw new ServiceError('SerializationException', 'Expected strings in member Locations');
      checkLength('Locations.member', l, 1, 64);
      checkPattern('Locations.member', l, LOCATION);
    }
    wanted = locations as string[];
  }
  const all = fleet.locations.filter((l) => !wanted || wanted.includes(l.location));
  const limit = limitMember(ctx.input) ?? DEFAULT_LIMITS.DescribeFleetLocationAttributes;
  const token = nextTokenMember(ctx.input);
  const fingerprint = `DescribeFleetLocationAttributes|${fleet.fleetId}|${(wanted ?? []).join(',')}`;
  const offset = token === undefined ? 0 : ctx.tokens.read<number>(token, fingerprint);
  const page = all.slice(offset, offset + limit);
  const more = offset + limit < all.length;
  return {
    FleetId: fleet.fleetId,
    FleetArn: fleet.fleetArn,
    LocationAttributes: page.map((l) =>
      dropUndefined({
        LocationState: { Location: l.location, Status: l.status },
        StoppedActions: l.stoppedActions,
        UpdateStatus: l.updateStatus,
      }),
    ),
    ...(more ? { NextToken: ctx.tokens.issue(fingerprint, offset + limit) } : {}),
  };
};

const DescribeRuntimeConfiguration: Operation = (ctx) => {
  const fleet = requireFleet(ctx, fleetIdMember(ctx.input));
  // Container fleets take their processes from the container group definition. What the service
  // answers for them here is not documented; the endpoint says NotFound, as DescribeFleetAttributes omits them.
  if (fleet.kind === 'container')
    throw notFound(`Fleet ${fleet.fleetId} has no runtime configuration (container fleet).`);
  return { RuntimeConfiguration: runtimeConfigurationOf(fleet) };
};

interface EventCursor {
  readonly t: number;
  readonly id: string;
}

const DescribeFleetEvents: Operation = (ctx) => {
  const idOrArn = fleetIdMember(ctx.input);
  const start = timeMember(ctx.input, 'StartTime');
  const end = timeMember(ctx.input, 'EndTime');
  if (start !== undefined && end !== undefined && start > end) {
    throw invalidRequest('StartTime must be before EndTime.');
  }
  const limit = limitMember(ctx.input) ?? DEFAULT_LIMITS.DescribeFleetEvents;
  const token = nextTokenMember(ctx.input);
  const fleet = requireFleet(ctx, idOrArn);
  const fingerprint = `DescribeFleetEvents|${ctx.accountId}|${ctx.region}|${fleet.fleetId}|${start ?? ''}|${end ?? ''}`;
  const cursor = token === undefined ? undefined : ctx.tokens.read<EventCursor>(token, fingerprint);

  const events = fleet.events;
  // Events are newest first: skip past the cursor, then past anything newer than EndTime.
  let i = cursor ? lowerBound(events, (e) => compareEvents(e, { eventTime: cursor.t, eventId: cursor.id }) > 0) : 0;
  if (end !== undefined)
    i = Math.max(
      i,
      lowerBound(events, (e) => e.eventTime <= end),
    );
  const page: EventRecord[] = [];
  while (i < events.length && page.length < limit && (start === undefined || events[i].eventTime >= start)) {
    page.push(events[i]);
    i += 1;
  }
  const more = i < events.length && (start === undefined || events[i].eventTime >= start) && page.length > 0;
  const last = page[page.length - 1];
  return {
    Events: page.map((e) => eventOutput(ctx, fleet, e)),
    ...(more
      ? { NextToken: ctx.tokens.issue(fingerprint, { t: last.eventTime, id: last.eventId } satisfies EventCursor) }
      : {}),
  };
};

/** First index whose element satisfies `pred` (pred must be monotone false…true). */
function lowerBound<T>(items: readonly T[], pred: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(items[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export const OPERATIONS: Readonly<Record<string, Operation>> = {
  ListFleets,
  DescribeFleetAttributes,
  DescribeFleetCapacity,
  DescribeFleetEvents,
  DescribeFleetLocationAttributes,
  DescribeContainerFleet,
  ListContainerFleets,
  DescribeRuntimeConfiguration,
  ...FLEET_RESOURCE_OPERATIONS,
};

/** The result list member of each operation (what the `missingList` fault removes). */
export const RESULT_MEMBER: Readonly<Record<string, string>> = {
  ListFleets: 'FleetIds',
  DescribeFleetAttributes: 'FleetAttributes',
  DescribeFleetCapacity: 'FleetCapacity',
  DescribeFleetEvents: 'Events',
  DescribeFleetLocationAttributes: 'LocationAttributes',
  DescribeContainerFleet: 'ContainerFleet',
  ListContainerFleets: 'ContainerFleets',
  DescribeRuntimeConfiguration: 'RuntimeConfiguration',
  ...FLEET_RESOURCE_RESULT_MEMBER,
};

/** Fleet IDs named by a request (for fleet-scoped faults). */
export function fleetIdsOf(input: Record<string, unknown>): string[] {
  const ids: string[] = [];
  if (typeof input.FleetId === 'string') ids.push(fleetIdFromIdOrArn(input.FleetId));
  if (Array.isArray(input.FleetIds))
    for (const id of input.FleetIds) if (typeof id === 'string') ids.push(fleetIdFromIdOrArn(id));
  return ids;
}
