// Quick fixes for CloudTrail diagnostics: the fixes the core attached to its diagnostics, as
// workspace edits; the core marks a fix preferred when it is certain. Fixes are looked up in the
// analysis of the document's current text by range, not only through context.diagnostics: the
// markers reach the workbench asynchronously and can lag behind a request made right after a change.
import * as vscode from 'vscode';
import { toRange, type CloudTrailValidation } from '../validation';
import type { LcDiagnostic } from '../worker/positionedResult';

export class CloudTrailCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(private readonly validation: CloudTrailValidation) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    if (
      context.only &&
      !context.only.contains(vscode.CodeActionKind.QuickFix) &&
      !vscode.CodeActionKind.QuickFix.contains(context.only)
    )
      return [];
    if (!this.validation.settings.get('cloudtrail.validate', document.uri)) return [];
    // A decompressed .json.gz (or any read-only file system) cannot take edits: offer none.
    if (vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false) return [];
    // Right after an edit the analysis is being redone; fixes must come from the current text.
    const analysis = await this.validation.whenCurrent(document, token);
    if (!analysis || token.isCancellationRequested) return [];
    const actions: vscode.CodeAction[] = [];
    for (const d of analysis.result.diagnostics) {
      if (!d.fixes || d.fixes.length === 0) continue;
      const where = toRange(d.range);
      if (!where.intersection(range) && !where.contains(range.start)) continue;
      const shown = context.diagnostics.find((s) => matches(d, s)) ?? asDiagnostic(d);
      for (const fix of d.fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        const edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) edit.replace(document.uri, toRange(e.range), e.newText);
        action.edit = edit;
        action.diagnostics = [shown];
        action.isPreferred = fix.isPreferred === true;
        actions.push(action);
      }
    }
    return actions;
  }
}

function matches(d: LcDiagnostic, shown: vscode.Diagnostic): boolean {
  const code = typeof shown.code === 'object' ? shown.code.value : shown.code;
  return (
    shown.source === 'CloudTrail' &&
    code === d.ruleId &&
    shown.message === d.message &&
    toRange(d.range).isEqual(shown.range)
  );
}

function asDiagnostic(d: LcDiagnostic): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(d.range), d.message);
  diagnostic.source = 'CloudTrail';
  diagnostic.code = d.ruleId;
  return diagnostic;
}
