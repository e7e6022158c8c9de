// The one "Load more…" node (also "Show more…" under a category, which reveals more of the
// loaded events); the command it runs shares an in-flight load, so double clicks never fetch
// a page twice.
import { COMMAND } from '../../ids';
import * as vscode from 'vscode';
import { ExplorerNode } from './explorerNode';

export class LoadMoreNode extends ExplorerNode {
  constructor(
    parent: ExplorerNode | undefined,
    readonly id: string,
    readonly loadMore: () => Promise<void>,
    private readonly detail: string,
    private readonly label = 'Load more…',
  ) {
    super(parent);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = 'loadMore';
    item.description = this.detail;
    item.iconPath = new vscode.ThemeIcon('more');
    item.command = { command: COMMAND.loadMore, title: this.label.replace('…', ''), arguments: [this] };
    return item;
  }
}
