// The read-only file system behind `gamelift-log:` documents: downloaded logs (and any text a
// feature opens as a GameLift log) are held in memory for the window's life. Registered at
// activation so an editor restored after a reload finds a provider; its text is gone by then,
// and the document says how to open it again instead of failing.
import * as vscode from 'vscode';
import { ReadOnlyFileSystem } from '../cloudtrail/editor/readOnlyFileSystem';

/** What a `gamelift-log:` document restored in a new window shows (the text was not kept). */
export const NOT_KEPT_TEXT =
  'This GameLift log was opened in an earlier window. Logs are kept only while a window is open, and presigned\n' +
  'links expire, so it is not stored anywhere. Open it again from its event: select the event in the GameLift\n' +
  'Fleets view and choose "Open log".\n';

export class LogFileSystem extends ReadOnlyFileSystem {
  private readonly texts = new Map<string, Uint8Array>();
  private readonly created = Date.now();

  /** Holds `text` at `uri` (replacing what was there: the document reloads). */
  set(uri: vscode.Uri, text: string): void {
    const key = uri.toString();
    const existed = this.texts.has(key);
    this.texts.set(key, Buffer.from(text, 'utf8'));
    if (existed) this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  has(uri: vscode.Uri): boolean {
    return this.texts.has(uri.toString());
  }

  private bytes(uri: vscode.Uri): Uint8Array {
    return this.texts.get(uri.toString()) ?? Buffer.from(NOT_KEPT_TEXT, 'utf8');
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    return {
      type: vscode.FileType.File,
      ctime: this.created,
      mtime: this.created,
      size: this.bytes(uri).length,
      permissions: vscode.FilePermission.Readonly,
    };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return this.bytes(uri);
  }

  override dispose(): void {
    this.texts.clear();
    super.dispose();
  }
}
