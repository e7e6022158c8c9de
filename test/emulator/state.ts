// The endpoint's in-memory world: fleets owned by (account, region) and each fleet's events,
// kept newest first. Tests read it to compare what the extension shows with what the endpoint
// holds, and mutate it (add events, delete fleets, change status) while a client is paging.
import { createHash } from 'node:crypto';

export type FleetKind = 'ec2' | 'anywhere' | 'container';

export interface EventRecord {
  readonly eventId: string;
  readonly resourceId: string;
  readonly eventCode: string;
  readonly message: string;
  /** Epoch milliseconds. */
  readonly eventTime: number;
  /** When true, DescribeFleetEvents mints a fresh PreSignedLogUrl for this event. */
  readonly hasLog: boolean;
  readonly count?: number;
  /** Log text served at the presigned URL; a plausible one is generated when absent. */
  readonly logText?: string;
  /** A fixed PreSignedLogUrl sent instead of a minted one (hostile-payload tests). */
  readonly logUrl?: string;
  /** How the log is served: plain text (default), gzip-compressed, or a zip holding it and the server log. */
  readonly logFormat?: LogFormat;
}

export type LogFormat = 'text' | 'gzip' | 'zip';

/** What a fleet's build holds and prints, for the creation logs (stageLogs.ts). */
export interface BuildContents {
  /** Paths relative to the build root, `/`-separated; shown under /local/game or C:\game. */
  readonly files: readonly string[];
  /** What the install script prints, one log line each (raw, e.g. with a carriage return). */
  readonly installOutput?: readonly string[];
  /** The install script's exit code (default 0). */
  readonly installExitCode?: number;
  /** Lines the download or extraction prints before it fails (a damaged archive). */
  readonly extractError?: readonly string[];
  /** What the server executable prints when GameLift starts it (validation, activation, crashes). */
  readonly serverOutput?: readonly string[];
}

export interface LocationRecord {
  readonly location: string;
  status: string;
  /** DescribeFleetLocationAttributes' StoppedActions, e.g. ['AUTO_SCALING']. */
  stoppedActions?: string[];
  /** DescribeFleetLocationAttributes' UpdateStatus ('PENDING_UPDATE'). */
  updateStatus?: string;
  /** This location's instance counts; the home Region's are the fleet's `capacity`. */
  capacity?: CapacityRecord;
}

/** One compute of ListCompute: an EC2 instance, a registered Anywhere compute or a container fleet's instance. */
export interface ComputeRecord {
  readonly computeName: string;
  readonly location: string;
  /** PENDING, ACTIVE, TERMINATING or IMPAIRED. */
  status: string;
  readonly ipAddress?: string;
  readonly dnsName?: string;
  readonly instanceId?: string;
  /** Epoch milliseconds. */
  readonly creationTime: number;
  /** Container fleets: the containers running on the compute. */
  readonly containers?: ReadonlyArray<{ readonly name: string; readonly runtimeId: string }>;
}

/** One container fleet deployment (ListFleetDeployments / DescribeFleetDeployment). */
export interface DeploymentRecord {
  readonly deploymentId: string;
  /** PENDING, IN_PROGRESS, IMPAIRED, COMPLETE, ROLLBACK_IN_PROGRESS, ROLLBACK_COMPLETE or CANCELLED. */
  status: string;
  /** Epoch milliseconds. */
  readonly creationTime: number;
  readonly gameServerBinaryArn?: string;
  readonly rollbackGameServerBinaryArn?: string;
  readonly perInstanceBinaryArn?: string;
  readonly rollbackPerInstanceBinaryArn?: string;
  readonly protectionStrategy: string;
  readonly minimumHealthyPercentage: number;
  readonly impairmentStrategy: string;
  /** DeploymentStatus per location (LocationalDeployments). */
  readonly locations: Record<string, string>;
}

/** Where a container fleet's logs go (its LogConfiguration) and, for CloudWatch, what its log group holds. */
export interface ContainerLogsRecord {
  readonly destination: 'CLOUDWATCH' | 'S3' | 'NONE';
  /** CLOUDWATCH: the log group's name (LogConfiguration carries its ARN). */
  readonly logGroupName?: string;
  /** S3: the bucket. */
  readonly bucket?: string;
  /** CLOUDWATCH: the log streams, written at load time (cloudwatchLogs/logGroups.ts reads them). */
  readonly streams?: readonly ContainerLogStreamSpec[];
}

/** A log stream of a container fleet's log group: fixed lines, generated lines, or both. */
export interface ContainerLogStreamSpec {
  readonly name: string;
  /** Lines with their age in seconds (oldest first is not required). */
  readonly lines?: ReadonlyArray<{ readonly secondsAgo: number; readonly message: string }>;
  /** `count` generated game-server lines spread over the last `minutes`. */
  readonly generate?: { readonly count: number; readonly minutes: number; readonly seed?: number };
}

export interface CapacityRecord {
  DESIRED: number;
  MINIMUM: number;
  MAXIMUM: number;
  PENDING: number;
  ACTIVE: number;
  IDLE: number;
  TERMINATING: number;
}

export interface FleetRecord {
  readonly accountId: string;
  readonly region: string;
  readonly fleetId: string;
  readonly fleetArn: string;
  readonly kind: FleetKind;
  name?: string;
  description?: string;
  status: string;
  fleetType?: string;
  instanceType?: string;
  operatingSystem?: string;
  buildId?: string;
  scriptId?: string;
  /** Epoch milliseconds. */
  creationTime: number;
  terminationTime?: number;
  /** Extra PascalCase members passed through to the describe output as they are. */
  extra: Record<string, unknown>;
  locations: LocationRecord[];
  capacity: CapacityRecord;
  /** DescribeRuntimeConfiguration's RuntimeConfiguration (PascalCase); a default by OS when absent. */
  runtimeConfiguration?: Record<string, unknown>;
  /** The build's files and outputs, for the creation logs; absent: generic logs. */
  build?: BuildContents;
  /** Newest first (ties broken by EventId) — the order DescribeFleetEvents returns them in. */
  events: EventRecord[];
  /** ListCompute's computes; when absent, one per instance of each location's capacity (fleetResources.ts). */
  computes?: ComputeRecord[];
  /** Container fleets: deployments, newest first. */
  deployments?: DeploymentRecord[];
  /** Container fleets: the LogConfiguration and log group (default: CLOUDWATCH without a named group). */
  containerLogs?: ContainerLogsRecord;
}

export interface NewEvent {
  readonly eventCode: string;
  readonly message?: string;
  /** Epoch ms; defaults to the endpoint clock's now. */
  readonly eventTime?: number;
  readonly eventId?: string;
  readonly resourceId?: string;
  readonly hasLog?: boolean;
  readonly count?: number;
  readonly logText?: string;
}

/** Sort key: newer first, then EventId ascending, so paging cursors are total. */
export function compareEvents(
  a: Pick<EventRecord, 'eventTime' | 'eventId'>,
  b: Pick<EventRecord, 'eventTime' | 'eventId'>,
): number {
  if (a.eventTime !== b.eventTime) return b.eventTime - a.eventTime;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** A UUID-shaped id derived from a seed string, so scenarios produce the same ids every run. */
export function deterministicUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function fleetArn(region: string, accountId: string, fleetId: string): string {
  const resource = fleetId.startsWith('containerfleet-') ? 'containerfleet' : 'fleet';
  return `arn:aws:gamelift:${region}:${accountId}:${resource}/${fleetId}`;
}

/** Accepts a fleet ID or a fleet ARN and returns the fleet ID. */
export function fleetIdFromIdOrArn(idOrArn: string): string {
  const slash = idOrArn.lastIndexOf('/');
  return idOrArn.startsWith('arn:') && slash >= 0 ? idOrArn.slice(slash + 1) : idOrArn;
}

export class EmulatorState {
  private readonly fleetsById = new Map<string, FleetRecord>();
  private eventCounter = 0;

  constructor(private readonly clock: () => number) {}

  /** Every fleet, in insertion order. */
  allFleets(): FleetRecord[] {
    return [...this.fleetsById.values()];
  }

  /** Fleets of one account in one region, ordered by fleet ID (the ListFleets order). */
  fleetsOf(accountId: string, region: string): FleetRecord[] {
    return this.allFleets()
      .filter((f) => f.accountId === accountId && f.region === region)
      .sort((a, b) => (a.fleetId < b.fleetId ? -1 : a.fleetId > b.fleetId ? 1 : 0));
  }

  /** A fleet by ID or ARN; with account/region given, only if it belongs there. */
  getFleet(idOrArn: string, accountId?: string, region?: string): FleetRecord | undefined {
    const fleet = this.fleetsById.get(fleetIdFromIdOrArn(idOrArn));
    if (!fleet) return undefined;
    if (accountId !== undefined && fleet.accountId !== accountId) return undefined;
    if (region !== undefined && fleet.region !== region) return undefined;
    if (idOrArn.startsWith('arn:') && idOrArn !== fleet.fleetArn) return undefined;
    return fleet;
  }

  /** Events of a fleet, newest first (a live view: do not mutate). */
  events(fleetId: string): readonly EventRecord[] {
    return this.fleetsById.get(fleetIdFromIdOrArn(fleetId))?.events ?? [];
  }

  addFleet(fleet: FleetRecord): FleetRecord {
    if (this.fleetsById.has(fleet.fleetId)) throw new Error(`Fleet ${fleet.fleetId} already exists`);
    fleet.events.sort(compareEvents);
    this.fleetsById.set(fleet.fleetId, fleet);
    return fleet;
  }

  /** Adds one event to a fleet (kept in newest-first order) and returns it. */
  addEvent(fleetId: string, event: NewEvent): EventRecord {
    const fleet = this.requireFleet(fleetId);
    this.eventCounter += 1;
    const record: EventRecord = {
      eventId: event.eventId ?? deterministicUuid(`${fleet.fleetId}/added/${this.eventCounter}/${event.eventCode}`),
      resourceId: event.resourceId ?? fleet.fleetId,
      eventCode: event.eventCode,
      message: event.message ?? `${event.eventCode} for fleet ${fleet.fleetId}.`,
      eventTime: event.eventTime ?? this.clock(),
      hasLog: event.hasLog ?? false,
      ...(event.count !== undefined ? { count: event.count } : {}),
      ...(event.logText !== undefined ? { logText: event.logText } : {}),
    };
    insertSorted(fleet.events, record);
    return record;
  }

  /** Removes a fleet entirely (subsequent calls naming it get NotFoundException). */
  deleteFleet(fleetId: string): boolean {
    return this.fleetsById.delete(fleetIdFromIdOrArn(fleetId));
  }

  setFleetStatus(fleetId: string, status: string): void {
    this.requireFleet(fleetId).status = status;
  }

  /** A summary without the events themselves (for the control endpoint). */
  summary(): Array<Record<string, unknown>> {
    return this.allFleets().map((f) => ({
      accountId: f.accountId,
      region: f.region,
      fleetId: f.fleetId,
      fleetArn: f.fleetArn,
      kind: f.kind,
      name: f.name,
      status: f.status,
      eventCount: f.events.length,
    }));
  }

  private requireFleet(fleetId: string): FleetRecord {
    const fleet = this.fleetsById.get(fleetIdFromIdOrArn(fleetId));
    if (!fleet) throw new Error(`Unknown fleet ${fleetId}`);
    return fleet;
  }
}

/** Inserts `record` into `events` (newest first, ties by EventId) where compareEvents puts it. */
export function insertSorted<T extends Pick<EventRecord, 'eventTime' | 'eventId'>>(events: T[], record: T): void {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareEvents(events[mid], record) <= 0) lo = mid + 1;
    else hi = mid;
  }
  events.splice(lo, 0, record);
}
