// Outline of a CloudTrail document: one symbol per record, `eventName · eventTime · user`, with
// the service (and the error, if the call failed) as detail. Built in slices that yield to the
// event loop, and capped, so a log with tens of thousands of records never freezes the host.
import * as vscode from 'vscode';
import { recordAt, recordLabel } from '../worker/resultReader';
import type { CloudTrailValidation } from '../validation';

/** Most records listed in the outline (the JSON language service stops at 5000 items too); larger logs list their first records. */
export const MAX_OUTLINE_RECORDS = 5000;
const SLICE = 1000;

export class CloudTrailSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(
    private readonly validation: CloudTrailValidation,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async provideDocumentSymbols(
    document: vscode.TextDocument,
    token: vscode.CancellationToken,
  ): Promise<vscode.DocumentSymbol[] | undefined> {
    const analysis = await this.validation.whenCurrent(document, token);
    if (!analysis || token.isCancellationRequested) return undefined;
    const { result } = analysis;
    const count = Math.min(result.recordCount, MAX_OUTLINE_RECORDS);
    if (result.recordCount > count)
      this.log.debug(
        `Outline of ${document.uri.path.replace(/^.*\//, '')}: showing the first ${count} of ${result.recordCount} records.`,
      );
    const symbols: vscode.DocumentSymbol[] = new Array(count);
    for (let i = 0; i < count; i++) {
      if (i > 0 && i % SLICE === 0) {
        await new Promise<void>((r) => setImmediate(r));
        if (token.isCancellationRequested) return undefined;
      }
      const r = recordAt(result, i);
      const range = new vscode.Range(r.range[0], r.range[1], r.range[2], r.range[3]);
      const name = r.nameRange
        ? new vscode.Range(r.nameRange[0], r.nameRange[1], r.nameRange[2], r.nameRange[3])
        : undefined;
      const selection = name && range.contains(name) ? name : new vscode.Range(range.start, range.start);
      const detail = r.errorCode ? `${r.eventSource} ✗ ${r.errorCode}`.trim() : r.eventSource;
      symbols[i] = new vscode.DocumentSymbol(recordLabel(r), detail, vscode.SymbolKind.Event, range, selection);
    }
    return symbols;
  }
}
