// Webview options and HTML shell shared by the details and timeline panels: scripts on,
// forms and command URIs off, local resources limited to media/ and dist/webview/, and a
// fresh CSP nonce for every render.
import * as vscode from 'vscode';
import { buildShellHtml, createNonce } from './html';

export type PageName = 'details' | 'timeline';

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

const TITLES: Record<PageName, { title: string; loading: string }> = {
  details: { title: 'GameLift event details', loading: 'Loading event details…' },
  timeline: { title: 'GameLift fleet timeline', loading: 'Loading the fleet timeline…' },
};

export function renderShell(webview: vscode.Webview, extensionUri: vscode.Uri, page: PageName): string {
  const asset = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
  return buildShellHtml({
    cspSource: webview.cspSource,
    nonce: createNonce(),
    title: TITLES[page].title,
    loadingText: TITLES[page].loading,
    styleUris: [
      asset('dist', 'webview', 'codicons', 'codicon.css'),
      asset('media', 'details-common.css'),
      asset('media', `${page === 'details' ? 'details' : 'timeline'}.css`),
    ],
    scriptUri: asset('dist', 'webview', `${page}.js`),
  });
}
