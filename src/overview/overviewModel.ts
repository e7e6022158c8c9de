// Turns what each overview section loaded into the plain JSON the page renders: attribute rows,
// launch paths, a row per location with its counts, a row per compute, deployments with their
// status per location, the log destination. Statuses get a word and a tone (colour and icon on
// the page); times are formatted here. Pure: no vscode.
import type { ComputeSummary } from '../gamelift/computes';
import { logDestinationAdvice, type ContainerLogDestination } from '../gamelift/containerFleetDetails';
import type { OverviewSectionData } from '../gamelift/fleetOverview';
import type { LocationsSummary } from '../gamelift/fleetResourceSummary';
import type { RuntimeConfiguration } from '../gamelift/runtimeConfiguration';
import type { FleetSummary } from '../gamelift/types';
import { fleetStatusLabel } from '../explorer/model/fleetStatus';
import { formatUtc } from '../common/timeFormat';
import { toneForStatus } from '../timeline/timelineModel';
import type {
  AttributesView,
  ComputeFilterView,
  ComputesView,
  ComputeView,
  DeploymentsView,
  FieldView,
  LocationsView,
  LogsView,
  RuntimeView,
  StatusView,
  Tone,
} from './protocol';

/** A fleet or location status (NEW … ACTIVE, ERROR, DELETING …). */
export function fleetStatusView(status: string): StatusView {
  return { status, label: fleetStatusLabel(status), tone: toneForStatus(status) };
}

const COMPUTE_TONES: Readonly<Record<string, Tone>> = {
  ACTIVE: 'ok',
  PENDING: 'progress',
  TERMINATING: 'warning',
  IMPAIRED: 'error',
};

export function computeStatusView(status: string): StatusView {
  return { status, label: fleetStatusLabel(status), tone: COMPUTE_TONES[status] ?? 'unknown' };
}

const DEPLOYMENT_TONES: Readonly<Record<string, Tone>> = {
  COMPLETE: 'ok',
  PENDING: 'progress',
  IN_PROGRESS: 'progress',
  IMPAIRED: 'error',
  ROLLBACK_IN_PROGRESS: 'warning',
  ROLLBACK_COMPLETE: 'warning',
  CANCELLED: 'ended',
};

export function deploymentStatusView(status: string): StatusView {
  return { status, label: fleetStatusLabel(status), tone: DEPLOYMENT_TONES[status] ?? 'unknown' };
}

/** Rows in order, leaving out the values the fleet does not have. */
function fields(rows: ReadonlyArray<readonly [string, string | number | undefined, boolean?]>): FieldView[] {
  return rows.flatMap(([label, value, mono]) =>
    value === undefined || value === '' ? [] : [{ label, value: String(value), ...(mono ? { mono } : {}) }],
  );
}

const time = (ms: number | undefined) => (ms === undefined ? undefined : formatUtc(ms));

export function attributesView(data: OverviewSectionData['attributes']): AttributesView {
  const s = data.summary;
  const c = data.container;
  return {
    kind: 'attributes',
    fields: fields([
      ['Name', s.name],
      ['Fleet ID', s.fleetId, true],
      ['Status', s.status],
      ['Description', s.description],
      ['Fleet type', s.fleetType],
      ['Compute type', s.computeType],
      ['Instance type', s.instanceType],
      ['Operating system', s.operatingSystem],
      ['Build ID', s.buildId, true],
      ['Script ID', s.scriptId, true],
      ['Created', time(s.creationTime)],
      ['Terminated', time(s.terminationTime)],
      ['Game session protection', s.gameSessionProtection],
      ['Game server container group definition', c?.gameServerContainerGroupDefinitionArn, true],
      ['Per-instance container group definition', c?.perInstanceContainerGroupDefinitionArn, true],
      ['Game server container groups per instance', c?.gameServerContainerGroupsPerInstance],
      ['Latest deployment', c?.latestDeploymentId, true],
      ['Fleet role', c?.fleetRoleArn, true],
      ['ARN', s.fleetArn, true],
    ]),
  };
}

export function runtimeView(config: RuntimeConfiguration | undefined): RuntimeView {
  return {
    kind: 'runtime',
    processes: (config?.serverProcesses ?? []).map((p) => ({
      launchPath: p.launchPath,
      ...(p.parameters ? { parameters: p.parameters } : {}),
      concurrentExecutions: p.concurrentExecutions,
    })),
    fields: fields([
      ['Game session activations at once, per instance', config?.maxConcurrentGameSessionActivations],
      [
        'Game session activation timeout',
        config?.gameSessionActivationTimeoutSeconds === undefined
          ? undefined
          : `${config.gameSessionActivationTimeoutSeconds} s`,
      ],
    ]),
  };
}

export function locationsView(summary: LocationsSummary, fleet: FleetSummary, home: string): LocationsView {
  return {
    kind: 'locations',
    multiLocation: summary.multiLocation,
    hasCounts: fleet.computeType !== 'ANYWHERE',
    locations: summary.locations.map((l) => ({
      location: l.location,
      home: l.location === home,
      ...(l.status ? { status: fleetStatusView(l.status) } : {}),
      stoppedActions: [...(l.stoppedActions ?? [])],
      ...(l.updateStatus ? { updateStatus: l.updateStatus } : {}),
      ...(l.instances ? { instances: { ...l.instances } } : {}),
      ...(l.containerGroups ? { containerGroups: { ...l.containerGroups } } : {}),
      ...(l.capacityError ? { capacityError: l.capacityError.message } : {}),
    })),
  };
}

export function computeView(c: ComputeSummary): ComputeView {
  const instance = [c.instanceType, c.operatingSystem].filter((p) => p).join(', ');
  const instanceText = c.instanceId ? `${c.instanceId}${instance ? ` (${instance})` : ''}` : instance;
  return {
    name: c.name,
    status: computeStatusView(c.status),
    attention: c.status === 'IMPAIRED' || c.status === 'TERMINATING',
    ...(c.location ? { location: c.location } : {}),
    ...(c.ipAddress || c.dnsName ? { address: c.ipAddress ?? c.dnsName } : {}),
    ...(instanceText ? { instance: instanceText } : {}),
    ...(c.creationTime !== undefined ? { created: formatUtc(c.creationTime) } : {}),
    ...(c.containers?.length ? { containers: c.containers.map((k) => k.name) } : {}),
  };
}

export interface ComputesState {
  readonly computes: readonly ComputeSummary[];
  readonly hasMore: boolean;
  readonly filter: ComputeFilterView;
  readonly isContainerFleet: boolean;
  readonly loadingMore: boolean;
  readonly moreError?: string;
}

export function computesView(state: ComputesState): ComputesView {
  return {
    kind: 'computes',
    computes: state.computes.map(computeView),
    hasMore: state.hasMore,
    filter: state.filter,
    statusFilter: state.isContainerFleet,
    loadingMore: state.loadingMore,
    ...(state.moreError ? { moreError: state.moreError } : {}),
  };
}

export function deploymentsView(data: OverviewSectionData['deployments']): DeploymentsView {
  const latest = data.latest;
  return {
    kind: 'deployments',
    deployments: data.deployments.map((d) => ({
      deploymentId: d.deploymentId,
      status: deploymentStatusView(d.status),
      rollback: d.status.startsWith('ROLLBACK_'),
      ...(d.creationTime !== undefined ? { created: formatUtc(d.creationTime) } : {}),
    })),
    ...(latest
      ? {
          latest: {
            deploymentId: latest.deploymentId,
            status: deploymentStatusView(latest.status),
            locations: latest.locations.map((l) => ({ location: l.location, status: deploymentStatusView(l.status) })),
            fields: fields([
              ['Container group definition', latest.gameServerBinaryArn, true],
              ['Rolls back to', latest.rollbackGameServerBinaryArn, true],
              ['Per-instance container group definition', latest.perInstanceBinaryArn, true],
              ['When impaired', latest.impairmentStrategy],
              ['Game session protection', latest.protectionStrategy],
              [
                'Minimum healthy',
                latest.minimumHealthyPercentage === undefined ? undefined : `${latest.minimumHealthyPercentage} %`,
              ],
              ['Started', time(latest.creationTime)],
            ]),
          },
        }
      : {}),
  };
}

export function logsView(fleetId: string, logs: ContainerLogDestination): LogsView {
  const advice = logDestinationAdvice(fleetId, logs);
  switch (logs.kind) {
    case 'cloudwatch':
      return {
        kind: 'logs',
        destination: 'cloudwatch',
        fields: fields([
          ['Destination', 'CloudWatch Logs'],
          [
            'Log group',
            logs.logGroupName ?? (logs.logGroupArn ? undefined : `the group whose name holds ${fleetId}`),
            !!logs.logGroupName,
          ],
          ['Region', logs.region],
          ['Account', logs.accountId],
          ['Log group ARN', logs.logGroupArn, true],
        ]),
      };
    case 's3':
      return {
        kind: 'logs',
        destination: 's3',
        fields: fields([
          ['Destination', 'Amazon S3'],
          ['Bucket', logs.bucket, true],
        ]),
        ...(advice ? { advice } : {}),
      };
    default:
      return {
        kind: 'logs',
        destination: 'none',
        fields: fields([['Destination', 'None (LogDestination NONE)']]),
        ...(advice ? { advice } : {}),
      };
  }
}
