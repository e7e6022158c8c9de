// "Fetch events for fleet-…" above the first mention of a fleet in each GameLift record: runs
// the explorer's gamelift.fetchFleetEvents with { fleetId, region, accountId } (where the record
// says the fleet is). CodeLens carries the command and its arguments itself, so no command URI is
// ever rendered.
import { COMMAND } from '../../../ids';
import * as vscode from 'vscode';
import { toRange, type CloudTrailValidation } from '../validation';
import { fleetRefsOf, recordAt } from '../worker/resultReader';
import { fleetPlace } from '../fleetPlace';

export class CloudTrailFleetLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly validation: CloudTrailValidation) {
    validation.onDidAnalyze(() => this.changed.fire());
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!this.validation.settings.get('cloudtrail.fleetLinks', document.uri)) return [];
    const analysis = (await this.validation.whenCurrent(document, token)) ?? this.validation.latest(document);
    if (!analysis) return [];
    // One lens per fleet per record: the analysis keeps only the first reference of each.
    const lenses: vscode.CodeLens[] = [];
    for (const ref of fleetRefsOf(analysis.result)) {
      const range = toRange(ref.range);
      const record = ref.record >= 0 ? recordAt(analysis.result, ref.record) : undefined;
      const value = document.getText(range);
      // The record's text only when the value is no ARN (an ARN names its own account).
      const recordText =
        record && !value.startsWith('arn:')
          ? document.getText(
              new vscode.Range(document.positionAt(record.startOffset), document.positionAt(record.endOffset)),
            )
          : undefined;
      const place = fleetPlace(value, record?.awsRegion || undefined, recordText);
      lenses.push(
        new vscode.CodeLens(range, {
          title: `$(cloud-download) Fetch events for ${ref.fleetId}`,
          tooltip: `Show the fleet events of ${ref.fleetId} in the GameLift explorer`,
          command: COMMAND.fetchFleetEvents,
          arguments: [{ fleetId: ref.fleetId, ...place }],
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
