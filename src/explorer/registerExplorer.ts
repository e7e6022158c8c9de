// Placeholder until the fleet explorer lands (issue: fleet explorer).
import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import type { ExplorerApi } from './api';
import { registerNotAvailable } from '../notAvailable';

export function registerExplorer(context: vscode.ExtensionContext, _deps: ExtensionDeps): ExplorerApi {
  const emptyTree: vscode.TreeDataProvider<never> = { getChildren: () => [], getTreeItem: (e) => e };
  context.subscriptions.push(vscode.window.createTreeView('gamelift.fleets', { treeDataProvider: emptyTree }));
  registerNotAvailable(context, {
    'gamelift.fetchFleetEvents': 'Fetching fleet events',
    'gamelift.refresh': 'Refreshing fleets',
    'gamelift.selectProfile': 'Selecting a profile',
    'gamelift.selectRegions': 'Selecting regions',
  });
  return { getLoadedEvents: () => [], getFleet: () => undefined, revealEvent: async () => undefined };
}
