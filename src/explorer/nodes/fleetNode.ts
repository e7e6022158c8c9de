// One fleet: its name (or ID), status icon and word, its own time range when it differs from
// the default, and a plain-text tooltip with the ID, range and attributes. Children are its
// event categories, then exactly one of: "Loading…", an error with Retry, "Load more…", or a
// placeholder when empty; then its "Changes" (CloudTrail write calls, read when expanded).
import * as vscode from 'vscode';
import { describeWindow } from '../../gamelift/timeRange';
import type { FleetRef, FleetSummary, TimeWindow } from '../../gamelift/types';
import { isTransitional } from '../../gamelift/fleetStatus';
import { fleetStatusIcon, fleetStatusLabel } from '../model/fleetStatus';
import { isFilterActive } from '../model/eventFilter';
import type { FleetState } from '../model/fleetState';
import { categoryNodeId, changesNodeId, fleetNodeId, helperNodeId } from '../model/nodeIds';
import { formatUtc } from '../../shared/timeFormat';
import { CategoryNode } from './categoryNode';
import { ChangesNode } from './changesNode';
import { DiagnosisNode } from './diagnosisNode';
import { ErrorNode } from './errorNode';
import { ExplorerNode, type TreeContext } from './explorerNode';
import { LoadMoreNode } from './loadMoreNode';
import { PlaceholderNode } from './placeholderNode';

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

  getTreeItem(): vscode.TreeItem {
    const s = this.summary;
    const item = new vscode.TreeItem(s.name || s.fleetId, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    // The row truncates from the right at the side bar's edge, so what a user scans for (name,
    // status) comes first and the description stays short: the default time range is not
    // repeated on every row, and the ID is in the tooltip.
    const window = this.state.window;
    const ownRange = window.preset === this.ctx.settings().defaultTimeRange ? '' : describeWindow(window);
    item.description = [fleetStatusLabel(s.status), ownRange].filter((p) => p).join(' · ');
    item.tooltip = fleetTooltip(s, window);
    const icon = fleetStatusIcon(s.status);
    item.iconPath = new vscode.ThemeIcon(icon.icon, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
    item.contextValue = isTransitional(s.status) ? 'fleet:transitional' : 'fleet';
    return item;
  }

  override async getChildren(): Promise<ExplorerNode[]> {
    const state = this.state;
    if (!state.hasStarted) await state.ensureStarted();
    if (state.error) this.ctx.reportError(state.error);
    const filter = this.ctx.model.filter;
    const groups = state.groups(filter);
    // First, what is wrong with the fleet, when something is.
    const diagnosis = state.diagnosis();
    const diagnosisRow =
      diagnosis && diagnosis.verdict !== 'healthy'
        ? [new DiagnosisNode(this, helperNodeId(this.id, 'diagnosis'), this.ref, diagnosis)]
        : [];
    const nodes: ExplorerNode[] = groups.map((group) => {
      const node = this.ctx.node(
        categoryNodeId(this.ref, group.id),
        () => new CategoryNode(this, this.ctx, this.ref, group),
      );
      node.group = group;
      return node;
    });
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
    return [...diagnosisRow, ...nodes];
  }
}

function fleetTooltip(s: FleetSummary, window: TimeWindow): string {
  const lines = [
    s.name ? `${s.name} (${s.fleetId})` : s.fleetId,
    s.status ? `Status: ${s.status}` : '',
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
