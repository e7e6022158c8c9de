// One event category of a fleet: label from the catalog, the count of loaded (and
// filtered) events, an icon for the worst severity. Its children are the events, built in
// one cheap loop (titles and severities were computed when the events were grouped).
import * as vscode from 'vscode';
import type { FleetRef } from '../api';
import type { CategoryGroup } from '../model/categoryGroups';
import { severityIcon } from '../model/fleetStatus';
import { categoryNodeId } from '../model/nodeIds';
import { EventNode, type TimeDisplay } from './eventNode';
import { ExplorerNode, type TreeContext } from './explorerNode';

export class CategoryNode extends ExplorerNode {
  readonly id: string;
  private childCache: { group: CategoryGroup; nodes: EventNode[] } | undefined;

  constructor(
    parent: ExplorerNode,
    private readonly ctx: TreeContext,
    readonly ref: FleetRef,
    public group: CategoryGroup,
  ) {
    super(parent);
    this.id = categoryNodeId(ref, group.id);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.group.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = 'eventCategory';
    const n = this.group.events.length;
    item.description = String(n);
    item.tooltip = `${this.group.label}: ${n} event${n === 1 ? '' : 's'} loaded, worst severity ${this.group.worst}`;
    item.accessibilityInformation = { label: item.tooltip };
    const spec = severityIcon(this.group.worst);
    item.iconPath = new vscode.ThemeIcon(spec.icon, spec.color ? new vscode.ThemeColor(spec.color) : undefined);
    return item;
  }

  override getChildren(): EventNode[] {
    if (this.childCache && this.childCache.group === this.group) return this.childCache.nodes;
    const settings = this.ctx.settings();
    const time: TimeDisplay = { zone: settings.timeZone, relative: settings.relativeTime, now: this.ctx.now() };
    const prefix = `${this.id}/event:`;
    const views = this.group.events;
    const nodes = new Array<EventNode>(views.length);
    for (let i = 0; i < views.length; i++) {
      nodes[i] = new EventNode(this, prefix + views[i].event.eventId, this.ref, views[i], time);
    }
    this.childCache = { group: this.group, nodes };
    return nodes;
  }
}
