// The one error node: the failure's message and what Retry does, as data; a click and the
// inline button both run COMMAND.retry with the node. For a refused setting the action is
// "Open Setting" instead.
import * as vscode from 'vscode';
import type { ConnectionTarget, FleetRef } from '../../gamelift/types';
import { COMMAND } from '../../ids';
import { OPEN_ENDPOINT_SETTING } from '../settings';
import { ExplorerNode } from './explorerNode';

export type RetryTarget =
  /** Load the fleet's page of events that failed, again. */
  | { readonly kind: 'events'; readonly ref: FleetRef }
  /** Read the fleet's Changes from CloudTrail again. */
  | { readonly kind: 'changes'; readonly ref: FleetRef }
  /** List the connection's fleets again. */
  | { readonly kind: 'fleets'; readonly target: ConnectionTarget }
  /** Describe a container fleet whose description failed, now (not when its backoff ends). */
  | { readonly kind: 'describe'; readonly ref: FleetRef }
  /** Read the fleet's locations and computes summary again. */
  | { readonly kind: 'resources'; readonly ref: FleetRef }
  /** Load the page of computes that failed, again. */
  | { readonly kind: 'computes'; readonly ref: FleetRef }
  /** The `gamelift.endpoint` setting was refused: open it. */
  | { readonly kind: 'endpointSetting' };

export class ErrorNode extends ExplorerNode {
  constructor(
    parent: ExplorerNode | undefined,
    readonly id: string,
    readonly message: string,
    readonly target: RetryTarget,
  ) {
    super(parent);
  }

  getTreeItem(): vscode.TreeItem {
    const action = this.target.kind === 'endpointSetting' ? OPEN_ENDPOINT_SETTING : 'Retry';
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = 'error';
    item.description = action;
    item.tooltip = `${this.message}\n\nClick to ${action.toLowerCase()}.`;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    item.command = { command: COMMAND.retry, title: action, arguments: [this] };
    return item;
  }
}
