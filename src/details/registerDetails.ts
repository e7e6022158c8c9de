// The event details panel: its commands (from the tree, the palette and the panel's title bar),
// the serializer that restores panels after a reload, and the DetailsApi the timeline uses.
import { COMMAND, TEST_COMMAND } from '../ids';
import * as vscode from 'vscode';
import { isEventArg } from '../gamelift/types';
import type { DetailsApi } from './api';
import { DetailsController } from './detailsController';
import type { DetailsDeps } from './detailsDeps';
import { restoringSerializer } from '../panel/serializer';
import { isPersistedState } from './protocol';

export function registerDetails(
  context: vscode.ExtensionContext,
  deps: DetailsDeps,
): { api: DetailsApi; serializer: vscode.WebviewPanelSerializer } {
  const controller = new DetailsController(deps);
  const command = vscode.commands.registerCommand;
  context.subscriptions.push(
    command(COMMAND.showEventDetails, (arg: unknown) => {
      if (!isEventArg(arg)) {
        void vscode.window.showInformationMessage('Select an event in the GameLift Fleets view to see its details.');
        return;
      }
      controller.showEvent(arg.ref, arg.event, { preserveFocus: true });
    }),
    command(COMMAND.showEventDetailsInNewPanel, (arg: unknown) => {
      if (isEventArg(arg)) controller.showEvent(arg.ref, arg.event, { keepOpen: true });
    }),
    command(COMMAND.detailsKeepOpen, () => controller.keepOpen()),
    command(COMMAND.detailsOpenLog, () => controller.activeDetails()?.openLog()),
    command(COMMAND.detailsOpenLogInBrowser, () => controller.activeDetails()?.openLogInBrowser()),
    command(COMMAND.detailsCopyLogLink, () => controller.activeDetails()?.copyLogLink()),
    command(COMMAND.detailsRefreshLogLink, () => controller.activeDetails()?.refreshLink()),
  );

  context.subscriptions.push(controller);
  // Registered at activation (src/activation/gamelift.ts), which loads this feature for it.
  const serializer = restoringSerializer('Event details', deps.log, isPersistedState, (panel, state) =>
    controller.restore(panel, state),
  );

  // Hooks for the integration and UI tests; never registered in an installed extension.
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    context.subscriptions.push(
      command(TEST_COMMAND.detailsSnapshot, () => controller.snapshot()),
      command(TEST_COMMAND.detailsDeliver, (target: unknown, message: unknown) =>
        controller.deliver(target === 'active' ? target : 'preview', message),
      ),
    );
  }
  const api: DetailsApi = {
    // A new panel beside the one the user is in (the timeline), so both stay visible.
    showEventBeside: (ref, event) => controller.showEvent(ref, event, { column: vscode.ViewColumn.Beside }),
    activeFleet: () => controller.activeDetails()?.fleetRef,
  };
  return { api, serializer };
}
