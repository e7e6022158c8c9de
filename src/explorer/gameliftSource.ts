// The adapter from the explorer's FleetDataSource to the services in src/gamelift: clients
// from the one client factory, fleets, the event pager and error classification. Free of
// vscode (the caller passes the user agent and logger), so it is tested in plain Node.
import type { GameLiftClient } from '@aws-sdk/client-gamelift';
import { createGameLiftClient, forgetGameLiftClients, type ClientOptions, type LineLogger } from '../gamelift/clientFactory';
import { classifyError } from '../gamelift/errors';
import { FleetEventPager } from '../gamelift/eventPager';
import { describeFleet, listFleets } from '../gamelift/fleetService';
import type { ConnectionTarget } from '../gamelift/types';
import type { EventPagerLike, FleetDataSource } from './model/dataSource';

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
    createPager: (ref, window, pageSize) => abortablePager(client(ref.target), ref.fleetId, window, pageSize),
    classifyError: (err, context) => classifyError(err, context),
    forgetClients: () => forgetGameLiftClients(),
  };
}

/**
 * A pager whose SDK calls carry an AbortSignal the explorer controls: the pager shares one
 * request among all callers, so aborting is the owner's decision (a cancelled "Fetch fleet
 * events", a reset), not any single caller's.
 */
function abortablePager(base: GameLiftClient, fleetId: string, window: Parameters<FleetDataSource['createPager']>[1], pageSize: number): EventPagerLike {
  let controller = new AbortController();
  const client = new Proxy(base, {
    get(target, property, receiver) {
      if (property !== 'send') return Reflect.get(target, property, receiver);
      return (command: Parameters<GameLiftClient['send']>[0], sendOptions?: { abortSignal?: AbortSignal }) =>
        target.send(command as never, { ...sendOptions, abortSignal: controller.signal });
    },
  });
  const pager = new FleetEventPager(client, fleetId, window, pageSize) as FleetEventPager & Pick<EventPagerLike, 'abortInFlight'>;
  pager.abortInFlight = () => {
    controller.abort();
    controller = new AbortController();
  };
  return pager;
}
