// CloudTrail records that live in no file (LookupEvents answers: a fleet's Changes, the timeline's
// change marks, online rows of the history view) as read-only documents in the cloudtrail
// language, so every CloudTrail feature (hovers, outline, fleet links) works on them. A file
// system registered read-only (as the .json.gz view) serves them, so the editor shows the lock
// and refuses edits. The text is kept in memory by event ID (the URI's query); a document
// restored after a reload says to open the record again.
import * as vscode from 'vscode';
import { CLOUDTRAIL_LANGUAGE } from '../ids';
import { ReadOnlyFileSystem } from '../cloudtrail/editor/readOnlyFileSystem';
import { formatUtc } from '../common/timeFormat';
import { isObject } from '../common/guards';

export const RECORD_SCHEME = 'gamelift-cloudtrail-record';

/** What opening a record needs (plain data: a tree node or a page names it). */
export interface RecordToOpen {
  readonly eventId: string;
  readonly eventName: string;
  /** Epoch ms (NaN when unknown). */
  readonly time: number;
  /** The record's JSON as CloudTrail returned it. */
  readonly text: string;
}

export function isRecordToOpen(value: unknown): value is RecordToOpen {
  return (
    isObject(value) &&
    typeof value.eventId === 'string' &&
    value.eventId.length > 0 &&
    typeof value.eventName === 'string' &&
    typeof value.time === 'number' &&
    typeof value.text === 'string'
  );
}

/** Records kept for their documents (the least recently opened dropped first). */
const KEPT = 500;

export class RecordDocuments extends ReadOnlyFileSystem {
  /** A record never changes: its bytes are all a document needs (mtime stays 0). */
  private readonly texts = new Map<string, Uint8Array>();

  private bytesOf(uri: vscode.Uri): Uint8Array {
    const kept = this.texts.get(uri.query);
    if (!kept)
      throw new vscode.FileSystemError(
        "This CloudTrail record is no longer in memory: open it again from the fleet's Changes or the history view.",
      );
    return kept;
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    return {
      type: vscode.FileType.File,
      ctime: 0,
      mtime: 0,
      size: this.bytesOf(uri).length,
      permissions: vscode.FilePermission.Readonly,
    };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return this.bytesOf(uri);
  }

  override dispose(): void {
    super.dispose();
    this.texts.clear();
  }

  /** Opens the record beside nothing else: a read-only, pretty-printed CloudTrail document. */
  async open(record: RecordToOpen, options: vscode.TextDocumentShowOptions = {}): Promise<vscode.TextEditor> {
    const kept = this.texts.get(record.eventId) ?? Buffer.from(pretty(record.text), 'utf8');
    this.texts.delete(record.eventId);
    this.texts.set(record.eventId, kept);
    while (this.texts.size > KEPT) this.texts.delete(this.texts.keys().next().value as string);
    const when = Number.isFinite(record.time) ? formatUtc(record.time).replace(/:/g, '.') : 'time unknown';
    const uri = vscode.Uri.from({
      scheme: RECORD_SCHEME,
      path: `/${record.eventName || 'record'} ${when}.json`,
      query: record.eventId,
    });
    const document = await vscode.workspace.openTextDocument(uri);
    const typed =
      document.languageId === CLOUDTRAIL_LANGUAGE
        ? document
        : await vscode.languages.setTextDocumentLanguage(document, CLOUDTRAIL_LANGUAGE);
    return vscode.window.showTextDocument(typed, { preview: true, ...options });
  }
}

/** The record indented (LookupEvents returns it on one line); as it came when it is not JSON. */
function pretty(text: string): string {
  try {
    return `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
  } catch {
    return text;
  }
}
