// Converts SDK shapes (Dates, optional PascalCase members) to the plain JSON domain types.
import type { ContainerFleet, Event, FleetAttributes } from '@aws-sdk/client-gamelift';
import type { FleetEvent, FleetSummary } from './types';

export function toFleetEvent(event: Event, fetchedAt: number): FleetEvent | undefined {
  // An event without an ID cannot be de-duplicated or looked up again; the API always sends one.
  if (!event.EventId) return undefined;
  return {
    eventId: event.EventId,
    eventCode: event.EventCode ?? 'UNKNOWN',
    fetchedAt,
    ...(event.ResourceId !== undefined ? { resourceId: event.ResourceId } : {}),
    ...(event.Message !== undefined ? { message: event.Message } : {}),
    ...(epochMs(event.EventTime) !== undefined ? { eventTime: epochMs(event.EventTime) } : {}),
    ...(event.PreSignedLogUrl ? { preSignedLogUrl: event.PreSignedLogUrl } : {}),
    ...(event.Count !== undefined ? { count: Number(event.Count) } : {}),
  };
}

export function fromFleetAttributes(a: FleetAttributes): FleetSummary {
  return stripUndefined({
    fleetId: a.FleetId ?? '',
    fleetArn: a.FleetArn,
    name: a.Name,
    status: a.Status,
    fleetType: a.FleetType,
    instanceType: a.InstanceType,
    operatingSystem: a.OperatingSystem,
    computeType: a.ComputeType,
    description: a.Description,
    creationTime: epochMs(a.CreationTime),
    terminationTime: epochMs(a.TerminationTime),
    buildId: a.BuildId,
    scriptId: a.ScriptId,
    gameSessionProtection: a.NewGameSessionProtectionPolicy,
  });
}

export function fromContainerFleet(c: ContainerFleet): FleetSummary {
  return stripUndefined({
    fleetId: c.FleetId ?? '',
    fleetArn: c.FleetArn,
    // Container fleets have no name; the game server container group names what runs there.
    name: c.GameServerContainerGroupDefinitionName,
    status: c.Status,
    fleetType: c.BillingType,
    instanceType: c.InstanceType,
    computeType: 'CONTAINER',
    description: c.Description,
    creationTime: epochMs(c.CreationTime),
    gameSessionProtection: c.NewGameSessionProtectionPolicy,
    isContainerFleet: true,
  });
}

export function isContainerFleetId(fleetId: string): boolean {
  return fleetId.startsWith('containerfleet-');
}

/** Date (or epoch seconds/ms) → epoch ms; undefined stays undefined. */
export function epochMs(value: Date | number | string | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
