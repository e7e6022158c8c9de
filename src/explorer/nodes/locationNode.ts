// One location of a fleet: its status (icon and word), active/desired instances, and stopped
// actions or a pending update when there are any; the tooltip has every count.
import * as vscode from 'vscode';
import type { LocationRow } from '../../gamelift/fleetResourceSummary';
import { fleetStatusIcon } from '../model/fleetStatus';
import { locationDescription, locationTooltip } from '../model/resourceText';
import { ExplorerNode } from './explorerNode';

export class LocationNode extends ExplorerNode {
  constructor(
    parent: ExplorerNode,
    readonly id: string,
    /** The fleet's home Region (the tooltip marks it). */
    private readonly home: string,
    public row: LocationRow,
  ) {
    super(parent);
  }

  getTreeItem(): vscode.TreeItem {
    const row = this.row;
    const item = new vscode.TreeItem(row.location, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = 'location';
    item.description = locationDescription(row);
    item.tooltip = locationTooltip(row, this.home);
    const spec = fleetStatusIcon(row.status);
    item.iconPath = new vscode.ThemeIcon(spec.icon, spec.color ? new vscode.ThemeColor(spec.color) : undefined);
    item.accessibilityInformation = { label: `${row.location}, ${item.description}` };
    return item;
  }
}
