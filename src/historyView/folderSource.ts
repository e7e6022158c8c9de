// A folder (or files) of CloudTrail logs as a history source: read by the history core's worker
// threads under a cancellable progress notification showing files and records; an index of what
// was read so far is shown after half a second (first matches early), the whole one at the end.
// Files that fail are logged with the reason and offered as "N files could not be read"; nothing
// else stops. Open record opens the file at the record (a .json.gz through its read-only view).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { openDecompressed } from '../cloudtrail/editor/gz/gzEditorProvider';
import { isCancellation } from '../gamelift/errors';
import { redactSecrets } from '../gamelift/redact';
import {
  buildHistoryIndex,
  MAX_RECORDS,
  RecordReader,
  type BuildProgress,
  type FileFailure,
  type HistoryIndex,
} from '../history';
import type { HistorySource } from './historySource';
import type { SourceView } from './protocol';

export const SHOW_FILES_ACTION = 'Show files';

export interface FolderSourceOptions {
  readonly log: vscode.LogOutputChannel;
  /** dist/history.worker.js */
  readonly workerScript: string;
  /** Records the index takes at most (default the core's MAX_RECORDS). */
  readonly maxRecords?: number;
}

export class FolderSource implements HistorySource {
  private current: HistoryIndex | undefined;
  private progress: BuildProgress | undefined;
  private failed: readonly FileFailure[] = [];
  private unread = 0;
  private loading = false;
  private error: string | undefined;
  private abort: AbortController | undefined;
  private readonly reader = new RecordReader();
  private readonly changed = new vscode.EventEmitter<boolean>();
  readonly onDidChange = this.changed.event;

  constructor(
    readonly paths: readonly string[],
    private readonly options: FolderSourceOptions,
  ) {}

  get spec(): { kind: 'folder'; paths: readonly string[] } {
    return { kind: 'folder', paths: this.paths };
  }

  get index(): HistoryIndex | undefined {
    return this.current;
  }

  private get name(): string {
    return this.paths.length === 1 ? path.basename(this.paths[0]) || this.paths[0] : `${this.paths.length} folders`;
  }

  view(): SourceView {
    const p = this.progress;
    return {
      kind: 'folder',
      label: `CloudTrail folder ${this.name}`,
      detail: this.paths.join(', '),
      loading: this.loading,
      records: this.loading ? (p?.records ?? 0) : (this.current?.size ?? 0),
      ...(p ? { filesDone: p.filesDone, filesTotal: p.filesTotal } : {}),
      failures: this.failed.length || (p?.failures ?? 0),
      unread: this.unread,
      more: false,
      ...(this.error ? { error: this.error } : {}),
    };
  }

  failures(): readonly FileFailure[] {
    return this.failed;
  }

  bucketGuess(): string | undefined {
    for (const p of this.paths) {
      const parts = p.split(/[\\/]+/);
      const at = parts.indexOf('AWSLogs');
      if (at > 0 && /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(parts[at - 1])) return parts[at - 1];
    }
    return undefined;
  }

  start(): void {
    if (this.loading) return;
    this.loading = true;
    this.error = undefined;
    this.progress = undefined;
    const abort = (this.abort = new AbortController());
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `GameLift: reading ${this.name}`, cancellable: true },
      (report, token) => {
        const sub = token.onCancellationRequested(() => abort.abort());
        return this.read(abort, report).finally(() => sub.dispose());
      },
    );
  }

  private async read(abort: AbortController, report: vscode.Progress<{ message?: string; increment?: number }>) {
    let reported = 0;
    try {
      const result = await buildHistoryIndex(this.paths, {
        signal: abort.signal,
        workerScript: this.options.workerScript,
        maxRecords: this.options.maxRecords ?? MAX_RECORDS,
        onProgress: (p) => {
          this.progress = p;
          const share = p.bytesTotal > 0 ? (100 * p.bytesRead) / p.bytesTotal : 0;
          report.report({ message: progressText(p), increment: share - reported });
          reported = share;
          this.changed.fire(false);
        },
        onSnapshot: (partial) => {
          if (abort.signal.aborted) return;
          this.current = partial;
          this.changed.fire(true);
        },
      });
      this.current = result.index;
      this.failed = result.failures;
      this.unread = result.unread;
      const seconds = (result.ms / 1000).toFixed(1);
      this.options.log.info(
        `CloudTrail folder ${this.paths.join(', ')}: ${result.index.size} records from ${result.files} files in ${seconds} s` +
          ` (${result.threads} threads, ${result.failures.length} unreadable, ${result.unread} not read)`,
      );
      this.reportFailures(result.failures, result.unread);
    } catch (err) {
      if (isCancellation(err) || abort.signal.aborted) {
        this.options.log.info(`CloudTrail folder ${this.paths.join(', ')}: reading cancelled.`);
        this.error = this.current ? undefined : 'Reading was cancelled.';
      } else {
        const message = err instanceof Error ? err.message : String(err);
        this.error = `Reading the folder failed: ${message}`;
        this.options.log.error(redactSecrets(`CloudTrail folder ${this.paths.join(', ')}: ${message}`));
      }
    } finally {
      this.loading = false;
      this.changed.fire(true);
    }
  }

  private reportFailures(failures: readonly FileFailure[], unread: number): void {
    for (const f of failures)
      this.options.log.warn(
        redactSecrets(`${f.file}: ${f.reason}${f.records > 0 ? ` (${f.records} records read before)` : ''}`),
      );
    if (failures.length > 0) {
      const n = failures.length;
      void vscode.window
        .showWarningMessage(
          `GameLift: ${n} file${n === 1 ? '' : 's'} in ${this.name} could not be read; the rest was read.`,
          SHOW_FILES_ACTION,
        )
        .then((choice) => {
          if (choice === SHOW_FILES_ACTION) this.options.log.show(true);
        });
    }
    if (unread > 0)
      void vscode.window.showWarningMessage(
        `GameLift: ${this.name} holds more than the index takes (${MAX_RECORDS.toLocaleString('en-US')} records): ` +
          `${unread} file${unread === 1 ? ' was' : 's were'} not read. The history view offers the Athena path.`,
      );
  }

  cancel(): void {
    this.abort?.abort();
  }

  loadMore(): void {
    // A folder is read whole.
  }

  async open(index: HistoryIndex, record: number): Promise<void> {
    const place = index.place(record);
    const { start, end } = await this.reader.editorRange(place);
    const file = vscode.Uri.file(place.file);
    const editor = place.gzip
      ? await openDecompressed(file, { preview: true })
      : await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file), { preview: true });
    const range = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.abort?.abort();
    this.changed.dispose();
  }
}

function progressText(p: BuildProgress): string {
  const failed = p.failures > 0 ? ` · ${p.failures} unreadable` : '';
  return `${p.filesDone.toLocaleString('en-US')} of ${p.filesTotal.toLocaleString('en-US')} files · ${p.records.toLocaleString('en-US')} records${failed}`;
}
