// CloudTrail logs as a language: wires the thin VS Code adapter around the pure core
// (src/cloudtrail/index.ts). Validation runs in a worker thread for big documents; providers
// read its per-document results. Everything registered here is owned by the extension context.
// It is the entry of dist/cloudtrail.js, loaded with the first CloudTrail document; detection,
// .json.gz files and "Open as CloudTrail log" are registered at activation (src/activation).
import { CLOUDTRAIL_LANGUAGE, TEST_COMMAND } from '../../ids';
import * as vscode from 'vscode';
import type { ExtensionDeps } from '../../deps';
import { formatCloudTrail } from '../index';
import { CloudTrailValidation } from './validation';
import { createCloudTrailStatus } from './languageStatus';
import { CloudTrailHoverProvider } from './providers/hoverProvider';
import { CloudTrailSymbolProvider } from './providers/symbolProvider';
import { CloudTrailFoldingProvider } from './providers/foldingProvider';
import { CloudTrailFormattingProvider } from './providers/formattingProvider';
import { CloudTrailCodeActionProvider } from './providers/codeActionProvider';
import { CloudTrailFleetLensProvider } from './providers/fleetLensProvider';
import { CloudTrailSemanticTokensProvider, CLOUDTRAIL_TOKEN_LEGEND } from './providers/semanticTokensProvider';

/** What the CloudTrail feature exposes to tests and other features. */
export interface CloudTrailFeature {
  readonly validation: CloudTrailValidation;
  /** The core's formatter, for "Open formatted copy" (registered at activation). */
  readonly format: (text: string) => string | undefined;
}

export function registerCloudTrail(context: vscode.ExtensionContext, deps: ExtensionDeps): CloudTrailFeature {
  const selector: vscode.DocumentSelector = { language: CLOUDTRAIL_LANGUAGE };
  const workerPath = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'cloudtrail.worker.js').fsPath;
  const validation = new CloudTrailValidation(deps.log, workerPath, deps.settings);
  const lenses = new CloudTrailFleetLensProvider(validation);
  context.subscriptions.push(
    validation,
    lenses,
    createCloudTrailStatus(validation),
    vscode.languages.registerHoverProvider(selector, new CloudTrailHoverProvider(validation)),
    vscode.languages.registerDocumentSymbolProvider(selector, new CloudTrailSymbolProvider(validation, deps.log), {
      label: 'CloudTrail records',
    }),
    vscode.languages.registerFoldingRangeProvider(selector, new CloudTrailFoldingProvider(validation)),
    vscode.languages.registerDocumentFormattingEditProvider(selector, new CloudTrailFormattingProvider()),
    vscode.languages.registerCodeActionsProvider(
      selector,
      new CloudTrailCodeActionProvider(validation),
      CloudTrailCodeActionProvider.metadata,
    ),
    vscode.languages.registerCodeLensProvider(selector, lenses),
    vscode.languages.registerDocumentRangeSemanticTokensProvider(
      selector,
      new CloudTrailSemanticTokensProvider(validation),
      CLOUDTRAIL_TOKEN_LEGEND,
    ),
  );
  // Hook for the integration tests (how the last analysis was made); never registered in an installed extension.
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    context.subscriptions.push(
      vscode.commands.registerCommand(TEST_COMMAND.cloudtrailAnalysis, (uri: string) => {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
        const analysis = document && validation.latest(document);
        return {
          version: analysis?.version,
          ranInWorker: analysis?.ranInWorker,
          how: analysis?.result.how,
          traffic: validation.workerTraffic(),
        };
      }),
    );
  }
  return { validation, format: formatCloudTrail };
}
