// The adapter from the explorer's FleetDataSource to the services in src/gamelift:
// clients from the one client factory, fleets, the event pager, one-shot fetches and
// error classification. Nothing else in the explorer imports the SDK.
import * as vscode from 'vscode';
import { createGameLiftClient, forgetGameLiftClients, type ClientOptions } from '../gamelift/clientFactory';
import { classifyError } from '../gamelift/errors';
import { FleetEventPager, fetchEvents } from '../gamelift/eventPager';
import { describeFleet, listFleets } from '../gamelift/fleetService';
import type { ConnectionTarget } from '../gamelift/types';
import type { FleetDataSource } from './model/dataSource';

export function createGameLiftSource(log: vscode.LogOutputChannel): FleetDataSource {
  // Only warnings and errors from the SDK: its debug output is noisy, and the factory redacts it.
  const options: ClientOptions = {
    userAgentSuffix: `vscode/${vscode.version}`,
    logger: { debug: () => undefined, info: () => undefined, warn: (m) => log.warn(m), error: (m) => log.error(m) },
  };
  const client = (target: ConnectionTarget) => createGameLiftClient(target, options);
  return {
    listFleets: (target, signal) => listFleets(client(target), { signal }),
    describeFleet: (ref, signal) => describeFleet(client(ref.target), ref.fleetId, signal),
    createPager: (ref, window, pageSize) => new FleetEventPager(client(ref.target), ref.fleetId, window, pageSize),
    fetchEvents: (ref, window, o) =>
      fetchEvents(client(ref.target), ref.fleetId, window, {
        limit: o.limit,
        pageSize: o.pageSize,
        signal: o.signal,
        onPage: (page) => o.onPage?.(page.total),
      }),
    classifyError: (err, context) => classifyError(err, context),
    forgetClients: () => forgetGameLiftClients(),
  };
}
