// The open container log documents: a read-only `gamelift-container-log:` document per opened
// log (its text from a LogDocument), CodeLenses on the first line (Load older, Follow, Save to
// file), and the follow timer, which polls only the followed documents visible in an editor.
import * as vscode from 'vscode';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { GAMELIFT_LOG_LANGUAGE } from '../containerLogs/formatLogLine';
import { COMMAND } from '../ids';
import { LogDocument, type LogDocumentSpec } from './logDocument';

export const CONTAINER_LOG_SCHEME = 'gamelift-container-log';

/** How often follow mode asks for new lines. */
export const FOLLOW_INTERVAL_MS = 5_000;

export class LogDocuments implements vscode.TextDocumentContentProvider, vscode.CodeLensProvider, vscode.Disposable {
  private readonly docs = new Map<string, LogDocument>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  private readonly lensChanges = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changes.event;
  readonly onDidChangeCodeLenses = this.lensChanges.event;
  private readonly subscriptions: vscode.Disposable[];
  private timer: ReturnType<typeof setInterval> | undefined;
  private opened = 0;

  constructor() {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(CONTAINER_LOG_SCHEME, this),
      vscode.languages.registerCodeLensProvider({ scheme: CONTAINER_LOG_SCHEME }, this),
      vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc.uri)),
      this.changes,
      this.lensChanges,
    ];
  }

  /** Opens a new document for `spec` once its newest lines are read; resolves to its URI. */
  async open(client: CloudWatchLogsClient, spec: LogDocumentSpec, name: string): Promise<LogDocument> {
    const safeName = name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120);
    const uri = vscode.Uri.from({
      scheme: CONTAINER_LOG_SCHEME,
      path: `/${safeName}.gamelift.log`,
      query: `${++this.opened}`,
    });
    const doc = new LogDocument(client, spec, () => this.changed(uri));
    this.docs.set(uri.toString(), doc);
    await doc.loadNewest();
    const text = await vscode.workspace.openTextDocument(uri);
    if (text.languageId !== GAMELIFT_LOG_LANGUAGE)
      await vscode.languages.setTextDocumentLanguage(text, GAMELIFT_LOG_LANGUAGE);
    await vscode.window.showTextDocument(text, { preview: false });
    return doc;
  }

  get(uri: vscode.Uri | undefined): LogDocument | undefined {
    return uri ? this.docs.get(uri.toString()) : undefined;
  }

  /** The URI of an open document (tests and commands find documents by it). */
  uriOf(doc: LogDocument): vscode.Uri | undefined {
    for (const [key, open] of this.docs) if (open === doc) return vscode.Uri.parse(key);
    return undefined;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const doc = this.docs.get(uri.toString());
    // A document restored after a reload has no reader behind it any more.
    return (
      doc?.content ??
      '# This container log was opened before the window reloaded. Open it again with "GameLift: Open container logs".'
    );
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const doc = this.docs.get(document.uri.toString());
    if (!doc) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const args = [document.uri];
    const lenses = [
      new vscode.CodeLens(top, {
        // A window starting before 2024 reads forward (CloudWatch's rule): there "more" is newer.
        title: !doc.reader.hasOlder
          ? '$(history) Load the hour before'
          : doc.reader.order === 'oldestFirst'
            ? '$(fold-down) Load more'
            : '$(fold-up) Load older',
        command: COMMAND.containerLogLoadOlder,
        arguments: args,
      }),
    ];
    if (doc.followable) {
      lenses.push(
        new vscode.CodeLens(top, {
          title: doc.following ? '$(debug-pause) Stop following' : '$(eye) Follow',
          command: COMMAND.containerLogFollow,
          arguments: args,
        }),
      );
    }
    lenses.push(
      new vscode.CodeLens(top, { title: '$(save) Save to file…', command: COMMAND.saveContainerLog, arguments: args }),
    );
    return lenses;
  }

  /** Turns follow mode on or off; the timer runs while any document follows. */
  setFollowing(doc: LogDocument, following: boolean): void {
    doc.following = following && doc.followable;
    const anyFollowing = [...this.docs.values()].some((d) => d.following);
    if (anyFollowing && !this.timer) this.timer = setInterval(() => void this.pollVisible(), FOLLOW_INTERVAL_MS);
    if (!anyFollowing && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    const uri = this.uriOf(doc);
    if (uri) this.changed(uri);
  }

  /** One follow tick: polls each followed document shown in an editor (hidden ones wait). */
  async pollVisible(): Promise<void> {
    const visible = new Set(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()));
    await Promise.all(
      [...this.docs].filter(([key, doc]) => doc.following && visible.has(key)).map(([, doc]) => doc.poll()),
    );
  }

  private changed(uri: vscode.Uri): void {
    this.changes.fire(uri);
    this.lensChanges.fire();
  }

  private closed(uri: vscode.Uri): void {
    const key = uri.toString();
    const doc = this.docs.get(key);
    if (!doc) return;
    doc.dispose();
    this.docs.delete(key);
    this.setFollowing(doc, false);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    for (const doc of this.docs.values()) doc.dispose();
    this.docs.clear();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
