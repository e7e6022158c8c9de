// Offers the cloudtrail language for `json` documents whose first few KB look like CloudTrail
// (a Records object, an array of records, a single record or ndjson). The setting
// gamelift.cloudtrail.autoDetect decides: switch silently, ask, or leave the file alone.
// Each document is considered once per session, so choosing JSON again sticks.
import * as vscode from 'vscode';
import { detectCloudTrail, DETECTION_HEAD_LENGTH } from './detectCloudTrail';
import { CLOUDTRAIL_LANGUAGE } from '../../ids';
import type { SettingsReader } from '../../settings/reader';

const CANDIDATE_LANGUAGES = new Set(['json', 'jsonc', 'jsonl']);
const CANDIDATE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'cloudtrail-gz']);

/** The head of a document, read by lines so a huge document is never copied whole. */
export function documentHead(document: vscode.TextDocument): string {
  let end = Math.min(document.lineCount, 400);
  let text = document.getText(new vscode.Range(0, 0, end, 0));
  // Minified files: one long first line. getText of a range still copies only that line.
  if (text.length > DETECTION_HEAD_LENGTH) text = text.slice(0, DETECTION_HEAD_LENGTH);
  while (text.length < DETECTION_HEAD_LENGTH && end < document.lineCount) {
    const next = Math.min(document.lineCount, end + 400);
    text += document.getText(new vscode.Range(end, 0, next, 0));
    end = next;
  }
  return text.slice(0, DETECTION_HEAD_LENGTH);
}

export class CloudTrailDetector implements vscode.Disposable {
  private readonly considered = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly settings: SettingsReader,
  ) {
    this.disposables.push(vscode.workspace.onDidOpenTextDocument((doc) => void this.consider(doc)));
    for (const doc of vscode.workspace.textDocuments) void this.consider(doc);
  }

  /** Exposed for tests: whether the document was looked at already. */
  wasConsidered(uri: vscode.Uri): boolean {
    return this.considered.has(uri.toString());
  }

  private async consider(document: vscode.TextDocument): Promise<void> {
    if (!CANDIDATE_LANGUAGES.has(document.languageId) || !CANDIDATE_SCHEMES.has(document.uri.scheme)) return;
    const key = document.uri.toString();
    if (this.considered.has(key)) return;
    const mode = this.settings.get('cloudtrail.autoDetect', document.uri);
    if (mode === 'off') return;
    const shape = detectCloudTrail(documentHead(document));
    if (!shape) return;
    this.considered.add(key);
    const name = document.uri.path.replace(/^.*\//, '') || 'This document';
    if (mode === 'ask') {
      const choice = await vscode.window.showInformationMessage(
        `${name} looks like a CloudTrail log. Open it as a CloudTrail log for diagnostics, hovers and an outline of its records?`,
        'Switch',
        'Always',
        'Never',
      );
      if (choice === 'Always') await this.settings.update('cloudtrail.autoDetect', 'switch');
      if (choice === 'Never') await this.settings.update('cloudtrail.autoDetect', 'off');
      if (choice !== 'Switch' && choice !== 'Always') return;
    }
    if (document.isClosed) return;
    await vscode.languages.setTextDocumentLanguage(document, CLOUDTRAIL_LANGUAGE);
    this.log.info(`${name}: CloudTrail content (${shape}) detected; switched to the CloudTrail Log language.`);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
