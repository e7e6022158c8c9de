// The parts of a scenario fleet that describe what it runs on: computes (listed or generated
// per location), container fleet deployments and where container logs go. Turned into the
// endpoint's records when the scenario loads; see test/emulator/README.md for the format.
import type { ComputeRecord, ContainerLogStreamSpec, DeploymentRecord, FleetRecord } from './state';
import { deterministicUuid } from './state';
import { instanceCompute } from './fleetResources';

export interface ScenarioCompute {
  readonly name: string;
  /** Default: the fleet's home Region (Anywhere fleets: their first custom location). */
  readonly location?: string;
  readonly status: string;
  readonly ipAddress?: string;
  readonly dnsName?: string;
  readonly minutesAgo?: number;
}

export interface GenerateComputes {
  /** Computes in every location of the fleet. */
  readonly perLocation: number;
  /** Every Nth compute is IMPAIRED (default: none). */
  readonly impairedEvery?: number;
  /** Every Nth compute is TERMINATING (default: none). */
  readonly terminatingEvery?: number;
}

export interface ScenarioDeployment {
  readonly deploymentId?: string;
  readonly status: string;
  readonly minutesAgo: number;
  /** The game server container group definition version deployed; the rollback target is the one before. */
  readonly version: number;
  /** Deployment status per location (default: the deployment's own status everywhere). */
  readonly locations?: Readonly<Record<string, string>>;
  readonly impairmentStrategy?: 'MAINTAIN' | 'ROLLBACK';
  readonly protectionStrategy?: 'WITH_PROTECTION' | 'IGNORE_PROTECTION';
  readonly minimumHealthyPercentage?: number;
}

export interface ScenarioContainerLogs {
  readonly destination: 'CLOUDWATCH' | 'S3' | 'NONE';
  /** CLOUDWATCH: the log group (default `/aws/gamelift/<fleetId>`). */
  readonly logGroupName?: string;
  /** S3: the bucket. */
  readonly bucket?: string;
  readonly streams?: readonly ContainerLogStreamSpec[];
}

/** The scenario fields this module reads (a subset of ScenarioFleet). */
export interface ScenarioFleetResources {
  readonly computes?: readonly ScenarioCompute[];
  readonly generateComputes?: GenerateComputes;
  readonly deployments?: readonly ScenarioDeployment[];
  readonly containerLogs?: ScenarioContainerLogs;
}

const MINUTE = 60_000;

/** Fills the fleet's computes, deployments and container log configuration from its scenario entry. */
export function addFleetResources(spec: ScenarioFleetResources, fleet: FleetRecord, now: number): void {
  if (spec.computes || spec.generateComputes) {
    fleet.computes = [
      ...(spec.computes ?? []).map((c, i) => listedCompute(c, i, fleet, now)),
      ...(spec.generateComputes ? generatedComputes(spec.generateComputes, fleet) : []),
    ];
  }
  if (spec.deployments) {
    fleet.deployments = spec.deployments
      .map((d, i) => deployment(d, i, fleet, now))
      .sort((a, b) => b.creationTime - a.creationTime);
  }
  if (spec.containerLogs) {
    const logs = spec.containerLogs;
    fleet.containerLogs = {
      destination: logs.destination,
      ...(logs.destination === 'CLOUDWATCH'
        ? { logGroupName: logs.logGroupName ?? `/aws/gamelift/${fleet.fleetId}`, streams: logs.streams ?? [] }
        : {}),
      ...(logs.destination === 'S3' ? { bucket: logs.bucket ?? `gamelift-logs-${fleet.accountId}` } : {}),
    };
  }
}

function listedCompute(c: ScenarioCompute, index: number, fleet: FleetRecord, now: number): ComputeRecord {
  const home = fleet.kind === 'anywhere' ? (fleet.locations[1]?.location ?? fleet.region) : fleet.region;
  const base = instanceCompute(fleet, c.location ?? home, c.status, index);
  return {
    ...base,
    computeName: c.name,
    ...(fleet.kind === 'anywhere' ? { instanceId: undefined } : {}),
    ...(c.ipAddress ? { ipAddress: c.ipAddress } : {}),
    ...(c.dnsName ? { dnsName: c.dnsName } : {}),
    creationTime: now - (c.minutesAgo ?? 60) * MINUTE,
  };
}

function generatedComputes(options: GenerateComputes, fleet: FleetRecord): ComputeRecord[] {
  const computes: ComputeRecord[] = [];
  for (const location of fleet.locations) {
    for (let i = 0; i < options.perLocation; i++) {
      const n = computes.length + 1;
      const status =
        options.impairedEvery && n % options.impairedEvery === 0
          ? 'IMPAIRED'
          : options.terminatingEvery && n % options.terminatingEvery === 0
            ? 'TERMINATING'
            : 'ACTIVE';
      computes.push(instanceCompute(fleet, location.location, status, computes.length));
    }
  }
  return computes;
}

function deployment(d: ScenarioDeployment, index: number, fleet: FleetRecord, now: number): DeploymentRecord {
  const definition = `arn:aws:gamelift:${fleet.region}:${fleet.accountId}:containergroupdefinition/game-server-group`;
  return {
    deploymentId: d.deploymentId ?? `deployment-${deterministicUuid(`${fleet.fleetId}/deployment/${index}`)}`,
    status: d.status,
    creationTime: now - d.minutesAgo * MINUTE,
    gameServerBinaryArn: `${definition}:${d.version}`,
    ...(d.version > 1 ? { rollbackGameServerBinaryArn: `${definition}:${d.version - 1}` } : {}),
    protectionStrategy: d.protectionStrategy ?? 'WITH_PROTECTION',
    minimumHealthyPercentage: d.minimumHealthyPercentage ?? 75,
    impairmentStrategy: d.impairmentStrategy ?? 'ROLLBACK',
    locations: d.locations ?? Object.fromEntries(fleet.locations.map((l) => [l.location, d.status])),
  };
}
