// What other features (the details panel, CloudTrail fleet links) may ask of the explorer.
// Kept free of `vscode` types so it can be implemented and tested anywhere.
import type { Diagnosis } from '../diagnosis';
import type { FleetEvent, FleetRef, FleetSummary } from '../gamelift/types';
import type { FleetChange } from '../history';

/** A fleet's Changes as read so far (CloudTrail write calls, newest first). */
export interface FleetChangesView {
  readonly changes: readonly FleetChange[];
  readonly loading: boolean;
  /** True once the last 90 days were read. */
  readonly complete: boolean;
  /** Why reading failed (e.g. the missing cloudtrail:LookupEvents permission). */
  readonly error?: string;
}

export interface ExplorerApi {
  /** The fleet's events loaded so far, newest first (empty when none are loaded). */
  getLoadedEvents(ref: FleetRef): readonly FleetEvent[];
  /** A loaded event by ID (the newest copy: its log link may have been renewed). */
  findEvent(ref: FleetRef, eventId: string): FleetEvent | undefined;
  /**
   * Puts a freshly fetched copy of a loaded event in place of the old one (a renewed log link),
   * so the tree and the panels stop holding an expired link. Nothing happens when it is not loaded.
   */
  replaceEvent(ref: FleetRef, fresh: FleetEvent): void;
  /**
   * Calls `listener` whenever a fleet's loaded events change (a page, a poll, a refresh, a replaced
   * event, which comes as `replaced`) or its diagnosis does.
   */
  onDidChangeFleet(listener: (ref: FleetRef, replaced?: FleetEvent) => void): { dispose(): void };
  getFleet(ref: FleetRef): FleetSummary | undefined;
  /** The fleet's diagnosis: the last one "Diagnose fleet" made, else one from the loaded events. */
  getDiagnosis(ref: FleetRef): Diagnosis | undefined;
  /** Keeps what "Diagnose fleet" found for the tree's Diagnosis row and the panels. */
  setDiagnosis(ref: FleetRef, diagnosis: Diagnosis): void;
  /** Selects the event's node in the tree (loading nothing new). */
  revealEvent(ref: FleetRef, eventId: string): Promise<void>;
  /** The fleet's Changes read so far; starts reading them when nothing was read yet. */
  fleetChanges(ref: FleetRef): FleetChangesView;
  /** `listener` hears of every page and end of a fleet's Changes. */
  onDidChangeFleetChanges(listener: (ref: FleetRef) => void): { dispose(): void };
  /** Asks the user for a fleet with the same pick as "Fetch fleet events"; undefined when cancelled. */
  pickFleet(title: string): Promise<FleetRef | undefined>;
}
