// Semantic tokens for the visible range: eventName, eventSource, errorCode/errorMessage, ARNs,
// account IDs, IP addresses and access key IDs stand out. Token types are declared in
// package.json (semanticTokenTypes, with TextMate scope fallbacks for themes).
import * as vscode from 'vscode';
import { semanticTokens, type CtTokenType } from '../../index';
import { piecesFor } from './textWindow';
import type { CloudTrailValidation } from '../validation';

const TYPE_NAMES: Record<CtTokenType, string> = {
  eventName: 'cloudtrailEventName',
  eventSource: 'cloudtrailEventSource',
  errorCode: 'cloudtrailErrorCode',
  errorMessage: 'cloudtrailErrorMessage',
  arn: 'cloudtrailArn',
  accountId: 'cloudtrailAccountId',
  ipAddress: 'cloudtrailIpAddress',
  accessKeyId: 'cloudtrailAccessKeyId',
  key: 'property',
};

export const CLOUDTRAIL_TOKEN_LEGEND = new vscode.SemanticTokensLegend(Object.values(TYPE_NAMES), []);
const TYPE_INDEX = new Map(Object.keys(TYPE_NAMES).map((k, i) => [k, i]));

export class CloudTrailSemanticTokensProvider implements vscode.DocumentRangeSemanticTokensProvider {
  constructor(private readonly validation: CloudTrailValidation) {}

  async provideDocumentRangeSemanticTokens(
    document: vscode.TextDocument,
    range: vscode.Range,
    token: vscode.CancellationToken,
  ): Promise<vscode.SemanticTokens | undefined> {
    const from = document.offsetAt(range.start);
    const to = document.offsetAt(range.end);
    let pieces = piecesFor(document, this.validation, from, to);
    if (!pieces) {
      // A large document without a current analysis: wait for it rather than scan the whole text here.
      await this.validation.whenCurrent(document, token);
      if (token.isCancellationRequested) return undefined;
      pieces = piecesFor(document, this.validation, from, to);
      if (!pieces) return undefined;
    }
    const builder = new vscode.SemanticTokensBuilder(CLOUDTRAIL_TOKEN_LEGEND);
    for (const piece of pieces) {
      const localFrom = Math.max(0, from - piece.base);
      const localTo = Math.min(piece.text.length, to - piece.base);
      for (const t of semanticTokens(piece.text, localFrom, localTo)) {
        const type = TYPE_INDEX.get(t.type);
        if (type === undefined || t.length <= 0) continue;
        const start = document.positionAt(piece.base + t.start);
        const end = document.positionAt(piece.base + t.start + t.length);
        if (start.line !== end.line) continue; // tokens must stay on one line
        builder.push(start.line, start.character, t.length, type, 0);
      }
      if (token.isCancellationRequested) return undefined;
    }
    return builder.build();
  }
}
