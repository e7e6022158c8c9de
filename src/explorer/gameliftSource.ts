// The adapter from the explorer's FleetDataSource to the services in src/gamelift: clients
// from the one client factory, fleets, the event pager and error classification. Free of
// vscode (the caller passes the user agent and logger), so it is tested in plain Node.
import type { GameLiftClient } from '@aws-sdk/client-gamelift';
import {
  createGameLiftClient,
  forgetGameLiftClients,
  type ClientOptions,
  type LineLogger,
} from '../gamelift/clientFactory';
import { classifyError } from '../gamelift/errors';
import { FleetEventPager } from '../gamelift/eventPager';
import { describeFleet, listFleets } from '../gamelift/fleetService';
import type { ConnectionTarget } from '../gamelift/types';
import type { FleetDataSource } from './model/dataSource';

export interface SourceOptions {
  /** e.g. `vscode/1.96.0`. */
  readonly userAgentSuffix?: string;
  readonly logger?: LineLogger;
  /** Test seam: clients for a target (default: the client factory's cached clients). */
  readonly clientFor?: (target: ConnectionTarget) => GameLiftClient;
}

export function createGameLiftSource(options: SourceOptions = {}): FleetDataSource {
  const clientOptions: ClientOptions = {
    ...(options.userAgentSuffix ? { userAgentSuffix: options.userAgentSuffix } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  };
  const client = options.clientFor ?? ((target: ConnectionTarget) => createGameLiftClient(target, clientOptions));
  return {
    listFleets: (target, signal) => listFleets(client(target), { signal }),
    describeFleet: (ref, signal) => describeFleet(client(ref.target), ref.fleetId, signal),
    // The pager's SDK calls carry its own AbortSignal, so cancel/reset (abortInFlight) abort the request.
    createPager: (ref, window, pageSize) => new FleetEventPager(client(ref.target), ref.fleetId, window, pageSize),
    classifyError: (err, context) => classifyError(err, context),
    forgetClients: () => forgetGameLiftClients(),
  };
}
