// The CloudTrail history's VS Code side: read-only documents for records from LookupEvents (a
// fleet's Changes, the timeline's change marks) and the command that opens one.
import * as vscode from 'vscode';
import type { AwsDeps } from '../deps';
import { COMMAND } from '../ids';
import { isRecordToOpen, RECORD_SCHEME, RecordDocuments } from './recordDocuments';

export function registerHistoryView(context: vscode.ExtensionContext, deps: AwsDeps): void {
  const records = new RecordDocuments();
  context.subscriptions.push(
    records,
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
  );
}
