// What other features (the fleet timeline) may ask of the event details panels. Kept free of
// `vscode` values so it can be implemented and tested anywhere.
import type { FleetEvent, FleetRef } from '../gamelift/types';

export interface DetailsApi {
  /** Shows an event in a new details panel beside the active editor (so both stay visible). */
  showEventBeside(ref: FleetRef, event: FleetEvent): void;
  /** The fleet of the details panel the user looked at last, if one is open. */
  activeFleet(): FleetRef | undefined;
}
