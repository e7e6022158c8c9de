// CloudWatch Logs as an EmulatedService: target `Logs_20140328.<Op>`, SigV4 signing name `logs`,
// the operations of operations.ts over the container fleets' log groups. Errors carry a bare
// `__type` (`ResourceNotFoundException`), as the service answers.
import type { EmulatedService } from '../services';
import type { PageTokens } from '../wire';
import type { LogGroupsState } from './logGroups';
import { LOGS_OPERATIONS, LOGS_RESULT_MEMBER } from './operations';

export const LOGS_TARGET_PREFIX = 'Logs_20140328.';

export function cloudWatchLogsService(logs: LogGroupsState, tokens: PageTokens): EmulatedService {
  return {
    name: 'CloudWatch Logs',
    signingName: 'logs',
    targetPrefixes: [LOGS_TARGET_PREFIX],
    errorNamespace: 'com.amazonaws.logs',
    namespacedErrors: false,
    modelledErrors: new Set([
      'ResourceNotFoundException',
      'InvalidParameterException',
      'ServiceUnavailableException',
      'AccessDeniedException',
      'ThrottlingException',
    ]),
    resultMember: LOGS_RESULT_MEMBER,
    has: (operation) => Object.prototype.hasOwnProperty.call(LOGS_OPERATIONS, operation),
    handle: (request) =>
      LOGS_OPERATIONS[request.operation]({
        accountId: request.accountId,
        region: request.region,
        input: request.input,
        now: request.now,
        logs,
        tokens,
      }),
  };
}
