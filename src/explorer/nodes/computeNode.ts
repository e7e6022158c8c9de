// One compute (an EC2 instance, a registered Anywhere compute, a container fleet's instance):
// its name, status first in the description, a status icon in which IMPAIRED and TERMINATING
// stand out, and every known attribute in the plain-text tooltip.
import * as vscode from 'vscode';
import type { ComputeSummary } from '../../gamelift/computes';
import { computeStatusIcon } from '../model/fleetStatus';
import { computeDescription, computeTooltip } from '../model/resourceText';
import { ExplorerNode } from './explorerNode';

export class ComputeNode extends ExplorerNode {
  constructor(
    parent: ExplorerNode,
    readonly id: string,
    /** The fleet's home Region (other locations are named in the description). */
    private readonly home: string,
    public compute: ComputeSummary,
  ) {
    super(parent);
  }

  getTreeItem(): vscode.TreeItem {
    const c = this.compute;
    const item = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = c.status === 'IMPAIRED' || c.status === 'TERMINATING' ? 'compute:attention' : 'compute';
    item.description = computeDescription(c, this.home);
    item.tooltip = computeTooltip(c);
    const spec = computeStatusIcon(c.status);
    item.iconPath = new vscode.ThemeIcon(spec.icon, spec.color ? new vscode.ThemeColor(spec.color) : undefined);
    // The status is otherwise an icon colour and a word; screen readers get it first.
    item.accessibilityInformation = { label: `${c.name}, ${c.status.toLowerCase()}, ${item.description}` };
    return item;
  }
}
