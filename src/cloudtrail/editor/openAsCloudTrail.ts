// "GameLift: Open as CloudTrail log" for any file: a `.gz` opens as its read-only decompressed
// view, anything else is opened (or kept open) and switched to the cloudtrail language.
import * as vscode from 'vscode';
import { CLOUDTRAIL_LANGUAGE } from '../../ids';
import { basename, isGzPath } from './gz/gzFileSystem';
import { openDecompressed } from './gz/gzEditorProvider';

export async function openAsCloudTrail(
  log: vscode.LogOutputChannel,
  arg?: unknown,
): Promise<vscode.TextEditor | undefined> {
  const target = await pickTarget(arg);
  if (!target) return undefined;
  try {
    if (target instanceof vscode.Uri && isGzPath(target)) {
      const editor = await openDecompressed(target);
      if (editor.document.languageId !== CLOUDTRAIL_LANGUAGE)
        await vscode.languages.setTextDocumentLanguage(editor.document, CLOUDTRAIL_LANGUAGE);
      return vscode.window.activeTextEditor;
    }
    const document = target instanceof vscode.Uri ? await vscode.workspace.openTextDocument(target) : target;
    const typed =
      document.languageId === CLOUDTRAIL_LANGUAGE
        ? document
        : await vscode.languages.setTextDocumentLanguage(document, CLOUDTRAIL_LANGUAGE);
    return await vscode.window.showTextDocument(typed, { preview: false });
  } catch (err) {
    const name = target instanceof vscode.Uri ? basename(target) : basename(target.uri);
    const message = err instanceof Error ? err.message : String(err);
    log.warn(`Open as CloudTrail log (${name}): ${message}`);
    void vscode.window.showErrorMessage(`GameLift: cannot open ${name} as a CloudTrail log. ${message}`);
    return undefined;
  }
}

/** The file from the explorer or editor menu, else the active editor's document, else a file picker. */
async function pickTarget(arg: unknown): Promise<vscode.Uri | vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document;
  if (active) return active;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Open as CloudTrail log',
    filters: { 'CloudTrail logs': ['json', 'gz', 'jsonl', 'ndjson'], 'All files': ['*'] },
  });
  return picked?.[0];
}
