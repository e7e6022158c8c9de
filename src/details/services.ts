// What the panels need from outside, injectable so tests control time and the network:
// the clock, re-fetching one event for a fresh log link, and the custom endpoints whose
// origin may serve log links. Defaults use the real GameLift client.
import * as vscode from 'vscode';
import { createGameLiftClient } from '../gamelift/clientFactory';
import { refetchEvent } from '../gamelift/eventLookup';
import type { FleetEvent, FleetRef } from '../gamelift/types';

export interface DetailsServices {
  now(): number;
  /** The same event fetched again (fresh log URL and fetchedAt); undefined when GameLift no longer has it. */
  refetch(ref: FleetRef, event: FleetEvent): Promise<FleetEvent | undefined>;
  /** Endpoints the user configured; a log URL on exactly their origin is allowed. */
  customEndpoints(ref: FleetRef): (string | undefined)[];
}

export function defaultServices(): DetailsServices {
  return {
    now: () => Date.now(),
    refetch: (ref, event) => refetchEvent(createGameLiftClient(ref.target), ref.fleetId, event),
    customEndpoints: (ref) => [
      vscode.workspace.getConfiguration('gamelift').get<string>('endpoint'),
      ref.target.endpoint,
    ],
  };
}
