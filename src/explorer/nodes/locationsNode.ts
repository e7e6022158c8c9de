// The Locations row under a fleet with more than one location: how many, which are not ACTIVE,
// an icon in the colour of the worst status. Its children are the locations, home Region first.
import * as vscode from 'vscode';
import type { LocationsSummary } from '../../gamelift/fleetResourceSummary';
import type { FleetRef } from '../../gamelift/types';
import { fleetStatusIcon } from '../model/fleetStatus';
import { locationNodeId, locationsNodeId } from '../model/nodeIds';
import { locationsDescription } from '../model/resourceText';
import { ExplorerNode, type TreeContext } from './explorerNode';
import { LocationNode } from './locationNode';

export class LocationsNode extends ExplorerNode {
  readonly id: string;

  constructor(
    parent: ExplorerNode,
    private readonly ctx: TreeContext,
    readonly ref: FleetRef,
    /** Replaced by the fleet node when it draws its children again. */
    public summary: LocationsSummary,
  ) {
    super(parent);
    this.id = locationsNodeId(ref);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Locations', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.contextValue = 'locations';
    item.description = locationsDescription(this.summary);
    const worst = this.summary.worstStatus;
    // Only a problem gets a colour: a row of all-ACTIVE locations stays quiet.
    const spec = worst && worst !== 'ACTIVE' ? fleetStatusIcon(worst) : undefined;
    item.iconPath = new vscode.ThemeIcon('location', spec?.color ? new vscode.ThemeColor(spec.color) : undefined);
    item.tooltip = `Locations of ${this.ref.fleetId}: ${item.description}`;
    item.accessibilityInformation = { label: `Locations: ${item.description}` };
    return item;
  }

  override getChildren(): ExplorerNode[] {
    return this.summary.locations.map((row) => {
      const id = locationNodeId(this.ref, row.location);
      const node = this.ctx.node(id, () => new LocationNode(this, id, this.ref.target.region, row));
      node.row = row;
      return node;
    });
  }
}
