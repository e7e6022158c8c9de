// Folding for CloudTrail documents: every multi-line object and array, computed next to
// validation (in the worker for big documents).
import * as vscode from 'vscode';
import type { CloudTrailValidation } from '../validation';

export class CloudTrailFoldingProvider implements vscode.FoldingRangeProvider {
  constructor(private readonly validation: CloudTrailValidation) {}

  async provideFoldingRanges(
    document: vscode.TextDocument,
    _context: vscode.FoldingContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.FoldingRange[] | undefined> {
    const analysis = (await this.validation.whenCurrent(document, token)) ?? this.validation.latest(document);
    if (!analysis || token.isCancellationRequested) return undefined;
    const pairs = analysis.result.folding;
    const ranges: vscode.FoldingRange[] = new Array(pairs.length / 2);
    for (let k = 0; k < pairs.length; k += 2)
      ranges[k / 2] = new vscode.FoldingRange(pairs[k], Math.max(pairs[k], pairs[k + 1] - 1));
    return ranges;
  }
}
