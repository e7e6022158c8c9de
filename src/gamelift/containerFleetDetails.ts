// Reads what an overview shows of a container fleet beyond its summary (DescribeContainerFleet):
// where its logs go (CloudWatch log group, S3 bucket or nowhere), its locations, the container
// group definitions and the latest deployment.
import { DescribeContainerFleetCommand, type GameLiftClient, type LogConfiguration } from '@aws-sdk/client-gamelift';
import { MalformedResponseError } from './errors';
import type { FleetLocationState } from './fleetLocations';
import { fromContainerFleet } from './mapping';
import type { FleetSummary } from './types';

/** Where a container fleet's logs go, with what is needed to read them. */
export type ContainerLogDestination =
  | {
      readonly kind: 'cloudwatch';
      /** The log group's ARN as GameLift reports it (absent: the service named none). */
      readonly logGroupArn?: string;
      /** Parsed from the ARN: what CloudWatch Logs calls take, and where the group lives. */
      readonly logGroupName?: string;
      readonly region?: string;
      readonly accountId?: string;
    }
  | { readonly kind: 's3'; readonly bucket?: string }
  | { readonly kind: 'none' };

export interface ContainerFleetDetails {
  readonly summary: FleetSummary;
  readonly logs: ContainerLogDestination;
  /** Home Region first, as DescribeContainerFleet lists them. */
  readonly locations: readonly FleetLocationState[];
  readonly gameServerContainerGroupDefinitionArn?: string;
  readonly perInstanceContainerGroupDefinitionArn?: string;
  readonly gameServerContainerGroupsPerInstance?: number;
  readonly latestDeploymentId?: string;
  readonly fleetRoleArn?: string;
}

export async function describeContainerFleetDetails(
  client: GameLiftClient,
  fleetId: string,
  signal?: AbortSignal,
): Promise<ContainerFleetDetails> {
  const out = await client.send(new DescribeContainerFleetCommand({ FleetId: fleetId }), { abortSignal: signal });
  const fleet = out.ContainerFleet;
  if (!fleet) throw new MalformedResponseError('DescribeContainerFleet', 'has no ContainerFleet');
  return {
    summary: fromContainerFleet(fleet),
    logs: logDestinationOf(fleet.LogConfiguration),
    locations: (fleet.LocationAttributes ?? []).flatMap((l) =>
      l.Location ? [{ location: l.Location, ...(l.Status ? { status: l.Status } : {}) }] : [],
    ),
    ...(fleet.GameServerContainerGroupDefinitionArn
      ? { gameServerContainerGroupDefinitionArn: fleet.GameServerContainerGroupDefinitionArn }
      : {}),
    ...(fleet.PerInstanceContainerGroupDefinitionArn
      ? { perInstanceContainerGroupDefinitionArn: fleet.PerInstanceContainerGroupDefinitionArn }
      : {}),
    ...(fleet.GameServerContainerGroupsPerInstance !== undefined
      ? { gameServerContainerGroupsPerInstance: fleet.GameServerContainerGroupsPerInstance }
      : {}),
    ...(fleet.DeploymentDetails?.LatestDeploymentId
      ? { latestDeploymentId: fleet.DeploymentDetails.LatestDeploymentId }
      : {}),
    ...(fleet.FleetRoleArn ? { fleetRoleArn: fleet.FleetRoleArn } : {}),
  };
}

/** LogConfiguration → ContainerLogDestination. CLOUDWATCH is the API's default when nothing is said. */
export function logDestinationOf(config: LogConfiguration | undefined): ContainerLogDestination {
  switch (config?.LogDestination ?? 'CLOUDWATCH') {
    case 'NONE':
      return { kind: 'none' };
    case 'S3':
      return { kind: 's3', ...(config?.S3BucketName ? { bucket: config.S3BucketName } : {}) };
    default: {
      const arn = config?.LogGroupArn;
      return { kind: 'cloudwatch', ...(arn ? { logGroupArn: arn, ...parseLogGroupArn(arn) } : {}) };
    }
  }
}

/**
 * `arn:<partition>:logs:<region>:<account>:log-group:<name>[:*]` → its parts; nothing for
 * anything else (the name is then unknown and must be found another way).
 */
export function parseLogGroupArn(arn: string): { logGroupName?: string; region?: string; accountId?: string } {
  const match = /^arn:[a-z-]+:logs:([a-z0-9-]*):(\d*):log-group:(.+?)(?::\*)?$/.exec(arn.trim());
  if (!match) return {};
  return {
    logGroupName: match[3],
    ...(match[1] ? { region: match[1] } : {}),
    ...(match[2] ? { accountId: match[2] } : {}),
  };
}

/** What to tell a person about where the fleet's container logs are, when they are not in CloudWatch. */
export function logDestinationAdvice(fleetId: string, logs: ContainerLogDestination): string | undefined {
  switch (logs.kind) {
    case 's3':
      return logs.bucket
        ? `Container logs of ${fleetId} go to the S3 bucket ${logs.bucket} (in the fleet's home Region). Open them with the S3 console or \`aws s3 ls s3://${logs.bucket}/\`.`
        : `Container logs of ${fleetId} go to an S3 bucket that GameLift did not name.`;
    case 'none':
      return `${fleetId} does not collect container logs (LogDestination NONE). To collect them, update the fleet's log configuration, e.g. \`aws gamelift update-container-fleet --fleet-id ${fleetId} --log-configuration LogDestination=CLOUDWATCH,LogGroupArn=<log group ARN>\` (the fleet role needs permission to write there).`;
    default:
      return undefined;
  }
}
