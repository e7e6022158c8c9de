// Format Document for CloudTrail logs: the core pretty-prints valid JSON (keeping member order);
// broken JSON is left alone with a message rather than guessed at.
import * as vscode from 'vscode';
import { formatCloudTrail } from '../../index';

export class CloudTrailFormattingProvider implements vscode.DocumentFormattingEditProvider {
  provideDocumentFormattingEdits(document: vscode.TextDocument, options: vscode.FormattingOptions): vscode.TextEdit[] {
    if (vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false) return []; // read-only view
    const text = document.getText();
    const formatted = formatCloudTrail(text, options.insertSpaces ? options.tabSize : 1);
    if (formatted === undefined) {
      void vscode.window.showWarningMessage(
        'GameLift: this CloudTrail log is not valid JSON yet, so it was not formatted. Fix the errors shown in Problems first.',
      );
      return [];
    }
    const withTabs = options.insertSpaces ? formatted : formatted.replace(/^ +/gm, (lead) => '\t'.repeat(lead.length));
    const eol = document.eol === vscode.EndOfLine.CRLF ? withTabs.replace(/\r?\n/g, '\r\n') : withTabs;
    if (eol === text) return [];
    const all = new vscode.Range(document.positionAt(0), document.positionAt(text.length));
    return [vscode.TextEdit.replace(all, eol)];
  }
}
