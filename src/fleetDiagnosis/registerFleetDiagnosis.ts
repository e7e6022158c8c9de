// "Diagnose fleet" (palette, fleet context menu, the tree's Diagnosis row, the watcher's
// notification): opens the fleet's Diagnosis panel; without a fleet it asks with the fleet pick
// of "Fetch fleet events" (a listed fleet, or a pasted ID or ARN). Returns the panels'
// serializer for activation.
import * as vscode from 'vscode';
import { isFleetRef } from '../gamelift/types';
import { COMMAND, TEST_COMMAND } from '../ids';
import { restoringSerializer } from '../panel/serializer';
import { DiagnosisPanels } from './diagnosisPanels';
import type { FleetDiagnosisDeps } from './fleetDiagnosisDeps';
import { isPersistedState } from './protocol';

export function registerFleetDiagnosis(
  context: vscode.ExtensionContext,
  deps: FleetDiagnosisDeps,
): { serializer: vscode.WebviewPanelSerializer } {
  const panels = new DiagnosisPanels(deps);
  context.subscriptions.push(
    panels,
    vscode.commands.registerCommand(COMMAND.diagnoseFleet, async (arg: unknown) => {
      // A fleet node, the Diagnosis row and the notification pass {ref}.
      const given = (arg as { ref?: unknown } | undefined)?.ref;
      const ref = isFleetRef(given) ? given : await deps.explorer.pickFleet('GameLift: diagnose fleet');
      if (ref) await panels.show(ref);
    }),
    vscode.commands.registerCommand(COMMAND.diagnosisCopyMarkdown, () => panels.active()?.copyMarkdown()),
  );
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    context.subscriptions.push(
      vscode.commands.registerCommand(TEST_COMMAND.diagnosisSnapshot, () => panels.snapshot()),
      vscode.commands.registerCommand(TEST_COMMAND.diagnosisDeliver, (message: unknown, ref: unknown) =>
        panels.deliver(message, isFleetRef(ref) ? ref : undefined),
      ),
    );
  }
  return {
    serializer: restoringSerializer('Fleet diagnosis', deps.log, isPersistedState, (panel, state) =>
      panels.restore(panel, state),
    ),
  };
}
