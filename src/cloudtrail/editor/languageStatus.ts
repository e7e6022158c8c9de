// Language status for the active CloudTrail document: how many records, how many problems
// (and whether the list was capped), and where validation ran.
import * as vscode from 'vscode';
import { CLOUDTRAIL_LANGUAGE } from '../../ids';
import type { CloudTrailValidation } from './validation';

export function createCloudTrailStatus(validation: CloudTrailValidation): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('gamelift.cloudtrail.status', {
    language: CLOUDTRAIL_LANGUAGE,
  });
  item.name = 'CloudTrail log';
  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    const analysis = document && document.languageId === CLOUDTRAIL_LANGUAGE ? validation.latest(document) : undefined;
    if (!analysis) {
      item.text = 'CloudTrail';
      item.detail = 'checking…';
      item.busy = true;
      item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const r = analysis.result;
    item.busy = false;
    item.text = `${r.recordCount} record${r.recordCount === 1 ? '' : 's'}`;
    const problems =
      r.totalDiagnostics === 0
        ? 'no problems'
        : `${r.totalDiagnostics} problem${r.totalDiagnostics === 1 ? '' : 's'}${r.truncated ? ` (showing ${r.diagnostics.length})` : ''}`;
    item.detail = `${problems} · checked in ${analysis.millis} ms${analysis.ranInWorker ? ' in the background' : ''}`;
    item.severity = r.truncated ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    item.command = { title: 'Show problems', command: 'workbench.actions.view.problems' };
  };
  update();
  const subs = [validation.onDidAnalyze(update), vscode.window.onDidChangeActiveTextEditor(update)];
  return new vscode.Disposable(() => {
    for (const s of subs) s.dispose();
    item.dispose();
  });
}
