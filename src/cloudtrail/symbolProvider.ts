// Outline of a CloudTrail document: one symbol per record, `eventName · eventTime · user`,
// with the service (and error, if the call failed) as detail.
import * as vscode from 'vscode';
import { recordAt, recordLabel } from './adapterRecords';
import type { CloudTrailValidation } from './adapterValidation';

export class CloudTrailSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly validation: CloudTrailValidation) {}

  async provideDocumentSymbols(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[] | undefined> {
    const analysis = await this.validation.whenCurrent(document, token);
    if (!analysis || token.isCancellationRequested) return undefined;
    const { result } = analysis;
    const symbols: vscode.DocumentSymbol[] = new Array(result.recordCount);
    for (let i = 0; i < result.recordCount; i++) {
      const r = recordAt(result, i);
      const range = new vscode.Range(r.range[0], r.range[1], r.range[2], r.range[3]);
      const selection = r.nameRange ? new vscode.Range(r.nameRange[0], r.nameRange[1], r.nameRange[2], r.nameRange[3]) : new vscode.Range(range.start, range.start);
      const detail = [r.eventSource, r.errorCode ? `✗ ${r.errorCode}` : ''].filter(Boolean).join(' ');
      symbols[i] = new vscode.DocumentSymbol(recordLabel(r), detail, r.errorCode ? vscode.SymbolKind.Event : vscode.SymbolKind.Event, range, range.contains(selection) ? selection : new vscode.Range(range.start, range.start));
    }
    return symbols;
  }
}
