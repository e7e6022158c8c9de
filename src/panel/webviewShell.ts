// Webview options and HTML shell shared by every page (details, timeline): scripts on, forms
// and command URIs off, local resources limited to media/ and dist/webview/, and a fresh CSP
// nonce for every render.
import * as vscode from 'vscode';
import { buildShellHtml, createNonce } from './html';

/** What the shell needs to know about a page: its files and its static texts. */
export interface PageShell {
  /** `dist/webview/<name>.js` and `media/<name>.css`. */
  readonly name: string;
  /** The document title (never service text). */
  readonly title: string;
  /** Shown until the page has rendered. */
  readonly loading: string;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    enableFindWidget: true,
    localResourceRoots: [
      vscode.Uri.joinPath(extensionUri, 'media'),
      vscode.Uri.joinPath(extensionUri, 'dist', 'webview'),
    ],
  };
}

export function renderShell(webview: vscode.Webview, extensionUri: vscode.Uri, page: PageShell): string {
  const asset = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
  return buildShellHtml({
    cspSource: webview.cspSource,
    nonce: createNonce(),
    title: page.title,
    loadingText: page.loading,
    styleUris: [
      asset('dist', 'webview', 'codicons', 'codicon.css'),
      asset('media', 'details-common.css'),
      asset('media', `${page.name}.css`),
    ],
    scriptUri: asset('dist', 'webview', `${page.name}.js`),
  });
}
