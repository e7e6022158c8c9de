// What every emulated GameLift operation shares: the context a handler gets, and the input
// checks with the service's own "1 validation error detected" wording (InvalidRequestException)
// or SerializationException for a member of the wrong JSON type.
import type { EmulatorState, EventRecord, FleetRecord } from './state';
import { fleetIdFromIdOrArn } from './state';
import { fromEpochSeconds, invalidRequest, notFound, type PageTokens, ServiceError } from './wire';

export interface OperationContext {
  readonly accountId: string;
  readonly region: string;
  readonly input: Record<string, unknown>;
  readonly state: EmulatorState;
  readonly tokens: PageTokens;
  readonly now: number;
  /** Mints a fresh presigned log URL for an event. */
  readonly logUrl: (fleet: FleetRecord, event: EventRecord) => string;
}

export type Operation = (ctx: OperationContext) => Record<string, unknown>;

export const FLEET_ID_OR_ARN = /^[a-z]*fleet-[a-zA-Z0-9-]+$|^arn:.*:[a-z]*fleet\/[a-z]*fleet-[a-zA-Z0-9-]+$/;
export const FLEET_ID_OR_ARN_SOURCE =
  '^[a-z]*fleet-[a-zA-Z0-9\\-]+$|^arn:.*:[a-z]*fleet\\/[a-z]*fleet-[a-zA-Z0-9\\-]+$';
export const BUILD_ID_OR_ARN = /^(build-\S+|arn:.*:build\/build-\S+)$/;
export const SCRIPT_ID_OR_ARN = /^(script-\S+|arn:.*:script\/script-\S+)$/;
export const LOCATION = /^[A-Za-z0-9-]+$/;
export const CONTAINER_GROUP_DEFINITION = /^[a-zA-Z0-9-]+$|^arn:.*:containergroupdefinition\/[a-zA-Z0-9-]+(:[0-9]+)?$/;

// ---------- input validation (Coral-style messages, InvalidRequestException) ----------

export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

export function constraint(member: string, value: unknown, rule: string): ServiceError {
  return invalidRequest(
    `1 validation error detected: Value '${String(value)}' at '${lowerFirst(member)}' failed to satisfy constraint: ${rule}`,
  );
}

export function optionalString(input: Record<string, unknown>, member: string): string | undefined {
  const v = input[member];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ServiceError('SerializationException', `Expected a string for member ${member}`);
  return v;
}

export function checkLength(member: string, value: string, min: number, max?: number): void {
  if (value.length < min) throw constraint(member, value, `Member must have length greater than or equal to ${min}`);
  if (max !== undefined && value.length > max)
    throw constraint(member, value, `Member must have length less than or equal to ${max}`);
}

export function checkPattern(member: string, value: string, pattern: RegExp, source = pattern.source): void {
  if (!pattern.test(value))
    throw constraint(member, value, `Member must satisfy regular expression pattern: ${source}`);
}

export function fleetIdMember(input: Record<string, unknown>, member = 'FleetId'): string {
  const v = optionalString(input, member);
  if (v === undefined)
    throw invalidRequest(
      `1 validation error detected: Value null at '${lowerFirst(member)}' failed to satisfy constraint: Member must not be null`,
    );
  checkLength(member, v, 1, 512);
  checkPattern(member, v, FLEET_ID_OR_ARN, FLEET_ID_OR_ARN_SOURCE);
  return v;
}

export function limitMember(input: Record<string, unknown>): number | undefined {
  const v = input.Limit;
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw new ServiceError('SerializationException', 'Expected an integer for member Limit');
  if (v < 1) throw constraint('Limit', v, 'Member must have value greater than or equal to 1');
  return v;
}

export function nextTokenMember(input: Record<string, unknown>): string | undefined {
  const v = optionalString(input, 'NextToken');
  if (v !== undefined) checkLength('NextToken', v, 1, 1024);
  return v;
}

export function timeMember(input: Record<string, unknown>, member: string): number | undefined {
  const v = input[member];
  return v === undefined || v === null ? undefined : fromEpochSeconds(v, member);
}

export function fleetIdList(input: Record<string, unknown>): string[] | undefined {
  const v = input.FleetIds;
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new ServiceError('SerializationException', 'Expected a list for member FleetIds');
  if (v.length < 1) throw constraint('FleetIds', '[]', 'Member must have length greater than or equal to 1');
  v.forEach((id, i) => {
    if (typeof id !== 'string') throw new ServiceError('SerializationException', 'Expected strings in member FleetIds');
    checkLength(`FleetIds.${i + 1}.member`, id, 1, 512);
    checkPattern(`FleetIds.${i + 1}.member`, id, FLEET_ID_OR_ARN, FLEET_ID_OR_ARN_SOURCE);
  });
  return v as string[];
}

export function requireFleet(ctx: OperationContext, idOrArn: string): FleetRecord {
  const fleet = ctx.state.getFleet(idOrArn, ctx.accountId, ctx.region);
  if (!fleet) throw notFound(`Fleet ${fleetIdFromIdOrArn(idOrArn)} not found.`);
  return fleet;
}

export function dropUndefined(obj: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(obj)) if (obj[key] === undefined) delete obj[key];
  return obj;
}
