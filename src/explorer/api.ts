// What other features (the details panel, CloudTrail fleet links) may ask of the explorer.
// Kept free of `vscode` types so it can be implemented and tested anywhere.
import type { FleetEvent, FleetRef, FleetSummary } from '../gamelift/types';

export interface ExplorerApi {
  /** The fleet's events loaded so far, newest first (empty when none are loaded). */
  getLoadedEvents(ref: FleetRef): readonly FleetEvent[];
  getFleet(ref: FleetRef): FleetSummary | undefined;
  /** Selects the event's node in the tree (loading nothing new). */
  revealEvent(ref: FleetRef, eventId: string): Promise<void>;
  /** Asks the user for a fleet with the same pick as "Fetch fleet events"; undefined when cancelled. */
  pickFleet(title: string): Promise<FleetRef | undefined>;
}
