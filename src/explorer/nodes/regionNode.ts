// One connection shown as a region (when several regions are browsed, or for a fleet
// fetched from a connection the settings do not list).
import * as vscode from 'vscode';
import type { ConnectionTarget } from '../../gamelift/types';
import { regionNodeId } from '../model/nodeIds';
import { ExplorerNode, type TreeContext } from './explorerNode';
import { fleetChildren } from './fleetListing';

export class RegionNode extends ExplorerNode {
  readonly id: string;

  constructor(
    parent: ExplorerNode | undefined,
    private readonly ctx: TreeContext,
    readonly target: ConnectionTarget,
    private readonly showProfile: boolean,
  ) {
    super(parent);
    this.id = regionNodeId(target);
  }

  getTreeItem(): vscode.TreeItem {
    const label = this.showProfile
      ? `${this.target.profile ?? 'default credentials'} · ${this.target.region}`
      : this.target.region;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.contextValue = 'region';
    item.iconPath = new vscode.ThemeIcon('globe');
    const fleets = this.ctx.model.fleetsOf(this.target);
    if (fleets) item.description = `${fleets.length} fleet${fleets.length === 1 ? '' : 's'}`;
    if (this.target.endpoint) item.tooltip = `${label}\nEndpoint: ${this.target.endpoint}`;
    return item;
  }

  override getChildren(): Promise<ExplorerNode[]> {
    return fleetChildren(this.ctx, this.target, this);
  }
}
