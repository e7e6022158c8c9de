// The fleet timeline: the "Show fleet timeline" command (from a fleet's menu, the details
// panel's title bar or the palette), and the serializer that restores timelines after a reload.
import * as vscode from 'vscode';
import { isFleetRef } from '../gamelift/types';
import { COMMAND, TEST_COMMAND } from '../ids';
import { restoringSerializer } from '../panel/serializer';
import { isPersistedState } from './protocol';
import type { TimelineDeps } from './timelineDeps';
import { Timelines } from './timelines';

export function registerTimeline(
  context: vscode.ExtensionContext,
  deps: TimelineDeps,
): { serializer: vscode.WebviewPanelSerializer } {
  const timelines = new Timelines(deps);
  context.subscriptions.push(
    timelines,
    vscode.commands.registerCommand(COMMAND.showFleetTimeline, async (arg: unknown) => {
      const ref = (arg as { ref?: unknown } | undefined)?.ref;
      if (isFleetRef(ref)) {
        timelines.show(ref);
        return;
      }
      // From the palette: the fleet of the details panel in view, if there is one.
      const active = deps.details.activeFleet();
      if (active) {
        timelines.show(active);
        return;
      }
      // Otherwise ask, with the same fleet pick as "Fetch fleet events"; cancelling does nothing.
      const picked = await deps.explorer.pickFleet('GameLift: show fleet timeline');
      if (picked) timelines.show(picked);
    }),
  );
  // Hooks for the integration and UI tests; never registered in an installed extension.
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    context.subscriptions.push(
      vscode.commands.registerCommand(TEST_COMMAND.timelineSnapshot, () => timelines.snapshot()),
      vscode.commands.registerCommand(TEST_COMMAND.timelineDeliver, (message: unknown) => timelines.deliver(message)),
    );
  }
  // Registered at activation (src/activation/gamelift.ts), which loads this feature for it.
  return {
    serializer: restoringSerializer('Fleet timeline', deps.log, isPersistedState, (panel, state) =>
      timelines.restore(panel, state),
    ),
  };
}
