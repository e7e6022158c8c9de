// The length of a document in UTF-16 units without copying its text (getText() of a large log
// would allocate tens of megabytes just to measure it).
import * as vscode from 'vscode';

export function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(new vscode.Position(document.lineCount, 0));
}
