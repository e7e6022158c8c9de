// The part every details/timeline webview panel shares, so the security settings live in one
// place: the panel is created (and restored panels are re-armed) with the narrow webview
// options, gets the HTML shell with its CSP and fresh nonce, and every message from the page
// is checked by the protocol validator before the owner sees it. It also tracks whether the
// page is ready (a hidden page is torn down and says `ready` again when shown; we post only
// to a ready page) and hands dispose and view-state changes to the owner.
import * as vscode from 'vscode';
import { redactSecrets } from '../gamelift/redact';
import { isPageMessage, type HostMessage, type PageMessage } from './protocol';
import { renderShell, webviewOptions, type PageName } from './webviewShell';

/** A valid page message the owner handles (`ready` is handled here). */
export type PageRequest = Exclude<PageMessage, { readonly type: 'ready' }>;

/** What the owning panel does with its page. */
export interface SecurePanelOwner {
  /** The page's script runs (again): post the current state. `post` already reaches the page. */
  pageReady(): void;
  /** A valid page message other than `ready`. */
  handle(message: PageRequest): Promise<void> | void;
  /** A message handler threw. Default: the error is logged, redacted. */
  handleFailed?(err: unknown): void;
  viewStateChanged?(): void;
  disposed(): void;
}

export interface SecurePanelContext {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  /** The panel's name in log lines, e.g. "Event details". */
  readonly label: string;
}

/** A new webview panel with the narrow options (scripts only, no forms or command URIs, local resources from media/ and dist/webview/). */
export function createSecureWebviewPanel(
  viewType: string,
  title: string,
  showOptions: vscode.ViewColumn | { readonly viewColumn: vscode.ViewColumn; readonly preserveFocus?: boolean },
  extensionUri: vscode.Uri,
): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(viewType, title, showOptions, webviewOptions(extensionUri));
}

export class SecurePanel implements vscode.Disposable {
  private pageIsReady = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    page: PageName,
    private readonly context: SecurePanelContext,
    private readonly owner: SecurePanelOwner,
  ) {
    // Set again here: a panel restored after a reload comes with whatever options it was saved with.
    panel.webview.options = webviewOptions(context.extensionUri);
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.pageIsReady = false;
        owner.viewStateChanged?.();
      }),
    );
    // A new page: it says `ready` once its script runs, and only then do we post.
    panel.webview.html = renderShell(panel.webview, context.extensionUri, page);
  }

  get ready(): boolean {
    return this.pageIsReady;
  }

  /** Posts to the page, or drops the message while the page is not ready (it asks again with `ready`). */
  post(message: HostMessage): void {
    if (!this.pageIsReady) return;
    void this.panel.webview.postMessage(message);
  }

  /** Handles one message from the page, exactly as if the page had sent it (also used by tests). */
  async receive(raw: unknown): Promise<void> {
    if (!isPageMessage(raw)) {
      // The page is untrusted: never echo what it sent, just note that something was dropped.
      this.context.log.warn(`${this.context.label}: ignored a message of unknown shape from the page.`);
      return;
    }
    try {
      if (raw.type === 'ready') {
        this.pageIsReady = true;
        this.owner.pageReady();
        return;
      }
      await this.owner.handle(raw);
    } catch (err) {
      if (this.owner.handleFailed) this.owner.handleFailed(err);
      else
        this.context.log.error(
          redactSecrets(`${this.context.label}: ${err instanceof Error ? err.message : String(err)}`),
        );
    }
  }

  dispose(): void {
    if (this.subscriptions.length === 0) return;
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.owner.disposed();
  }
}
