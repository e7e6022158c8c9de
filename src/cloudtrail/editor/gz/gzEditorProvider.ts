// Opening a `*.json.gz` file (explorer double-click, Quick Open) lands here instead of VS Code's
// "binary file" notice: the custom editor hands over to the read-only decompressed text document
// and closes itself. If the file cannot be decompressed, the custom editor stays and says why.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { basename, decompressedUri } from './gzFileSystem';
import { CLOUDTRAIL_LANGUAGE } from '../../../ids';
import { detectCloudTrail, isCloudTrailFileName, DETECTION_HEAD_LENGTH } from '../detectCloudTrail';

export const GZ_EDITOR_VIEW_TYPE = 'gamelift.cloudtrailGz';

/** Opens the decompressed view of a gzip file in the cloudtrail language (json when it is not a CloudTrail log). */
export async function openDecompressed(
  gzFile: vscode.Uri,
  options: vscode.TextDocumentShowOptions = {},
): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(decompressedUri(gzFile));
  const language =
    isCloudTrailFileName(gzFile.path) ||
    detectCloudTrail(doc.getText(new vscode.Range(0, 0, 200, 0)).slice(0, DETECTION_HEAD_LENGTH))
      ? CLOUDTRAIL_LANGUAGE
      : 'json';
  const typed = doc.languageId === language ? doc : await vscode.languages.setTextDocumentLanguage(doc, language);
  return vscode.window.showTextDocument(typed, { preview: false, ...options });
}

export class GzEditorProvider implements vscode.CustomReadonlyEditorProvider {
  constructor(private readonly log: vscode.LogOutputChannel) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    panel.webview.options = { enableScripts: false, enableCommandUris: false, localResourceRoots: [] };
    panel.webview.html = page('Decompressing…', `Opening ${basename(document.uri)} as a read-only CloudTrail log.`);
    try {
      await openDecompressed(document.uri, { viewColumn: panel.viewColumn ?? vscode.ViewColumn.Active });
      await closeTabsOf(document.uri);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log.warn(`Opening ${document.uri.fsPath}: ${message}`);
      panel.webview.html = page('Cannot open this file as a CloudTrail log', message);
      void vscode.window.showErrorMessage(
        `GameLift: cannot open ${basename(document.uri)} as a CloudTrail log. ${message}`,
      );
    }
  }
}

async function closeTabsOf(uri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter(
      (t) =>
        t.input instanceof vscode.TabInputCustom &&
        t.input.viewType === GZ_EDITOR_VIEW_TYPE &&
        t.input.uri.toString() === uri.toString(),
    );
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

function page(title: string, message: string): string {
  const nonce = randomBytes(16).toString('base64');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}';">
<style nonce="${nonce}">body{font-family:var(--vscode-font-family);color:var(--vscode-foreground);padding:1.5em}h2{font-weight:600}</style>
<title>${escapeHtml(title)}</title></head>
<body><h2>${escapeHtml(title)}</h2><p>${escapeHtml(message)}</p></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}
