// The part every webview panel shares (details, timeline), so the security settings live in
// one place: the panel is created (and restored panels are re-armed) with the narrow webview
// options, gets the HTML shell with its CSP and fresh nonce, and every message from the page
// is checked by that page's protocol validator before the owner sees it. It also tracks whether the
// page is ready (a hidden page is torn down and says `ready` again when shown; we post only
// to a ready page) and hands dispose and view-state changes to the owner.
import * as vscode from 'vscode';
import { redactSecrets } from '../gamelift/redact';
import type { ReadyMessage } from './protocol';
import { renderShell, webviewOptions, type PageShell } from './webviewShell';

/** A page: its shell and its protocol's check of what it sends (the page is untrusted). */
export interface PageSpec<PageMessage extends { readonly type: string }> extends PageShell {
  readonly isPageMessage: (value: unknown) => value is PageMessage | ReadyMessage;
}

/** What the owning panel does with its page. */
export interface SecurePanelOwner<PageMessage> {
  /** The page's script runs (again): post the current state. `post` already reaches the page. */
  pageReady(): void;
  /** A valid page message other than `ready`. */
  handle(message: PageMessage): Promise<void> | void;
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

export class SecurePanel<HostMessage, PageMessage extends { readonly type: string }> implements vscode.Disposable {
  private pageIsReady = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly page: PageSpec<PageMessage>,
    private readonly context: SecurePanelContext,
    private readonly owner: SecurePanelOwner<PageMessage>,
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
    if (!this.page.isPageMessage(raw)) {
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
      await this.owner.handle(raw as PageMessage);
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
