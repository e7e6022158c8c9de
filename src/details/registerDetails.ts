// The event details panel and the fleet timeline: commands, the editor-title actions of the
// details panel, and restoring both kinds of panel after a window reload.
import { COMMAND, PANEL, TEST_COMMAND } from '../ids';
import * as vscode from 'vscode';
import { isFleetRef, type FleetEvent, type FleetRef } from '../gamelift/types';
import { isObject } from '../shared/guards';
import { DetailsController } from './detailsController';
import type { DetailsDeps } from './detailsDeps';
import { isPersistedState } from './protocol';

function isEventArg(value: unknown): value is { ref: FleetRef; event: FleetEvent } {
  if (!isObject(value) || !isFleetRef(value.ref) || !isObject(value.event)) return false;
  const event = value.event;
  return (
    typeof event.eventId === 'string' && typeof event.eventCode === 'string' && typeof event.fetchedAt === 'number'
  );
}

export function registerDetails(context: vscode.ExtensionContext, deps: DetailsDeps): DetailsController {
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
    command(COMMAND.showFleetTimeline, async (arg: unknown) => {
      const ref = (arg as { ref?: unknown } | undefined)?.ref;
      if (isFleetRef(ref)) {
        controller.showTimeline(ref);
        return;
      }
      // From the palette: the fleet of the details panel in view, if there is one.
      const active = controller.activeDetails();
      if (active) {
        controller.showTimeline(active.fleetRef);
        return;
      }
      // Otherwise ask, with the same fleet pick as "Fetch fleet events"; cancelling does nothing.
      const picked = await deps.explorer.pickFleet('GameLift: show fleet timeline');
      if (picked) controller.showTimeline(picked);
    }),
    command(COMMAND.detailsKeepOpen, () => controller.keepOpen()),
    command(COMMAND.detailsOpenLog, () => controller.activeDetails()?.openLog()),
    command(COMMAND.detailsCopyLogLink, () => controller.activeDetails()?.copyLogLink()),
    command(COMMAND.detailsRefreshLogLink, () => controller.activeDetails()?.refreshLink()),
  );

  context.subscriptions.push(
    controller,
    vscode.window.registerWebviewPanelSerializer(PANEL.eventDetails, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        if (!isPersistedState(state) || state.kind !== 'details') {
          deps.log.warn('Event details: could not restore a panel after reload (no usable saved state).');
          panel.dispose();
          return;
        }
        controller.restore(panel, state);
      },
    }),
    vscode.window.registerWebviewPanelSerializer(PANEL.fleetTimeline, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        if (!isPersistedState(state) || state.kind !== 'timeline') {
          deps.log.warn('Fleet timeline: could not restore a panel after reload (no usable saved state).');
          panel.dispose();
          return;
        }
        controller.restore(panel, state);
      },
    }),
  );

  // Hooks for the integration and UI tests; never registered in an installed extension.
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    context.subscriptions.push(
      command(TEST_COMMAND.detailsSnapshot, () => controller.snapshot()),
      command(TEST_COMMAND.detailsDeliver, (target: unknown, message: unknown) =>
        controller.deliver(target === 'timeline' || target === 'active' ? target : 'preview', message),
      ),
    );
  }
  return controller;
}
