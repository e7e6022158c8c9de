// The CloudTrail history's VS Code side: "Open CloudTrail folder…" (any folder, read into the
// history view), "Show CloudTrail history" for a fleet (the open folder, else LookupEvents),
// read-only documents for records from LookupEvents and the command that opens one, and the
// serializer that restores history panels after a reload.
import * as vscode from 'vscode';
import type { AwsDeps } from '../deps';
import type { ExplorerApi } from '../explorer/api';
import { isFleetRef } from '../gamelift/types';
import { COMMAND, TEST_COMMAND } from '../ids';
import { restoringSerializer } from '../panel/serializer';
import { HistoryPanels } from './historyPanels';
import { isPersistedState } from './protocol';
import { isRecordToOpen, RECORD_SCHEME, RecordDocuments } from './recordDocuments';

export interface HistoryViewDeps extends AwsDeps {
  readonly explorer: ExplorerApi;
}

export function registerHistoryView(
  context: vscode.ExtensionContext,
  deps: HistoryViewDeps,
): { serializer: vscode.WebviewPanelSerializer } {
  const records = new RecordDocuments();
  const panels = new HistoryPanels({ ...deps, records });
  context.subscriptions.push(
    records,
    panels,
    vscode.workspace.registerFileSystemProvider(RECORD_SCHEME, records, { isReadonly: true, isCaseSensitive: true }),
    vscode.commands.registerCommand(COMMAND.openCloudTrailRecord, async (record: unknown) => {
      if (!isRecordToOpen(record)) return undefined;
      try {
        return await records.open(record);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        deps.log.warn(`Opening the CloudTrail record ${record.eventId}: ${message}`);
        void vscode.window.showErrorMessage(`GameLift: cannot open the CloudTrail record. ${message}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand(COMMAND.openCloudTrailFolder, async (arg?: unknown, selected?: unknown) => {
      const folders = await foldersFrom(arg, selected);
      if (!folders || folders.length === 0) return undefined;
      return panels.showFolder(folders.map((u) => u.fsPath)).persist;
    }),
    vscode.commands.registerCommand(COMMAND.showCloudTrailHistory, async (arg?: unknown) => {
      const ref = (arg as { ref?: unknown } | undefined)?.ref;
      const fleet = isFleetRef(ref) ? ref : await deps.explorer.pickFleet('GameLift: show CloudTrail history');
      return fleet ? panels.showFleet(fleet).persist : undefined;
    }),
  );
  // Hooks for the integration and UI tests; never registered in an installed extension.
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    context.subscriptions.push(
      vscode.commands.registerCommand(TEST_COMMAND.historySnapshot, () => panels.snapshot()),
      vscode.commands.registerCommand(TEST_COMMAND.historyDeliver, (message: unknown) => panels.deliver(message)),
    );
  }
  return {
    serializer: restoringSerializer('CloudTrail history', deps.log, isPersistedState, (panel, state) =>
      panels.restore(panel, state),
    ),
  };
}

/** The folders of the explorer's context menu (all selected), or a folder picker. */
async function foldersFrom(arg: unknown, selected: unknown): Promise<readonly vscode.Uri[] | undefined> {
  const picked = Array.isArray(selected) ? selected.filter((u) => u instanceof vscode.Uri) : [];
  if (picked.length > 0) return picked;
  if (arg instanceof vscode.Uri) return [arg];
  if (typeof arg === 'string' && arg) return [vscode.Uri.file(arg)];
  return vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: true,
    canSelectMany: true,
    openLabel: 'Read CloudTrail logs',
    title: 'GameLift: open a folder of CloudTrail logs (an aws s3 sync of a trail bucket, or any folder)',
  });
}
