// How CloudWatch Logs failures are worded: the service by name and the IAM action a denied
// call needs, through the one classifier (src/gamelift/errors.ts).
import { classifyError, type ClassifiedError, type ErrorContext } from '../gamelift/errors';

/** The CloudWatch Logs actions the container log features call (the README's IAM table). */
export const LOGS_PERMISSIONS = {
  findLogGroup: 'logs:DescribeLogGroups',
  listStreams: 'logs:DescribeLogStreams',
  readStream: 'logs:GetLogEvents',
  readGroup: 'logs:FilterLogEvents',
} as const;

export function classifyLogsError(
  err: unknown,
  permission: (typeof LOGS_PERMISSIONS)[keyof typeof LOGS_PERMISSIONS],
  context: Omit<ErrorContext, 'service' | 'permission'> = {},
): ClassifiedError {
  return classifyError(err, { ...context, service: 'CloudWatch Logs', permission });
}
