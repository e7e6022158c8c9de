// Finds a container fleet's log group and lists its log streams, newest first, so the user
// can pick one stream or all of them. The log group comes from the fleet's LogConfiguration;
// when GameLift names none, it is looked up by the fleet ID in the group names.
import {
  type CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  paginateDescribeLogStreams,
} from '@aws-sdk/client-cloudwatch-logs';
import type { ContainerLogDestination } from '../gamelift/containerFleetDetails';
import { requireList, throwIfAborted } from '../gamelift/errors';
import { groupInput } from './logReader';

/** A log group to read, as plain JSON. */
export interface LogGroupRef {
  /** What the calls take: the group's name (or its ARN without `:*`). */
  readonly logGroup: string;
  readonly name: string;
  /** The Region it lives in, when known from its ARN (else the fleet's). */
  readonly region?: string;
}

export interface LogStreamSummary {
  readonly name: string;
  /** Epoch milliseconds. CloudWatch updates `lastEventTime` eventually (usually within an hour). */
  readonly lastEventTime?: number;
  readonly firstEventTime?: number;
  readonly creationTime?: number;
}

/** Streams listed for the pick; the service gives at most 50 per page. */
export const STREAM_LIMIT = 100;

/**
 * The log group of a container fleet that logs to CloudWatch: the one its LogConfiguration
 * names (no call), else the group whose name holds the fleet ID (one DescribeLogGroups, the
 * `/aws/gamelift/` one first); undefined when there is none.
 */
export async function findFleetLogGroup(
  client: CloudWatchLogsClient,
  fleetId: string,
  destination: Extract<ContainerLogDestination, { kind: 'cloudwatch' }>,
  signal?: AbortSignal,
): Promise<LogGroupRef | undefined> {
  if (destination.logGroupName) {
    return {
      logGroup: destination.logGroupName,
      name: destination.logGroupName,
      ...(destination.region ? { region: destination.region } : {}),
    };
  }
  const out = await client.send(new DescribeLogGroupsCommand({ logGroupNamePattern: fleetId, limit: 50 }), {
    abortSignal: signal,
  });
  const names = requireList(out.logGroups, 'DescribeLogGroups', 'logGroups').flatMap((g) =>
    g.logGroupName?.includes(fleetId) ? [g.logGroupName] : [],
  );
  const name = names.find((n) => n.startsWith('/aws/gamelift/')) ?? names[0];
  return name ? { logGroup: name, name } : undefined;
}

/** The group's streams, the most recently written first, up to `limit`. */
export async function listLogStreams(
  client: CloudWatchLogsClient,
  logGroup: string,
  options: { readonly signal?: AbortSignal; readonly limit?: number } = {},
): Promise<LogStreamSummary[]> {
  const limit = options.limit ?? STREAM_LIMIT;
  const streams: LogStreamSummary[] = [];
  const pager = paginateDescribeLogStreams(
    { client, pageSize: Math.min(50, limit), stopOnSameToken: true },
    { ...groupInput(logGroup), orderBy: 'LastEventTime', descending: true },
    { abortSignal: options.signal },
  );
  for await (const page of pager) {
    for (const s of requireList(page.logStreams, 'DescribeLogStreams', 'logStreams')) {
      if (!s.logStreamName) continue;
      streams.push({
        name: s.logStreamName,
        ...(s.lastEventTimestamp !== undefined ? { lastEventTime: s.lastEventTimestamp } : {}),
        ...(s.firstEventTimestamp !== undefined ? { firstEventTime: s.firstEventTimestamp } : {}),
        ...(s.creationTime !== undefined ? { creationTime: s.creationTime } : {}),
      });
    }
    if (streams.length >= limit) break;
    throwIfAborted(options.signal);
  }
  return streams.slice(0, limit);
}
