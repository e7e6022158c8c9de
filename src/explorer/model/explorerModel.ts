// Everything the explorer knows, free of vscode: the connections from settings, their fleet
// lists, per-fleet event state, the filter, and fleets fetched by command from connections
// the settings do not list ("pinned"). The tree and the commands read and change it.
import type { ClientFactory } from '../../gamelift/clientFactory';
import type { ListFleetsOptions } from '../../gamelift/fleetService';
import {
  type FleetEvent,
  refKey,
  targetKey,
  type ConnectionTarget,
  type FleetRef,
  type FleetSummary,
  type TimeWindow,
} from '../../gamelift/types';
import { LookupHistories } from '../../history';
import { ConnectionState } from './connectionState';
import { NO_FILTER, type EventFilter } from './eventFilter';
import { FleetChangesState } from './fleetChanges';
import { FleetState } from './fleetState';

export interface ModelOptions {
  pageSize: number;
  /** The window a fleet starts with (from the default-time-range setting). */
  defaultWindow: () => TimeWindow;
  /** The clock for events' `fetchedAt`. */
  now: () => number;
  /** ListFleets page and DescribeFleetAttributes batch sizes (default: fleetService's). */
  fleetListing?: Pick<ListFleetsOptions, 'pageSize' | 'batchSize'>;
  /** CloudTrail histories for the fleets' Changes (the extension's one, from deps; tests get their own). */
  lookups?: LookupHistories;
  /**
   * A fleet's loaded events changed: a load or poll settled, a reset, or a fresh copy of one event
   * (`replaced`). The panels that draw loaded events follow through it.
   */
  onFleetChanged?: (ref: FleetRef, replaced?: FleetEvent) => void;
  /** A connection's fleet capacities arrived after its listing (the view redraws the fleet rows). */
  onCapacities?: (target: ConnectionTarget) => void;
}

export class ExplorerModel {
  private targetList: ConnectionTarget[] = [];
  private readonly connections = new Map<string, ConnectionState>();
  private readonly fleetStates = new Map<string, FleetState>();
  private readonly pinned = new Map<string, { target: ConnectionTarget; fleetIds: Set<string> }>();
  private readonly changeStates = new Map<string, FleetChangesState>();
  private readonly lookups: LookupHistories;
  filter: EventFilter = NO_FILTER;
  /** Told whenever a fleet's Changes got a page or settled (the tree and timelines redraw). */
  onChangesUpdated: (state: FleetChangesState) => void = () => undefined;

  constructor(
    /** Where the model's GameLift clients come from (also for commands that call GameLift). */
    readonly clients: ClientFactory,
    public options: ModelOptions,
  ) {
    this.lookups = options.lookups ?? new LookupHistories(clients);
  }

  get targets(): readonly ConnectionTarget[] {
    return this.targetList;
  }

  /**
   * Switches to new connections; state of connections no longer shown is dropped, and so are
   * fleets pinned by "Fetch fleet events" (the user moved on to other profiles or regions).
   */
  setTargets(targets: readonly ConnectionTarget[]): void {
    this.targetList = [...targets];
    this.pinned.clear();
    const keep = new Set(targets.map(targetKey));
    for (const [key, state] of this.connections) {
      if (!keep.has(key)) {
        state.dispose();
        this.connections.delete(key);
      }
    }
    for (const [key, state] of this.fleetStates) {
      if (!keep.has(targetKey(state.ref.target))) {
        state.dispose();
        this.fleetStates.delete(key);
      }
    }
    for (const [key, state] of this.changeStates) {
      if (!keep.has(targetKey(state.ref.target))) {
        state.dispose();
        this.changeStates.delete(key);
      }
    }
  }

  /** Forgets every list and loaded event (Refresh); windows are kept. */
  resetAll(): void {
    for (const c of this.connections.values()) c.reset();
    for (const f of this.fleetStates.values()) {
      f.reset();
      f.resources.reset();
    }
    this.lookups.forget();
    for (const c of this.changeStates.values()) c.reset();
  }

  connection(target: ConnectionTarget): ConnectionState {
    const key = targetKey(target);
    let state = this.connections.get(key);
    if (!state)
      this.connections.set(
        key,
        (state = new ConnectionState(target, this.clients, this.options.fleetListing, () =>
          this.options.onCapacities?.(target),
        )),
      );
    return state;
  }

  fleet(ref: FleetRef, summary?: FleetSummary): FleetState {
    const key = refKey(ref);
    let state = this.fleetStates.get(key);
    if (!state) {
      state = new FleetState(
        ref,
        summary,
        this.options.defaultWindow(),
        this.clients,
        () => this.options.pageSize,
        this.options.now,
        (replaced) => this.options.onFleetChanged?.(ref, replaced),
      );
      this.fleetStates.set(key, state);
    } else if (summary) {
      state.summary = summary;
    }
    return state;
  }

  /** The fleet's write calls from CloudTrail (read when first asked). */
  changes(ref: FleetRef): FleetChangesState {
    const key = refKey(ref);
    let state = this.changeStates.get(key);
    if (!state) {
      state = new FleetChangesState(ref, this.lookups, this.options.now, (s) => this.onChangesUpdated(s));
      this.changeStates.set(key, state);
    }
    return state;
  }

  /** Reads the fleet's Changes afresh next time (the connection's CloudTrail pages are read again). */
  resetChanges(ref: FleetRef): void {
    this.lookups.forget(ref.target);
    this.changeStates.get(refKey(ref))?.reset();
  }

  findChanges(ref: FleetRef): FleetChangesState | undefined {
    return this.changeStates.get(refKey(ref));
  }

  findFleet(ref: FleetRef): FleetState | undefined {
    return this.fleetStates.get(refKey(ref));
  }

  allFleets(): FleetState[] {
    return [...this.fleetStates.values()];
  }

  /** Fleets shown under a connection: its listed fleets plus any pinned there. */
  fleetsOf(target: ConnectionTarget): FleetSummary[] | undefined {
    const listed = this.connection(target).fleets;
    const pins = this.pinned.get(targetKey(target));
    if (!pins) return listed;
    const out = [...(listed ?? [])];
    for (const fleetId of pins.fleetIds) {
      if (!out.some((f) => f.fleetId === fleetId))
        out.push(this.findFleet({ target, fleetId })?.summary ?? { fleetId });
    }
    return out;
  }

  /** Makes a fleet show in the tree even when its connection is not in the settings. */
  pin(ref: FleetRef): void {
    const key = targetKey(ref.target);
    let pins = this.pinned.get(key);
    if (!pins) this.pinned.set(key, (pins = { target: ref.target, fleetIds: new Set() }));
    pins.fleetIds.add(ref.fleetId);
  }

  /** Connections with pinned fleets that the settings do not list. */
  extraTargets(): ConnectionTarget[] {
    const listed = new Set(this.targetList.map(targetKey));
    return [...this.pinned.entries()].filter(([key]) => !listed.has(key)).map(([, p]) => p.target);
  }

  dispose(): void {
    for (const c of this.connections.values()) c.dispose();
    for (const f of this.fleetStates.values()) f.dispose();
    for (const c of this.changeStates.values()) c.dispose();
  }
}
