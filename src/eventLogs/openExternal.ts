// Opens a checked URL in the user's browser without VS Code re-encoding it. Passing a
// vscode.Uri makes the query go through Uri.parse/toString, which changes escapes such as
// %2B and %2F and so breaks presigned signatures (microsoft/vscode#85930). The extension
// host also accepts the URL as a string and then opens that exact string, so we pass it so.
import * as vscode from 'vscode';

export function openExternalExactly(url: string): Thenable<boolean> {
  return vscode.env.openExternal(url as unknown as vscode.Uri);
}
