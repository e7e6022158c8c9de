// One event category of a fleet: label from the catalog, the count of loaded (and
// filtered) events, an icon for the worst severity. Its children are its newest events (at
// most the fleet state's shown count, so expanding costs the same for 500 or 50,000 loaded),
// then "Show more…" while more are loaded; built in one cheap loop (titles and severities
// were computed when the events were grouped).
import * as vscode from 'vscode';
import type { FleetRef } from '../../gamelift/types';
import type { CategoryGroup } from '../model/categoryGroups';
import { severityIcon } from '../model/fleetStatus';
import { SHOW_CHUNK } from '../model/fleetState';
import { categoryNodeId, helperNodeId } from '../model/nodeIds';
import { thousands } from '../model/resourceText';
import { EventNode, type TimeDisplay } from './eventNode';
import { ExplorerNode, type TreeContext } from './explorerNode';
import { LoadMoreNode } from './loadMoreNode';

export class CategoryNode extends ExplorerNode {
  readonly id: string;
  private childCache: { group: CategoryGroup; limit: number; nodes: (EventNode | LoadMoreNode)[] } | undefined;

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
    const n = this.group.count;
    item.description = String(n);
    item.tooltip = `${this.group.label}: ${n} event${n === 1 ? '' : 's'} loaded, worst severity ${this.group.worst}`;
    item.accessibilityInformation = { label: item.tooltip };
    const spec = severityIcon(this.group.worst);
    item.iconPath = new vscode.ThemeIcon(spec.icon, spec.color ? new vscode.ThemeColor(spec.color) : undefined);
    return item;
  }

  override getChildren(): (EventNode | LoadMoreNode)[] {
    const count = this.group.count;
    const limit = Math.min(count, this.ctx.model?.findFleet(this.ref)?.shownCount(this.group.id) ?? SHOW_CHUNK);
    if (this.childCache && this.childCache.group === this.group && this.childCache.limit === limit)
      return this.childCache.nodes;
    const settings = this.ctx.settings();
    const time: TimeDisplay = { zone: settings.timeZone, relative: settings.relativeTime, now: this.ctx.now() };
    const prefix = `${this.id}/event:`;
    const views = this.group.events;
    const nodes = new Array<EventNode | LoadMoreNode>(limit);
    for (let i = 0; i < limit; i++) {
      nodes[i] = new EventNode(this, prefix + views[i].event.eventId, this.ref, views[i], time);
    }
    if (limit < count) {
      const next = Math.min(SHOW_CHUNK, count - limit);
      nodes.push(
        new LoadMoreNode(
          this,
          helperNodeId(this.id, 'showMore'),
          { kind: 'shown', ref: this.ref, categoryId: this.group.id },
          `${thousands(limit)} of ${thousands(count)} shown · next ${next}`,
          'Show more…',
        ),
      );
    }
    this.childCache = { group: this.group, limit, nodes };
    return nodes;
  }
}
