// Plain data types shared by the AWS side, the explorer, the details panel and the tests.
// They carry no SDK or vscode types so that they serialise to JSON as they are.
import { isObject, isOptionalString } from '../common/guards';
import type { ClassifiedError } from './errors';

/** Where to talk to GameLift: one (profile, region) pair, with an optional custom endpoint. */
export interface ConnectionTarget {
  /** Shared-config profile name; undefined means the default credential chain. */
  readonly profile?: string;
  readonly region: string;
  /** Custom endpoint URL (the local endpoint, or a VPC endpoint); undefined for AWS's own. */
  readonly endpoint?: string;
}

/** Identifies one fleet under one connection (profile + region + endpoint). */
export interface FleetRef {
  readonly target: ConnectionTarget;
  readonly fleetId: string;
}

/** One string per connection; the default credential chain is spelled `(default)`. */
export function targetKey(target: ConnectionTarget): string {
  return `${target.profile ?? '(default)'}|${target.region}|${target.endpoint ?? ''}`;
}

export function sameTarget(a: ConnectionTarget, b: ConnectionTarget): boolean {
  return targetKey(a) === targetKey(b);
}

/** One string per fleet and connection. */
export function refKey(ref: FleetRef): string {
  return `${targetKey(ref.target)}|${ref.fleetId}`;
}

/** Checks a ConnectionTarget that came from outside (a command argument, a webview's saved state). */
export function isConnectionTarget(value: unknown): value is ConnectionTarget {
  return (
    isObject(value) &&
    typeof value.region === 'string' &&
    value.region.length > 0 &&
    isOptionalString(value.profile) &&
    isOptionalString(value.endpoint)
  );
}

/** Checks a FleetRef that came from outside (a command argument, a webview's saved state). */
export function isFleetRef(value: unknown): value is FleetRef {
  if (!isObject(value) || typeof value.fleetId !== 'string' || value.fleetId.length === 0) return false;
  return isConnectionTarget(value.target);
}

export type FleetStatus =
  | 'NEW'
  | 'DOWNLOADING'
  | 'VALIDATING'
  | 'BUILDING'
  | 'ACTIVATING'
  | 'ACTIVE'
  | 'DELETING'
  | 'ERROR'
  | 'TERMINATED'
  | 'NOT_FOUND'
  | 'EXPIRED'
  // container fleets
  | 'PENDING'
  | 'CREATING'
  | 'CREATED'
  | 'UPDATING'
  | string;

export interface FleetSummary {
  readonly fleetId: string;
  readonly fleetArn?: string;
  readonly name?: string;
  readonly status?: FleetStatus;
  readonly fleetType?: string;
  readonly instanceType?: string;
  readonly operatingSystem?: string;
  readonly computeType?: string;
  readonly description?: string;
  /** Epoch milliseconds. */
  readonly creationTime?: number;
  readonly terminationTime?: number;
  readonly buildId?: string;
  readonly scriptId?: string;
  /** True for container fleets (listed by ListFleets, described by DescribeContainerFleet). */
  readonly isContainerFleet?: boolean;
  /** NewGameSessionProtectionPolicy: `FullProtection` or `NoProtection`. */
  readonly gameSessionProtection?: string;
  /** Set when describing the fleet failed: the summary then holds only what the listing knew. */
  readonly describeError?: ClassifiedError;
  /** When the failed description is tried again by a listing (epoch ms); Retry may come sooner. */
  readonly describeRetryAt?: number;
}

/** One DescribeFleetEvents event, as plain JSON. Times are epoch milliseconds. */
export interface FleetEvent {
  readonly eventId: string;
  readonly resourceId?: string;
  readonly eventCode: string;
  readonly message?: string;
  readonly eventTime?: number;
  readonly preSignedLogUrl?: string;
  readonly count?: number;
  /** When the log URL was fetched (epoch ms): it is valid for 15 minutes from then. */
  readonly fetchedAt: number;
}

/** Checks an event that came from outside (a command argument): the fields the code relies on. */
export function isFleetEvent(value: unknown): value is FleetEvent {
  return (
    isObject(value) &&
    typeof value.eventId === 'string' &&
    value.eventId.length > 0 &&
    typeof value.eventCode === 'string' &&
    typeof value.fetchedAt === 'number' &&
    isOptionalString(value.preSignedLogUrl) &&
    (value.eventTime === undefined || typeof value.eventTime === 'number')
  );
}

/** `{ref, event}`: the argument of the event commands (an event node of the tree has both). */
export function isEventArg(value: unknown): value is { ref: FleetRef; event: FleetEvent } {
  return isObject(value) && isFleetRef(value.ref) && isFleetEvent(value.event);
}

/** A time window for DescribeFleetEvents; undefined ends are open. Epoch milliseconds. */
export interface TimeWindow {
  readonly start?: number;
  readonly end?: number;
  /** Set when the window came from a preset (timeRange.ts): it is then described by name and re-anchored to "now" on refresh. */
  readonly preset?: 'lastHour' | 'last24Hours' | 'last7Days' | 'last30Days' | 'all';
}
