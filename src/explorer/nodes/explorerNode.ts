// The base of every explorer tree node: data plus getTreeItem(), a stable id and a parent
// (for reveal). Nodes reach shared state through the TreeContext they are built with.
import type * as vscode from 'vscode';
import type { ClassifiedError } from '../../gamelift/errors';
import type { ExplorerModel } from '../model/explorerModel';
import type { ExplorerSettings } from '../settings';

export interface TreeContext {
  readonly model: ExplorerModel;
  settings(): ExplorerSettings;
  now(): number;
  /** Asks the tree to redraw a node (or everything). */
  changed(node?: ExplorerNode): void;
  /** Returns the cached node with this id, or makes and caches one (keeps node identity). */
  node<T extends ExplorerNode>(id: string, make: () => T): T;
  /** Reports an error once (log line; sign-in prompt or credentials welcome when relevant). */
  reportError(error: ClassifiedError): void;
}

export abstract class ExplorerNode {
  abstract readonly id: string;
  constructor(readonly parent: ExplorerNode | undefined) {}
  abstract getTreeItem(): vscode.TreeItem;
  getChildren(): ExplorerNode[] | Promise<ExplorerNode[]> {
    return [];
  }
}
