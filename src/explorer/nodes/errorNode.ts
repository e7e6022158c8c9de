// The one error node: the failure's message and a Retry action (click, or the inline button);
// for a bad setting the action is "Open Setting" instead.
import { COMMAND } from '../../ids';
import * as vscode from 'vscode';
import { ExplorerNode } from './explorerNode';

export class ErrorNode extends ExplorerNode {
  constructor(
    parent: ExplorerNode | undefined,
    readonly id: string,
    readonly message: string,
    /** May return the load it starts, so the Retry command resolves when the load is done. */
    readonly retry: () => void | Promise<void>,
    private readonly actionLabel = 'Retry',
  ) {
    super(parent);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = 'error';
    item.description = this.actionLabel;
    item.tooltip = `${this.message}\n\nClick to ${this.actionLabel === 'Retry' ? 'retry' : this.actionLabel.toLowerCase()}.`;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    item.command = { command: COMMAND.retry, title: this.actionLabel, arguments: [this] };
    return item;
  }
}
