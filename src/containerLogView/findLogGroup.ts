// Where a container fleet's logs are: its log group in CloudWatch Logs (with the client for the
// group's Region), or, for logs sent to S3 or not collected, what to tell the user instead.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { findFleetLogGroup, type LogGroupRef } from '../containerLogs/logStreams';
import { classifyLogsError, LOGS_PERMISSIONS } from '../containerLogs/logsErrors';
import { describeContainerFleetDetails, logDestinationAdvice } from '../gamelift/containerFleetDetails';
import { classifyError, isCancellation, type ClassifiedError } from '../gamelift/errors';
import type { FleetRef } from '../gamelift/types';
import type { ContainerLogDeps } from './containerLogDeps';

export type FleetLogGroup =
  | { readonly kind: 'group'; readonly group: LogGroupRef; readonly client: CloudWatchLogsClient }
  /** S3, NONE, or no group found yet: a sentence saying where the logs are or how to turn them on. */
  | { readonly kind: 'advice'; readonly message: string }
  | { readonly kind: 'error'; readonly error: ClassifiedError };

export async function fleetLogGroup(
  deps: ContainerLogDeps,
  ref: FleetRef,
  signal: AbortSignal,
): Promise<FleetLogGroup> {
  const { target, fleetId } = ref;
  const context = { profile: target.profile, region: target.region, fleetId };
  let details;
  try {
    details = await describeContainerFleetDetails(deps.clients.clientFor('gamelift', target), fleetId, signal);
  } catch (err) {
    if (isCancellation(err)) throw err;
    return {
      kind: 'error',
      error: classifyError(err, { ...context, action: `Reading the log configuration of ${fleetId}` }),
    };
  }
  if (details.logs.kind !== 'cloudwatch') {
    return {
      kind: 'advice',
      message: logDestinationAdvice(fleetId, details.logs) ?? `${fleetId} has no container logs.`,
    };
  }
  const region = details.logs.region ?? target.region;
  const client = deps.clients.clientFor('logs', { ...target, region });
  try {
    const group = await findFleetLogGroup(client, fleetId, details.logs, signal);
    if (!group) {
      return {
        kind: 'advice',
        message: `No CloudWatch Logs group of ${fleetId} was found in ${region}: GameLift creates it when the fleet's first container writes a line.`,
      };
    }
    return { kind: 'group', group, client };
  } catch (err) {
    if (isCancellation(err)) throw err;
    return {
      kind: 'error',
      error: classifyLogsError(err, LOGS_PERMISSIONS.findLogGroup, {
        ...context,
        region,
        action: `Finding the log group of ${fleetId}`,
      }),
    };
  }
}
