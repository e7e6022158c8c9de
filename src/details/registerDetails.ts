// The event details panel and the fleet timeline: commands, the editor-title actions of the
// details panel, and restoring both kinds of panel after a window reload.
import * as vscode from 'vscode';
import { isFleetRef, type FleetEvent, type FleetRef } from '../gamelift/types';
import { isObject } from '../shared/guards';
import { DetailsController } from './detailsController';
import type { DetailsDeps } from './detailsDeps';
import { DETAILS_VIEW_TYPE } from './detailsPanel';
import { isPersistedState } from './protocol';
import { TIMELINE_VIEW_TYPE } from './timelinePanel';

function isEventArg(value: unknown): value is { ref: FleetRef; event: FleetEvent } {
  if (!isObject(value) || !isFleetRef(value.ref) || !isObject(value.event)) return false;
  const event = value.event;
  return (
    typeof event.eventId === 'string' && typeof event.eventCode === 'string' && typeof event.fetchedAt === 'number'
  );
}

export function registerDetails(context: vscode.ExtensionContext, deps: DetailsDeps): DetailsController {
  const controller = new DetailsController(deps);
  const command = (id: string, run: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, run));

  command('gamelift.showEventDetails', (arg) => {
    if (!isEventArg(arg)) {
      void vscode.window.showInformationMessage('Select an event in the GameLift Fleets view to see its details.');
      return;
    }
    controller.showEvent(arg.ref, arg.event, { preserveFocus: true });
  });
  command('gamelift.showEventDetailsInNewPanel', (arg) => {
    if (isEventArg(arg)) controller.showEvent(arg.ref, arg.event, { keepOpen: true });
  });
  command('gamelift.showFleetTimeline', async (arg) => {
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
  });
  command('gamelift.details.keepOpen', () => controller.keepOpen());
  command('gamelift.details.openLog', () => controller.activeDetails()?.openLog());
  command('gamelift.details.copyLogLink', () => controller.activeDetails()?.copyLogLink());
  command('gamelift.details.refreshLogLink', () => controller.activeDetails()?.refreshLink());

  context.subscriptions.push(
    controller,
    vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        if (!isPersistedState(state) || state.kind !== 'details') {
          deps.log.warn('Event details: could not restore a panel after reload (no usable saved state).');
          panel.dispose();
          return;
        }
        controller.restore(panel, state);
      },
    }),
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
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
    command('gamelift.details._snapshot', () => controller.snapshot());
    command('gamelift.details._deliver', (target, message) =>
      controller.deliver(target === 'timeline' || target === 'active' ? target : 'preview', message),
    );
  }
  return controller;
}
