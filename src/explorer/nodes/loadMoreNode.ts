// The one "Load more…" node, also a category's "Show more…" (which shows more of the loaded
// events): it carries what to load as data and runs COMMAND.loadMore with itself, so the
// inline button and a click do the same; the pager shares a load in flight, so double clicks
// never fetch a page twice.
import * as vscode from 'vscode';
import type { FleetRef } from '../../gamelift/types';
import { COMMAND } from '../../ids';
import { ExplorerNode } from './explorerNode';

export type MoreTarget =
  /** The fleet's next page of events. */
  | { readonly kind: 'events'; readonly ref: FleetRef }
  /** The next batch of the fleet's Changes (older CloudTrail pages). */
  | { readonly kind: 'changes'; readonly ref: FleetRef }
  /** The next chunk of a category's loaded events (nothing is fetched). */
  | { readonly kind: 'shown'; readonly ref: FleetRef; readonly categoryId: string }
  /** The fleet's next page of computes (under its Computes row). */
  | { readonly kind: 'computes'; readonly ref: FleetRef };

export class LoadMoreNode extends ExplorerNode {
  constructor(
    parent: ExplorerNode | undefined,
    readonly id: string,
    readonly target: MoreTarget,
    private readonly detail: string,
    private readonly label = 'Load more…',
  ) {
    super(parent);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    // A fleet's next page offers "Load all in this range" too; a category's "Show more…" does not.
    item.contextValue = this.target.kind === 'events' ? 'loadMore' : 'showMore';
    item.description = this.detail;
    item.iconPath = new vscode.ThemeIcon('more');
    item.command = { command: COMMAND.loadMore, title: this.label.replace('…', ''), arguments: [this] };
    return item;
  }
}
