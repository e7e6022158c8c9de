// One AWS profile (shown when several profiles are browsed at once): its regions, or the
// fleets directly when only one region is browsed.
import * as vscode from 'vscode';
import { profileNodeId, regionNodeId } from '../model/nodeIds';
import { ExplorerNode, type TreeContext } from './explorerNode';
import { fleetChildren } from './fleetListing';
import { RegionNode } from './regionNode';

export class ProfileNode extends ExplorerNode {
  readonly id: string;

  constructor(
    private readonly ctx: TreeContext,
    readonly profile: string | undefined,
    private readonly regions: readonly string[],
    private readonly endpoint: string | undefined,
  ) {
    super(undefined);
    this.id = profileNodeId(profile);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.profile ?? 'default credentials', vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.contextValue = 'profile';
    item.iconPath = new vscode.ThemeIcon('account');
    item.description = this.regions.join(', ');
    return item;
  }

  override getChildren(): ExplorerNode[] | Promise<ExplorerNode[]> {
    const targets = this.regions.map((region) => ({
      ...(this.profile ? { profile: this.profile } : {}),
      region,
      ...(this.endpoint ? { endpoint: this.endpoint } : {}),
    }));
    if (targets.length === 1) return fleetChildren(this.ctx, targets[0], this);
    return targets.map((t) => this.ctx.node(regionNodeId(t), () => new RegionNode(this, this.ctx, t, false)));
  }
}
