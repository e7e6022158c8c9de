// Reads a container fleet's deployments: the list (ListFleetDeployments, newest first, with the
// SDK paginator) and one deployment with its status per location (DescribeFleetDeployment).
import {
  DescribeFleetDeploymentCommand,
  type FleetDeployment,
  type GameLiftClient,
  paginateListFleetDeployments,
} from '@aws-sdk/client-gamelift';
import { MalformedResponseError, requireList, throwIfAborted } from './errors';
import { epochMs } from './mapping';

/** DeploymentStatus: PENDING, IN_PROGRESS, IMPAIRED, COMPLETE, ROLLBACK_IN_PROGRESS, ROLLBACK_COMPLETE, CANCELLED. */
export type DeploymentStatus = string;

/** One deployment, as plain JSON. */
export interface FleetDeploymentSummary {
  readonly deploymentId: string;
  readonly fleetId?: string;
  readonly status: DeploymentStatus;
  /** Epoch milliseconds. */
  readonly creationTime?: number;
  /** The container group definition (version) being deployed, and the one a rollback returns to. */
  readonly gameServerBinaryArn?: string;
  readonly rollbackGameServerBinaryArn?: string;
  readonly perInstanceBinaryArn?: string;
  readonly rollbackPerInstanceBinaryArn?: string;
  /** MAINTAIN or ROLLBACK: what GameLift does when the deployment is impaired. */
  readonly impairmentStrategy?: string;
  /** WITH_PROTECTION or IGNORE_PROTECTION. */
  readonly protectionStrategy?: string;
  readonly minimumHealthyPercentage?: number;
}

/** A deployment with its status per location (DescribeFleetDeployment). */
export interface FleetDeploymentDetails extends FleetDeploymentSummary {
  readonly locations: ReadonlyArray<{ readonly location: string; readonly status: DeploymentStatus }>;
}

/** Deployments read for an overview: the newest ones are what matter. */
export const DEPLOYMENT_LIMIT = 20;

/** True while a deployment (or its rollback) is still running. */
export function isDeploymentActive(status: DeploymentStatus): boolean {
  return status === 'PENDING' || status === 'IN_PROGRESS' || status === 'ROLLBACK_IN_PROGRESS';
}

/** True for a rollback, running or done. */
export function isRollback(status: DeploymentStatus): boolean {
  return status.startsWith('ROLLBACK_');
}

/** The fleet's deployments, newest first, up to `limit`. */
export async function listFleetDeployments(
  client: GameLiftClient,
  fleetId: string,
  options: { readonly signal?: AbortSignal; readonly limit?: number } = {},
): Promise<FleetDeploymentSummary[]> {
  const limit = options.limit ?? DEPLOYMENT_LIMIT;
  const deployments: FleetDeploymentSummary[] = [];
  const pager = paginateListFleetDeployments(
    { client, pageSize: Math.min(limit, 50), stopOnSameToken: true },
    { FleetId: fleetId },
    { abortSignal: options.signal },
  );
  for await (const page of pager) {
    for (const d of requireList(page.FleetDeployments, 'ListFleetDeployments', 'FleetDeployments')) {
      const summary = toDeploymentSummary(d);
      if (summary) deployments.push(summary);
    }
    if (deployments.length >= limit) break;
    throwIfAborted(options.signal);
  }
  return deployments.slice(0, limit);
}

/** One deployment (default: the fleet's latest) with its status per location. */
export async function describeFleetDeployment(
  client: GameLiftClient,
  fleetId: string,
  deploymentId?: string,
  signal?: AbortSignal,
): Promise<FleetDeploymentDetails> {
  const out = await client.send(
    new DescribeFleetDeploymentCommand({ FleetId: fleetId, ...(deploymentId ? { DeploymentId: deploymentId } : {}) }),
    { abortSignal: signal },
  );
  const summary = out.FleetDeployment && toDeploymentSummary(out.FleetDeployment);
  if (!summary) throw new MalformedResponseError('DescribeFleetDeployment', 'has no FleetDeployment');
  const locations = Object.entries(out.LocationalDeployments ?? {}).map(([location, d]) => ({
    location,
    status: d.DeploymentStatus ?? 'UNKNOWN',
  }));
  return { ...summary, locations };
}

function toDeploymentSummary(d: FleetDeployment): FleetDeploymentSummary | undefined {
  if (!d.DeploymentId) return undefined;
  const creationTime = epochMs(d.CreationTime);
  const config = d.DeploymentConfiguration;
  return {
    deploymentId: d.DeploymentId,
    status: d.DeploymentStatus ?? 'UNKNOWN',
    ...(d.FleetId ? { fleetId: d.FleetId } : {}),
    ...(creationTime !== undefined ? { creationTime } : {}),
    ...(d.GameServerBinaryArn ? { gameServerBinaryArn: d.GameServerBinaryArn } : {}),
    ...(d.RollbackGameServerBinaryArn ? { rollbackGameServerBinaryArn: d.RollbackGameServerBinaryArn } : {}),
    ...(d.PerInstanceBinaryArn ? { perInstanceBinaryArn: d.PerInstanceBinaryArn } : {}),
    ...(d.RollbackPerInstanceBinaryArn ? { rollbackPerInstanceBinaryArn: d.RollbackPerInstanceBinaryArn } : {}),
    ...(config?.ImpairmentStrategy ? { impairmentStrategy: config.ImpairmentStrategy } : {}),
    ...(config?.ProtectionStrategy ? { protectionStrategy: config.ProtectionStrategy } : {}),
    ...(config?.MinimumHealthyPercentage !== undefined
      ? { minimumHealthyPercentage: config.MinimumHealthyPercentage }
      : {}),
  };
}
