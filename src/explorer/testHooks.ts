// A hidden command that hands integration tests the explorer's live objects (the tree
// provider, model, prompt holder, watcher) so they can read the tree and answer prompts.
// Registered only outside production mode (an installed extension never has it).
import { TEST_COMMAND } from '../ids';
import * as vscode from 'vscode';
import type { ExplorerView } from './explorerView';
import type { ExplorerNode } from './nodes/explorerNode';
import type { PromptHolder } from './prompts';
import type { FleetWatcher } from './watcher';

export interface NodeSnapshot {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly contextValue?: string;
  readonly tooltip?: string;
  readonly icon?: string;
  readonly command?: string;
  readonly children?: NodeSnapshot[];
}

export interface ExplorerTestHooks {
  readonly explorer: ExplorerView;
  readonly prompts: PromptHolder;
  readonly watcher: FleetWatcher;
  /** Where this extension's log files are written (tests check nothing secret reaches them). */
  readonly logUri: vscode.Uri;
  /** The tree as plain data, expanding nodes whose contextValue matches `expand` (to `depth`). */
  snapshot(options?: { expand?: RegExp; depth?: number }): Promise<NodeSnapshot[]>;
}

export function registerTestHooks(
  context: vscode.ExtensionContext,
  parts: { explorer: ExplorerView; prompts: PromptHolder; watcher: FleetWatcher },
): void {
  if (context.extensionMode === vscode.ExtensionMode.Production) return;
  const hooks: ExplorerTestHooks = {
    ...parts,
    logUri: context.logUri,
    snapshot: (options = {}) =>
      snapshot(parts.explorer, undefined, options.expand ?? /^(profile|region)$/, options.depth ?? 6),
  };
  context.subscriptions.push(vscode.commands.registerCommand(TEST_COMMAND.explorerHooks, () => hooks));
}

async function snapshot(
  explorer: ExplorerView,
  node: ExplorerNode | undefined,
  expand: RegExp,
  depth: number,
): Promise<NodeSnapshot[]> {
  const children = await explorer.provider.getChildren(node);
  return Promise.all(
    children.map(async (child) => {
      const item = explorer.provider.resolveTreeItem(child.getTreeItem(), child);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      const shot: NodeSnapshot = {
        id: child.id,
        label,
        ...(item.description !== undefined ? { description: String(item.description) } : {}),
        ...(item.contextValue ? { contextValue: item.contextValue } : {}),
        ...(typeof item.tooltip === 'string' ? { tooltip: item.tooltip } : {}),
        ...(item.iconPath instanceof vscode.ThemeIcon ? { icon: item.iconPath.id } : {}),
        ...(item.command ? { command: item.command.command } : {}),
      };
      if (depth > 1 && item.contextValue && expand.test(item.contextValue)) {
        return { ...shot, children: await snapshot(explorer, child, expand, depth - 1) };
      }
      return shot;
    }),
  );
}
