// The one error node: the failure's message and a Retry action (click, or the inline button).
import * as vscode from 'vscode';
import { ExplorerNode } from './explorerNode';

export const RETRY_COMMAND = 'gamelift.explorer.retry';

export class ErrorNode extends ExplorerNode {
  constructor(
    parent: ExplorerNode | undefined,
    readonly id: string,
    readonly message: string,
    readonly retry: () => void,
  ) {
    super(parent);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = 'error';
    item.description = 'Retry';
    item.tooltip = `${this.message}\n\nClick to retry.`;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    item.command = { command: RETRY_COMMAND, title: 'Retry', arguments: [this] };
    return item;
  }
}
