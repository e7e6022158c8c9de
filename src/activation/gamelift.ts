// The GameLift features (Fleets view, event details, fleet timeline) as activation registers
// them: stand-ins only, so activating for a JSON file loads neither them nor the AWS SDK. The
// first use (the view drawn, one of their commands, a CloudTrail fleet link, a panel restored
// after a reload) loads dist/gamelift.js once; it registers the real commands in place of the
// stand-ins. The status bar item shows once the view was opened or a connection setting is set.
import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import type { ExplorerNode } from '../explorer/nodes/explorerNode';
import { createStatusBar } from '../explorer/statusBar';
import { FLEETS_VIEW, gameliftBundleCommands, PANEL } from '../ids';
import type * as GameLiftBundle from './gameliftBundle';
import { DeferredTreeProvider } from './deferredTree';

export function registerGameLiftOnDemand(context: vscode.ExtensionContext, deps: ExtensionDeps): void {
  let bundle: GameLiftBundle.GameLiftPart | undefined;
  const load = (): GameLiftBundle.GameLiftPart => {
    if (bundle) return bundle;
    // The stand-ins make way for the real commands, which the bundle registers.
    for (const standIn of standIns.splice(0)) standIn.dispose();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle of its own, loaded on first use (scripts/build.mjs)
    const loaded = require('./gamelift.js') as typeof GameLiftBundle;
    try {
      bundle = loaded.activateGameLift(context, deps, { view, attach: (provider) => tree.attach(provider) });
    } catch (err) {
      // The tree that asked swallows the error; without this line a part that failed to
      // register would only show as "command not found" later.
      deps.log.error(
        `Loading the GameLift features failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
      throw err;
    }
    return bundle;
  };

  const tree = new DeferredTreeProvider<ExplorerNode>(load);
  const view = vscode.window.createTreeView(FLEETS_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  const standIns = gameliftBundleCommands(context.extensionMode === vscode.ExtensionMode.Production).map((id) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => {
      load();
      return vscode.commands.executeCommand(id, ...args);
    }),
  );
  context.subscriptions.push(
    tree,
    view,
    { dispose: () => standIns.forEach((s) => s.dispose()) },
    createStatusBar(deps.settings, view),
    ...Object.values(PANEL).map((panelType) =>
      vscode.window.registerWebviewPanelSerializer(panelType, {
        deserializeWebviewPanel: (panel: vscode.WebviewPanel, state: unknown) =>
          load().restorePanel(panelType, panel, state),
      }),
    ),
  );
}
