// Everything the explorer knows, free of vscode: the connections from settings, their fleet
// lists, per-fleet event state, the filter, and fleets fetched by command from connections
// the settings do not list ("pinned"). The tree and the commands read and change it.
import type { ClientFactory } from '../../gamelift/clientFactory';
import type { ListFleetsOptions } from '../../gamelift/fleetService';
import {
  refKey,
  targetKey,
  type ConnectionTarget,
  type FleetRef,
  type FleetSummary,
  type TimeWindow,
} from '../../gamelift/types';
import { ConnectionState } from './connectionState';
import { NO_FILTER, type EventFilter } from './eventFilter';
import { FleetState } from './fleetState';

export interface ModelOptions {
  pageSize: number;
  /** The window a fleet starts with (from the default-time-range setting). */
  defaultWindow: () => TimeWindow;
  /** The clock for events' `fetchedAt`. */
  now: () => number;
  /** ListFleets page and DescribeFleetAttributes batch sizes (default: fleetService's). */
  fleetListing?: Pick<ListFleetsOptions, 'pageSize' | 'batchSize'>;
}

export class ExplorerModel {
  private targetList: ConnectionTarget[] = [];
  private readonly connections = new Map<string, ConnectionState>();
  private readonly fleetStates = new Map<string, FleetState>();
  private readonly pinned = new Map<string, { target: ConnectionTarget; fleetIds: Set<string> }>();
  filter: EventFilter = NO_FILTER;

  constructor(
    /** Where the model's GameLift clients come from (also for commands that call GameLift). */
    readonly clients: ClientFactory,
    public options: ModelOptions,
  ) {}

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
  }

  /** Forgets every list and loaded event (Refresh); windows are kept. */
  resetAll(): void {
    for (const c of this.connections.values()) c.reset();
    for (const f of this.fleetStates.values()) f.reset();
  }

  connection(target: ConnectionTarget): ConnectionState {
    const key = targetKey(target);
    let state = this.connections.get(key);
    if (!state)
      this.connections.set(key, (state = new ConnectionState(target, this.clients, this.options.fleetListing)));
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
      );
      this.fleetStates.set(key, state);
    } else if (summary) {
      state.summary = summary;
    }
    return state;
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
  }
}
