// The entry of dist/gamelift.js, loaded on first use of a GameLift feature: it creates the AWS
// client factory (so the AWS SDK loads only now) and registers the Fleets view, event logs, the
// event details panel, the fleet timeline, the CloudTrail history view, the fleet diagnosis, the
// fleet overview and the container logs, one register call per feature as in extension.ts.
import type * as vscode from 'vscode';
import { withAwsClients, type ExtensionDeps } from '../deps';
import { registerContainerLogs } from '../containerLogView/registerContainerLogs';
import { registerDetails } from '../details/registerDetails';
import { registerEventLogs } from '../eventLogs/registerEventLogs';
import type { FleetsView } from '../explorer/explorerView';
import { registerExplorer } from '../explorer/registerExplorer';
import { registerFleetDiagnosis } from '../fleetDiagnosis/registerFleetDiagnosis';
import { registerHistoryView } from '../historyView/registerHistoryView';
import { PANEL } from '../ids';
import { registerOverview } from '../overview/registerOverview';
import { registerTimeline } from '../timeline/registerTimeline';

export interface GameLiftPart {
  /** Restores one of our webview panels after a window reload (its serializer's job). */
  restorePanel(panelType: string, panel: vscode.WebviewPanel, state: unknown): Thenable<void>;
}

export function activateGameLift(
  context: vscode.ExtensionContext,
  deps: ExtensionDeps,
  fleets: FleetsView,
): GameLiftPart {
  const awsDeps = withAwsClients(context, deps);
  const explorer = registerExplorer(context, awsDeps, fleets);
  const eventLogs = registerEventLogs(context, { ...awsDeps, explorer });
  const details = registerDetails(context, { ...awsDeps, explorer, eventLogs });
  const timeline = registerTimeline(context, { ...awsDeps, explorer, details: details.api });
  const history = registerHistoryView(context, { ...awsDeps, explorer });
  const diagnosis = registerFleetDiagnosis(context, { ...awsDeps, explorer, eventLogs, details: details.api });
  const overview = registerOverview(context, { ...awsDeps, explorer });
  registerContainerLogs(context, { ...awsDeps, explorer, prompts: explorer.prompts });
  const serializers: Record<string, vscode.WebviewPanelSerializer> = {
    [PANEL.eventDetails]: details.serializer,
    [PANEL.fleetTimeline]: timeline.serializer,
    [PANEL.cloudTrailHistory]: history.serializer,
    [PANEL.fleetDiagnosis]: diagnosis.serializer,
    [PANEL.fleetOverview]: overview.serializer,
  };
  return {
    restorePanel: (panelType, panel, state) => {
      const serializer = serializers[panelType];
      if (serializer) return serializer.deserializeWebviewPanel(panel, state);
      panel.dispose();
      return Promise.resolve();
    },
  };
}
