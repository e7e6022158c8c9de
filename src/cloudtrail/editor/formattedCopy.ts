// "Open formatted copy": a read-only, pretty-printed copy of a CloudTrail log written on one line
// (real deliveries are) or of a decompressed `.json.gz` view, which cannot be formatted in place.
// The copy opens beside the original in the cloudtrail language, so it gets the same diagnostics,
// outline, folding and links. It comes from a read-only file system whose URIs name the original
// in their query, so the editor locks it and quick fixes and Format Document leave it alone.
// Registered at activation (a restored copy must find its file system); the formatter itself is
// the core's, passed in, so this file stays out of the CloudTrail bundle's weight.
import * as vscode from 'vscode';
import { CLOUDTRAIL_LANGUAGE, COMMAND, CONTEXT_KEY } from '../../ids';
import { ReadOnlyFileSystem } from './readOnlyFileSystem';

/** Pretty-prints a CloudTrail log; undefined when the text is not valid JSON. */
export type Formatter = (text: string) => string | undefined;

export const FORMATTED_SCHEME = 'cloudtrail-formatted';

/** `x.json` → `cloudtrail-formatted:x (formatted).json?<original URI>`: the tab reads like the log's own name. */
export function formattedCopyUri(original: vscode.Uri): vscode.Uri {
  const path = original.path.replace(/(\.json)?$/i, (ext) => ` (formatted)${ext || '.json'}`);
  return vscode.Uri.from({ scheme: FORMATTED_SCHEME, path, query: original.toString() });
}

function isOneLine(document: vscode.TextDocument): boolean {
  return document.lineCount === 1 || (document.lineCount === 2 && document.lineAt(1).text === '');
}

/** The formatted copies, kept while open; a copy reopened later (after a restart) is formatted again. */
class FormattedCopies extends ReadOnlyFileSystem {
  readonly texts = new Map<string, Uint8Array>();
  constructor(readonly format: Formatter) {
    super();
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const bytes = await this.readFile(uri);
    return {
      type: vscode.FileType.File,
      ctime: 0,
      mtime: 0,
      size: bytes.length,
      permissions: vscode.FilePermission.Readonly,
    };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const kept = this.texts.get(uri.toString());
    if (kept) return kept;
    const original = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri.query, true));
    const bytes = new TextEncoder().encode(this.format(original.getText()) ?? original.getText());
    this.texts.set(uri.toString(), bytes);
    return bytes;
  }

  override dispose(): void {
    super.dispose();
    this.texts.clear();
  }
}

export function registerFormattedCopy(log: vscode.LogOutputChannel, format: Formatter): vscode.Disposable {
  const copies = new FormattedCopies(format);
  const updateContext = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    const oneLine = document?.languageId === CLOUDTRAIL_LANGUAGE && isOneLine(document);
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY.cloudtrailOneLine, oneLine);
  };
  updateContext();
  return vscode.Disposable.from(
    copies,
    vscode.workspace.registerFileSystemProvider(FORMATTED_SCHEME, copies, { isReadonly: true, isCaseSensitive: true }),
    vscode.commands.registerCommand(COMMAND.openFormattedCopy, (arg?: unknown) => openFormattedCopy(copies, log, arg)),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) updateContext();
    }),
    vscode.workspace.onDidOpenTextDocument(updateContext), // a language change reopens the document
    vscode.workspace.onDidCloseTextDocument((d) => copies.texts.delete(d.uri.toString())),
  );
}

async function openFormattedCopy(
  copies: FormattedCopies,
  log: vscode.LogOutputChannel,
  arg?: unknown,
): Promise<vscode.TextEditor | undefined> {
  const original = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : undefined;
  const document = original ?? vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage('GameLift: open a CloudTrail log first, then open its formatted copy.');
    return undefined;
  }
  const name = document.uri.path.replace(/^.*\//, '');
  const formatted = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: `Formatting ${name}` },
    async () => {
      await new Promise((resolve) => setTimeout(resolve, 0)); // let the progress show before the work blocks
      return copies.format(document.getText());
    },
  );
  if (formatted === undefined) {
    void vscode.window.showWarningMessage(
      `GameLift: ${name} is not valid JSON yet, so it cannot be formatted. Fix the errors shown in Problems first.`,
    );
    return undefined;
  }
  const uri = formattedCopyUri(document.uri);
  copies.texts.set(uri.toString(), new TextEncoder().encode(formatted));
  try {
    const copy = await vscode.workspace.openTextDocument(uri);
    const typed =
      copy.languageId === CLOUDTRAIL_LANGUAGE
        ? copy
        : await vscode.languages.setTextDocumentLanguage(copy, CLOUDTRAIL_LANGUAGE);
    return await vscode.window.showTextDocument(typed, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log.warn(`Open formatted copy (${name}): ${message}`);
    void vscode.window.showErrorMessage(`GameLift: cannot open a formatted copy of ${name}. ${message}`);
    return undefined;
  }
}
