// The Fleets view: model + provider + TreeView, kept in step with settings (profiles,
// regions, endpoint rebuild the tree), the filter (view description + context key), and
// reveal (fleet with its categories, or one event) for commands and the details panel.
import type { Diagnosis } from '../diagnosis';
import { CONTEXT_KEY } from '../ids';
import * as vscode from 'vscode';
import { presetWindow, refreshWindow } from '../gamelift/timeRange';
import {
  sameTarget,
  type ConnectionTarget,
  type FleetEvent,
  type FleetRef,
  type FleetSummary,
  type TimeWindow,
} from '../gamelift/types';
import { FleetTreeProvider } from './fleetTreeProvider';
import type { ClientFactory } from '../gamelift/clientFactory';
import type { ClassifiedError } from '../gamelift/errors';
import type { LookupHistories } from '../history';
import type { Clock } from '../common/clock';
import { describeFilter, isFilterActive, type EventFilter } from './model/eventFilter';
import { ExplorerModel } from './model/explorerModel';
import { categoryNodeId, changesNodeId, computesNodeId, eventNodeId, fleetNodeId } from './model/nodeIds';
import { viewOf } from './model/categoryGroups';
import { CategoryNode } from './nodes/categoryNode';
import type { ExplorerNode } from './nodes/explorerNode';
import { FleetNode } from './nodes/fleetNode';
import { ProfileNode } from './nodes/profileNode';
import { RegionNode } from './nodes/regionNode';
import type { SettingsReader } from '../settings/reader';
import { CONNECTION_SETTINGS, type SettingKey, type SettingSection } from '../settings/table';
import type { ErrorNode } from './nodes/errorNode';
import type { MoreTarget } from './nodes/loadMoreNode';
import { openEndpointSetting, readExplorerSettings, targetsOf, type ExplorerSettings } from './settings';

/** The Fleets view as activation created it (src/activation/gamelift.ts), and where its provider goes. */
export interface FleetsView {
  readonly view: vscode.TreeView<ExplorerNode>;
  attach(provider: vscode.TreeDataProvider<ExplorerNode>): void;
}

export interface ExplorerViewOptions {
  readonly fleets: FleetsView;
  readonly clients: ClientFactory;
  readonly clock: Clock;
  readonly settings: SettingsReader;
  readonly onError: (error: ClassifiedError) => void;
  /** The extension's CloudTrail histories (fleets' Changes). */
  readonly lookups: LookupHistories;
  /** A fleet's Changes got a page or settled (timelines redraw their lane). */
  readonly onChangesUpdated?: (ref: FleetRef) => void;
}

export class ExplorerView implements vscode.Disposable {
  readonly model: ExplorerModel;
  readonly provider: FleetTreeProvider;
  readonly view: vscode.TreeView<ExplorerNode>;
  private settingsValue: ExplorerSettings;
  /** True while the only connection has no credentials (the welcome view explains). */
  credentialsMissing = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly eventsChanged = new vscode.EventEmitter<{ ref: FleetRef; replaced?: FleetEvent }>();
  /** A fleet's loaded events (see ModelOptions.onFleetChanged) or its diagnosis changed. */
  readonly onDidChangeFleet = this.eventsChanged.event;

  constructor(private readonly options: ExplorerViewOptions) {
    this.settingsValue = readExplorerSettings(options.settings);
    const clock = options.clock;
    this.model = new ExplorerModel(options.clients, {
      pageSize: this.settingsValue.pageSize,
      defaultWindow: () => presetWindow(this.settingsValue.defaultTimeRange, clock.now()),
      now: () => clock.now(),
      lookups: options.lookups,
      onFleetChanged: (ref, replaced) => this.eventsChanged.fire({ ref, ...(replaced ? { replaced } : {}) }),
      onCapacities: (target) => this.capacitiesArrived(target),
    });
    this.model.onChangesUpdated = (state) => {
      this.changesChanged(state.ref);
      this.options.onChangesUpdated?.(state.ref);
    };
    this.model.setTargets(targetsOf(this.settingsValue));
    this.provider = new FleetTreeProvider({
      model: this.model,
      settings: () => this.settingsValue,
      clock,
      onError: options.onError,
      onCredentialsMissing: (missing) => {
        if (missing === this.credentialsMissing) return;
        this.credentialsMissing = missing;
        void vscode.commands.executeCommand('setContext', CONTEXT_KEY.credentialsMissing, missing);
      },
    });
    this.view = options.fleets.view;
    options.fleets.attach(this.provider);
    this.disposables.push(this.provider, this.eventsChanged);
    this.disposables.push(
      options.settings.onDidChange([...CONNECTION_SETTINGS, 'events', 'watch'], (changed) =>
        this.onSettingsChanged(changed),
      ),
    );
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY.filterActive, false);
  }

  get settings(): ExplorerSettings {
    return this.settingsValue;
  }

  private onSettingsChanged(changed: (key: SettingKey | SettingSection) => boolean): void {
    this.settingsValue = readExplorerSettings(this.options.settings);
    this.model.options.pageSize = this.settingsValue.pageSize;
    if (CONNECTION_SETTINGS.some(changed)) {
      this.options.clients.forget();
      this.model.setTargets(targetsOf(this.settingsValue));
      this.model.resetAll();
      this.provider.refreshAll();
    } else if (changed('events')) {
      // Time display or page size: redraw (nodes read settings when drawn).
      this.provider.refreshAll();
    }
  }

  /** Re-lists and reloads everything (windows of preset ranges move to "now"). */
  refreshAll(): void {
    this.options.clients.forget();
    const now = this.options.clock.now();
    for (const fleet of this.model.allFleets()) fleet.reset(refreshWindow(fleet.window, now));
    this.model.resetAll();
    this.provider.refreshAll();
  }

  refreshFleet(ref: FleetRef): void {
    const state = this.model.findFleet(ref);
    if (!state) return;
    state.reset(refreshWindow(state.window, this.options.clock.now()));
    this.model.resetChanges(ref);
    state.resources.reset();
    this.fleetChanged(ref);
  }

  /** The fleet rows of a connection show their active/desired counts once the capacities are read. */
  private capacitiesArrived(target: ConnectionTarget): void {
    const connection = this.model.connection(target);
    if (connection.capacityError) this.options.onError(connection.capacityError);
    for (const fleet of connection.fleets ?? []) this.fleetChanged({ target, fleetId: fleet.fleetId });
  }

  /**
   * A container fleet whose description failed: describes it now (not when its backoff ends) by
   * listing its connection again; the rows under the connection redraw with what it found.
   */
  async retryDescribe(ref: FleetRef): Promise<void> {
    const connection = this.model.connection(ref.target);
    const node = this.provider.cachedNode(fleetNodeId(ref));
    const load = connection.retryDescribe(ref.fleetId);
    await load;
    const summary = connection.fleets?.find((f) => f.fleetId === ref.fleetId);
    if (summary) this.model.fleet(ref, summary);
    // The row's label, icon and menus change: redraw the rows of the connection.
    this.provider.changed(node?.parent);
  }

  /** "Load more…" and "Show more…": the node shows "Loading…" meanwhile, so a second click finds no button. */
  async loadMore(target: MoreTarget): Promise<void> {
    if (target.kind === 'computes') {
      const load = this.model.fleet(target.ref).resources.loadMoreComputes();
      const node = this.provider.cachedNode(computesNodeId(target.ref));
      this.provider.changed(node);
      await load;
      this.provider.changed(node);
      return;
    }
    if (target.kind === 'shown') {
      this.model.fleet(target.ref).showMore(target.categoryId);
      this.provider.changed(this.provider.cachedNode(categoryNodeId(target.ref, target.categoryId)));
      return;
    }
    if (target.kind === 'changes') {
      const load = this.model.changes(target.ref).loadMore();
      this.changesChanged(target.ref);
      return load;
    }
    const load = this.model.fleet(target.ref).loadMore();
    this.fleetChanged(target.ref);
    await load;
    this.fleetChanged(target.ref);
  }

  /** An error node's action; resolves when what it started is done. */
  async retry(node: ErrorNode): Promise<void> {
    const target = node.target;
    switch (target.kind) {
      case 'events':
      case 'changes':
        return this.loadMore(target);
      case 'fleets': {
        const load = this.model.connection(target.target).load();
        this.provider.changed(node.parent);
        await load;
        this.provider.changed(node.parent);
        return;
      }
      case 'describe':
        return this.retryDescribe(target.ref);
      case 'resources': {
        const { ref } = target;
        const fleet = this.model.fleet(ref);
        fleet.resources.reset();
        const capacity = this.model.connection(ref.target).capacities?.get(ref.fleetId);
        const load = fleet.resources.ensureLoaded(fleet.summary ?? { fleetId: ref.fleetId }, capacity);
        this.fleetChanged(ref);
        await load;
        this.fleetChanged(ref);
        return;
      }
      case 'computes':
        return this.loadMore(target);
      case 'endpointSetting':
        await openEndpointSetting();
    }
  }

  setWindow(ref: FleetRef, window: TimeWindow, pageSizeOverride?: number): void {
    this.model.fleet(ref).reset(window, pageSizeOverride);
    this.fleetChanged(ref);
  }

  /** Redraws a fleet's Changes row (a page arrived, a batch settled). */
  changesChanged(ref: FleetRef): void {
    this.provider.changed(this.provider.cachedNode(changesNodeId(ref)));
  }

  /** Keeps what "Diagnose fleet" found: the Diagnosis row and the panels follow. */
  setDiagnosis(ref: FleetRef, diagnosis: Diagnosis): void {
    const state = this.model.findFleet(ref);
    if (!state) return;
    state.setDiagnosis(diagnosis);
    this.fleetChanged(ref);
    this.eventsChanged.fire({ ref });
  }

  /** A fresh copy of a loaded event (a renewed log link) takes the old one's place in the tree. */
  replaceEvent(ref: FleetRef, fresh: FleetEvent): void {
    if (this.model.findFleet(ref)?.replaceEvent(fresh)) this.fleetChanged(ref);
  }

  fleetChanged(ref: FleetRef): void {
    const node = this.provider.cachedNode(fleetNodeId(ref));
    this.provider.changed(node);
  }

  setFilter(filter: EventFilter): void {
    const active = isFilterActive(filter);
    this.model.filter = active ? filter : {};
    this.view.description = active ? describeFilter(filter) : undefined;
    this.view.message = active ? `${describeFilter(filter)} — clear it from the view's title bar.` : undefined;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY.filterActive, active);
    // Categories regroup on the next draw; node objects (and expansion) stay.
    this.provider.changed(undefined);
  }

  /** Finds (building if needed) the fleet's node; pins the fleet when the tree does not list it. */
  async findFleetNode(ref: FleetRef, summary?: FleetSummary): Promise<FleetNode | undefined> {
    let node = await this.searchFleet(ref);
    if (!node) {
      this.model.pin(ref);
      if (summary) this.model.fleet(ref, summary);
      this.provider.changed(undefined);
      node = await this.searchFleet(ref);
    }
    return node;
  }

  private async searchFleet(ref: FleetRef): Promise<FleetNode | undefined> {
    const visit = async (nodes: ExplorerNode[], depth: number): Promise<FleetNode | undefined> => {
      for (const n of nodes) {
        if (n instanceof FleetNode && n.ref.fleetId === ref.fleetId && sameTarget(n.ref.target, ref.target)) return n;
      }
      if (depth >= 2) return undefined;
      for (const n of nodes) {
        const leadsThere =
          (n instanceof ProfileNode && n.profile === ref.target.profile) ||
          (n instanceof RegionNode && sameTarget(n.target, ref.target));
        if (leadsThere) {
          const found = await visit(await this.provider.getChildren(n), depth + 1);
          if (found) return found;
        }
      }
      return undefined;
    };
    return visit(await this.provider.getChildren(), 0);
  }

  /** Reveals a fleet with its categories expanded. */
  async revealFleet(ref: FleetRef, summary?: FleetSummary): Promise<FleetNode | undefined> {
    const node = await this.findFleetNode(ref, summary);
    if (!node) return undefined;
    await this.view.reveal(node, { select: true, focus: true, expand: true });
    const children = await this.provider.getChildren(node);
    for (const child of children) {
      if (child instanceof CategoryNode) await this.view.reveal(child, { select: false, focus: false, expand: true });
    }
    return node;
  }

  /** Selects an already-loaded event's node (loads nothing new). */
  async revealEvent(ref: FleetRef, eventId: string): Promise<void> {
    const state = this.model.findFleet(ref);
    const event = state?.events.find((e: FleetEvent) => e.eventId === eventId);
    if (!state || !event) return;
    const fleetNode = await this.findFleetNode(ref);
    if (!fleetNode) return;
    const categoryId = viewOf(event).categoryId;
    await this.provider.getChildren(fleetNode);
    const category = this.provider.cachedNode(categoryNodeId(ref, categoryId));
    if (!(category instanceof CategoryNode)) return;
    // An event beyond what the category shows: extend the shown chunk to include it.
    const position = category.group.events.findIndex((v) => v.event.eventId === eventId);
    if (position >= state.shownCount(categoryId)) {
      state.showAtLeast(categoryId, position + 1);
      this.provider.changed(category);
    }
    const eventNode = category.getChildren().find((n) => n.id === eventNodeId(ref, categoryId, eventId));
    if (eventNode) await this.view.reveal(eventNode, { select: true, focus: true });
  }

  dispose(): void {
    this.model.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
