// One fleet: its name (or ID), status icon and word, active/desired instances, its own time
// range when it differs from the default, and a plain-text tooltip with the ID, range and
// attributes. A container fleet whose description failed shows its ID, the error and when it is
// tried again. Children: the rows about the fleet itself (see `getChildren` for their order), its
// event categories, then exactly one of: "Loading…", an error with Retry, "Load more…", or a
// placeholder when empty; then its "Changes" (CloudTrail write calls, read when expanded).
import * as vscode from 'vscode';
import type { LocationCapacity } from '../../gamelift/fleetCapacity';
import { describeWindow } from '../../gamelift/timeRange';
import type { FleetRef, FleetSummary, TimeWindow } from '../../gamelift/types';
import { isTransitional } from '../../gamelift/fleetStatus';
import { fleetStatusIcon, fleetStatusLabel } from '../model/fleetStatus';
import { isFilterActive } from '../model/eventFilter';
import type { FleetState } from '../model/fleetState';
import {
  categoryNodeId,
  changesNodeId,
  computesNodeId,
  fleetNodeId,
  helperNodeId,
  locationsNodeId,
} from '../model/nodeIds';
import { describeFailedDescription, describeFailedTooltip, fleetCountsText } from '../model/resourceText';
import { formatUtc } from '../../common/timeFormat';
import { CategoryNode } from './categoryNode';
import { ChangesNode } from './changesNode';
import { ComputesNode } from './computesNode';
import { DiagnosisNode } from './diagnosisNode';
import { ErrorNode } from './errorNode';
import { ExplorerNode, type TreeContext } from './explorerNode';
import { LoadMoreNode } from './loadMoreNode';
import { LocationsNode } from './locationsNode';
import { PlaceholderNode } from './placeholderNode';

/**
 * How long expanding a fleet waits for its Locations and Computes rows once its events are in;
 * a slower answer adds the rows when it comes (the events are not held up for them).
 */
export const RESOURCE_ROWS_GRACE_MS = 1500;

export class FleetNode extends ExplorerNode {
  readonly id: string;

  constructor(
    parent: ExplorerNode | undefined,
    private readonly ctx: TreeContext,
    readonly ref: FleetRef,
  ) {
    super(parent);
    this.id = fleetNodeId(ref);
  }

  get state(): FleetState {
    return this.ctx.model.fleet(this.ref);
  }

  get summary(): FleetSummary {
    return this.state.summary ?? { fleetId: this.ref.fleetId };
  }

  /** The home Region's capacity, once the listing's capacity read answered (none for Anywhere fleets). */
  get capacity(): LocationCapacity | undefined {
    return this.ctx.model.connection(this.ref.target).capacities?.get(this.ref.fleetId);
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.summary;
    const item = new vscode.TreeItem(s.name || s.fleetId, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    // The row truncates from the right at the side bar's edge, so what a user scans for (name,
    // status) comes first and the description stays short: the default time range is not
    // repeated on every row, and the ID is in the tooltip.
    const window = this.state.window;
    const ownRange = window.preset === this.ctx.settings().defaultTimeRange ? '' : describeWindow(window);
    const capacity = this.capacity;
    const failed = s.describeError;
    const now = this.ctx.now();
    const status = fleetStatusLabel(s.status);
    const counts = fleetCountsText(capacity?.instances);
    item.description = failed
      ? describeFailedDescription(s.describeRetryAt, now)
      : [status, counts, ownRange].filter((p) => p).join(' · ');
    // "4/4" reads badly aloud: screen readers get the counts in words.
    if (!failed && counts && capacity) {
      const spoken = `${capacity.instances.active} of ${capacity.instances.desired} instances active`;
      item.accessibilityInformation = {
        label: [s.name || s.fleetId, status, spoken, ownRange].filter((p) => p).join(', '),
      };
    }
    item.tooltip = [
      fleetTooltip(s, window, capacity),
      failed ? describeFailedTooltip(failed.message, s.describeRetryAt, now) : '',
    ]
      .filter((t) => t)
      .join('\n\n');
    const icon = failed ? { icon: 'warning', color: 'problemsWarningIcon.foreground' } : fleetStatusIcon(s.status);
    item.iconPath = new vscode.ThemeIcon(icon.icon, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
    item.contextValue = fleetContextValue(s);
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    const state = this.state;
    const events = state.hasStarted ? Promise.resolve() : state.ensureStarted();
    const resourceRows = this.loadResourceRows(state, events);
    await events;
    await resourceRows;
    if (state.error) this.ctx.reportError(state.error);
    // Rows about the fleet itself come first, in this order (one place, so features agree):
    // Diagnosis, a container fleet's describe error, Locations and Computes; then the event
    // categories and the one row saying how their loading stands; then Changes (CloudTrail).
    const filter = this.ctx.model.filter;
    const groups = state.groups(filter);
    // What is wrong with the fleet, when something is.
    const diagnosis = state.diagnosis();
    const diagnosisRow =
      diagnosis && diagnosis.verdict !== 'healthy'
        ? [new DiagnosisNode(this, helperNodeId(this.id, 'diagnosis'), this.ref, diagnosis)]
        : [];
    const nodes: ExplorerNode[] = [...diagnosisRow, ...this.describeRows(), ...this.resourceRows()];
    nodes.push(
      ...groups.map((group) => {
        const node = this.ctx.node(
          categoryNodeId(this.ref, group.id),
          () => new CategoryNode(this, this.ctx, this.ref, group),
        );
        node.group = group;
        return node;
      }),
    );
    if (state.isLoading) {
      nodes.push(new PlaceholderNode(this, helperNodeId(this.id, 'placeholder'), 'Loading events…', 'loading~spin'));
    } else if (state.error) {
      const error = state.error;
      nodes.push(new ErrorNode(this, helperNodeId(this.id, 'error'), error.message, { kind: 'events', ref: this.ref }));
    } else if (state.hasMore) {
      const loaded = state.events.length;
      const target = { kind: 'events', ref: this.ref } as const;
      nodes.push(new LoadMoreNode(this, helperNodeId(this.id, 'loadMore'), target, `${loaded} loaded`));
    } else if (groups.length === 0) {
      const label =
        state.events.length > 0 && isFilterActive(filter)
          ? `No loaded events match the filter (${state.events.length} loaded)`
          : `No events (${describeWindow(state.window)})`;
      nodes.push(new PlaceholderNode(this, helperNodeId(this.id, 'placeholder'), label, 'info'));
    }
    nodes.push(this.ctx.node(changesNodeId(this.ref), () => new ChangesNode(this, this.ctx, this.ref)));
    return nodes;
  }

  /**
   * Starts the Locations/Computes summary; resolves when it is in, or RESOURCE_ROWS_GRACE_MS after
   * `eventsDone` if it is slower (the fleet is then drawn again when it arrives).
   */
  private async loadResourceRows(state: FleetState, eventsDone: Promise<void>): Promise<void> {
    if (state.resources.summary) return;
    const load = state.resources.ensureLoaded(this.summary, this.capacity);
    await eventsDone;
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([
      load.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), RESOURCE_ROWS_GRACE_MS))),
    ]);
    clearTimeout(timer);
    if (!inTime) void load.then(() => this.ctx.changed(this));
  }

  /** A container fleet whose description failed: the error, with Retry (which describes it now). */
  private describeRows(): ExplorerNode[] {
    const error = this.summary.describeError;
    if (!error) return [];
    return [
      new ErrorNode(this, helperNodeId(this.id, 'describeError'), error.message, { kind: 'describe', ref: this.ref }),
    ];
  }

  /** Locations (more than one location) and Computes (at least one), or each part's error with Retry. */
  private resourceRows(): ExplorerNode[] {
    const summary = this.state.resources.summary;
    if (!summary) return [];
    const rows: ExplorerNode[] = [];
    const { locations, computes } = summary;
    const retry = { kind: 'resources', ref: this.ref } as const;
    if (!locations.ok) {
      this.ctx.reportError(locations.error);
      rows.push(new ErrorNode(this, helperNodeId(locationsNodeId(this.ref), 'error'), locations.error.message, retry));
    } else if (locations.value.multiLocation && locations.value.locations.length > 1) {
      const value = locations.value;
      const node = this.ctx.node(locationsNodeId(this.ref), () => new LocationsNode(this, this.ctx, this.ref, value));
      node.summary = value;
      rows.push(node);
    }
    if (!computes.ok) {
      // One failure (a missing permission, say) often fails both: say it once.
      if (locations.ok || locations.error.message !== computes.error.message) {
        this.ctx.reportError(computes.error);
        rows.push(new ErrorNode(this, helperNodeId(computesNodeId(this.ref), 'error'), computes.error.message, retry));
      }
    } else if (computes.value.count > 0) {
      const value = computes.value;
      const node = this.ctx.node(computesNodeId(this.ref), () => new ComputesNode(this, this.ctx, this.ref, value));
      node.summary = value;
      rows.push(node);
    }
    return rows;
  }
}

/** `fleet`, then `:transitional`, `:container`, `:describeFailed` as they apply (menus match them). */
export function fleetContextValue(s: FleetSummary): string {
  return [
    'fleet',
    isTransitional(s.status) ? ':transitional' : '',
    s.isContainerFleet ? ':container' : '',
    s.describeError ? ':describeFailed' : '',
  ].join('');
}

function fleetTooltip(s: FleetSummary, window: TimeWindow, capacity: LocationCapacity | undefined): string {
  const n = capacity?.instances;
  const lines = [
    s.name ? `${s.name} (${s.fleetId})` : s.fleetId,
    s.status ? `Status: ${s.status}` : '',
    n ? `Instances in ${capacity.location}: ${n.active} active of ${n.desired} desired` : '',
    `Events: ${describeWindow(window)}`,
    s.isContainerFleet ? 'Container fleet' : '',
    s.fleetType ? `Type: ${s.fleetType}` : '',
    s.computeType ? `Compute: ${s.computeType}` : '',
    s.instanceType ? `Instance type: ${s.instanceType}` : '',
    s.operatingSystem ? `OS: ${s.operatingSystem}` : '',
    s.creationTime !== undefined ? `Created: ${formatUtc(s.creationTime)}` : '',
    s.description ? `Description: ${s.description}` : '',
    s.fleetArn ? `ARN: ${s.fleetArn}` : '',
  ];
  return lines.filter((l) => l).join('\n');
}
