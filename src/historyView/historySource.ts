// What the history view shows rows from: a folder of CloudTrail files read into an index, or a
// connection's LookupEvents history. The panel asks a source for its index, how far reading got,
// and to open a record; a source tells when its index was replaced or its progress moved.
import type * as vscode from 'vscode';
import type { FileFailure, HistoryIndex } from '../history';
import type { SourceSpec, SourceView } from './protocol';

export interface HistorySource extends vscode.Disposable {
  readonly spec: SourceSpec;
  /** The index to query now (a partial one while a folder is read); undefined before any record. */
  readonly index: HistoryIndex | undefined;
  view(): SourceView;
  /** `indexChanged`: the index was replaced (run the query again); else only progress moved. */
  onDidChange(listener: (indexChanged: boolean) => void): vscode.Disposable;
  /** Starts reading (again, after a failure). */
  start(): void;
  cancel(): void;
  /** Online: reads further back. */
  loadMore(): void;
  /** Opens record `record` of `index` (an index this source handed out) where it is. */
  open(index: HistoryIndex, record: number): Promise<void>;
  /** Files that could not be read, with the reason. */
  failures(): readonly FileFailure[];
  /** The trail bucket, when the folder's path names one (`…/<bucket>/AWSLogs/…`). */
  bucketGuess(): string | undefined;
}
