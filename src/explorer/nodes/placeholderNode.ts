// The one placeholder node ("Loading…", "No events in the last 7 days"), used everywhere.
import * as vscode from 'vscode';
import { ExplorerNode } from './explorerNode';

export class PlaceholderNode extends ExplorerNode {
  constructor(
    parent: ExplorerNode | undefined,
    readonly id: string,
    readonly label: string,
    private readonly icon?: string,
  ) {
    super(parent);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = 'placeholder';
    if (this.icon) item.iconPath = new vscode.ThemeIcon(this.icon);
    return item;
  }
}
