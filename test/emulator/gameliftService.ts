// GameLift as an EmulatedService: target `GameLift.<Op>`, signing name `gamelift`, the fleet
// operations of operations.ts over the endpoint's fleets, presigned log URLs minted per answer.
import type { EventLogs } from './logs';
import { OPERATIONS, RESULT_MEMBER } from './operations';
import type { EmulatedService } from './services';
import type { EmulatorState } from './state';
import type { PageTokens } from './wire';

export function gameLiftService(state: EmulatorState, tokens: PageTokens, logs: EventLogs): EmulatedService {
  return {
    name: 'GameLift',
    signingName: 'gamelift',
    targetPrefixes: ['GameLift.'],
    errorNamespace: 'com.amazonaws.gamelift',
    namespacedErrors: false,
    modelledErrors: new Set([
      'NotFoundException',
      'InvalidRequestException',
      'UnauthorizedException',
      'UnsupportedRegionException',
      'LimitExceededException',
      'InternalServiceException',
    ]),
    resultMember: RESULT_MEMBER,
    has: (operation) => Object.prototype.hasOwnProperty.call(OPERATIONS, operation),
    handle: (request) =>
      OPERATIONS[request.operation]({
        accountId: request.accountId,
        region: request.region,
        input: request.input,
        state,
        tokens,
        now: request.now,
        logUrl: (fleet, event) => logs.mint(request.host, fleet, event),
      }),
  };
}
