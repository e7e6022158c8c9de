// LookupEvents failures in words a person can act on: a denied call names the missing
// permission (cloudtrail:LookupEvents), throttling names CloudTrail's limit; everything else
// (credentials, network, cancellation) is classified as for GameLift calls.
import { classifyError, type ClassifiedError, type ErrorContext } from '../../gamelift/errors';
import { redactSecrets } from '../../gamelift/redact';

export const LOOKUP_PERMISSION = 'cloudtrail:LookupEvents';

const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnauthorizedException']);
const THROTTLED = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded']);

export function classifyLookupError(
  err: unknown,
  context: Omit<ErrorContext, 'action' | 'fleetId'> = {},
): ClassifiedError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    name?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
  };
  const name = e.name ?? '';
  const where = [context.profile ? `profile "${context.profile}"` : '', context.region ?? '']
    .filter(Boolean)
    .join(', ');
  const at = where ? ` (${where})` : '';
  const requestId = e.$metadata?.requestId;
  const base = {
    code: name,
    ...(requestId ? { requestId } : {}),
    ...(context.profile ? { profile: context.profile } : {}),
  };
  if (DENIED.has(name) || (e.$metadata?.httpStatusCode === 403 && !/signature|security token/i.test(e.message ?? ''))) {
    return {
      kind: 'unauthorized',
      message: redactSecrets(
        `Not allowed to read the CloudTrail event history${at}: the IAM identity needs the permission ${LOOKUP_PERMISSION}.` +
          (e.message ? ` AWS said: ${e.message}` : ''),
      ),
      retryable: false,
      ...base,
    };
  }
  if (THROTTLED.has(name)) {
    const attempts = e.$metadata?.attempts;
    return {
      kind: 'throttled',
      message: `CloudTrail is limiting LookupEvents calls${at} (2 per second per account and Region)${
        attempts && attempts > 1 ? ` and they still failed after ${attempts} attempts` : ''
      }. Wait a moment and retry.`,
      retryable: true,
      ...base,
    };
  }
  if (name === 'InvalidNextTokenException') {
    return {
      kind: 'invalidRequest',
      message: `CloudTrail refused the page token${at}; the history is read again from the start on retry.`,
      retryable: true,
      ...base,
    };
  }
  return classifyError(err, { action: 'Reading the CloudTrail event history', ...context });
}
