// The fleet overview: "Show fleet overview" (a fleet row's inline action and context menu, or the
// palette, which asks for the fleet) and the serializer that restores overviews after a reload.
import * as vscode from 'vscode';
import { isFleetRef } from '../gamelift/types';
import { COMMAND, TEST_COMMAND } from '../ids';
import { restoringSerializer } from '../panel/serializer';
import type { OverviewDeps } from './overviewDeps';
import { Overviews } from './overviews';
import { isPersistedState } from './protocol';

export function registerOverview(
  context: vscode.ExtensionContext,
  deps: OverviewDeps,
): { serializer: vscode.WebviewPanelSerializer } {
  const overviews = new Overviews(deps);
  context.subscriptions.push(
    overviews,
    // From the tree the argument is the fleet's node, which carries `ref`; others pass `{ref}`.
    vscode.commands.registerCommand(COMMAND.showFleetOverview, async (arg: unknown) => {
      const ref = (arg as { ref?: unknown } | undefined)?.ref;
      if (isFleetRef(ref)) {
        overviews.show(ref);
        return;
      }
      const picked = await deps.explorer.pickFleet('GameLift: show fleet overview');
      if (picked) overviews.show(picked);
    }),
  );
  // Hooks for the integration and UI tests; never registered in an installed extension.
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    context.subscriptions.push(
      vscode.commands.registerCommand(TEST_COMMAND.overviewSnapshot, (settle: unknown) =>
        overviews.snapshot(settle !== false),
      ),
      vscode.commands.registerCommand(TEST_COMMAND.overviewDeliver, (fleetId: unknown, message: unknown) =>
        typeof fleetId === 'string' ? overviews.deliver(fleetId, message) : undefined,
      ),
    );
  }
  return {
    serializer: restoringSerializer('Fleet overview', deps.log, isPersistedState, (panel, state) =>
      overviews.restore(panel, state),
    ),
  };
}
