// Opens text as a read-only `gamelift-log:` document in the GameLift Log language (highlighting,
// outline), titled as the caller says and optionally at a line. The one way features show a log:
// event logs, the diagnosis' log lines, container logs.
import * as vscode from 'vscode';
import { markBidiControls } from '../gamelift/bidi';
import { LOG_LANGUAGE, LOG_SCHEME } from '../ids';
import { logDisplayText } from './displayText';
import type { LogFileSystem } from './logFileSystem';

export interface LogDocumentSpec {
  /**
   * What the text is, stable for the same log (e.g. `<fleet>/<event ID>`): the same key and
   * title open the same document again. Characters other than letters, digits, `.`, `_`, `-` and
   * `/` are replaced.
   */
  readonly key: string;
  /** The editor tab's title, e.g. `arena · SERVER_PROCESS_CRASHED · 2026-05-11 10:00:00 UTC.log`. */
  readonly title: string;
  /** The text; a carriage return inside a line is shown as `^M` (lines stay the server's lines). */
  readonly text: string;
  /** 1-based line to put the cursor on and reveal. */
  readonly line?: number;
  /** Open as a preview tab (replaced by the next preview). Default false. */
  readonly preview?: boolean;
  readonly viewColumn?: vscode.ViewColumn;
}

/** What other features get: open text as a GameLift log. */
export interface LogDocuments {
  open(spec: LogDocumentSpec): Promise<vscode.TextEditor>;
  /** The document's URI for a key and title (tests, and to tell whether one is open). */
  uriFor(key: string, title: string): vscode.Uri;
}

/** A title safe as the last segment of a URI path: no separators, controls or bidi tricks. */
export function safeTitle(title: string): string {
  const clean = markBidiControls(title)
    .replace(/[\u0000-\u001f\u007f/\\]/g, '_')
    .trim();
  return (clean || 'log').slice(0, 200);
}

export function createLogDocuments(files: LogFileSystem): LogDocuments {
  const uriFor = (key: string, title: string) =>
    vscode.Uri.from({
      scheme: LOG_SCHEME,
      path: `/${
        key
          .replace(/[^\w./-]/g, '_')
          .replace(/\/+/g, '/')
          .replace(/^\/|\/$/g, '') || 'log'
      }/${safeTitle(title)}`,
    });
  return {
    uriFor,
    async open(spec) {
      const uri = uriFor(spec.key, spec.title);
      files.set(uri, logDisplayText(spec.text));
      let document = await vscode.workspace.openTextDocument(uri);
      if (document.languageId !== LOG_LANGUAGE)
        document = await vscode.languages.setTextDocumentLanguage(document, LOG_LANGUAGE);
      const line = spec.line !== undefined ? Math.max(0, Math.min(spec.line - 1, document.lineCount - 1)) : undefined;
      const selection = line !== undefined ? new vscode.Range(line, 0, line, 0) : undefined;
      const editor = await vscode.window.showTextDocument(document, {
        preview: spec.preview ?? false,
        viewColumn: spec.viewColumn,
        ...(selection ? { selection } : {}),
      });
      if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      return editor;
    },
  };
}
