// CloudTrail logs as activation registers them. Detection (the reason the extension activates
// on every JSON file), .json.gz files, "Open as CloudTrail log" and "Open formatted copy" are light
// and registered at once (the copy's formatter loads the bundle on first use); the language
// features (the core, validation, hovers, outline, fleet links…) come from dist/cloudtrail.js,
// loaded once the first CloudTrail document is open.
import * as vscode from 'vscode';
import { openAsCloudTrail } from '../cloudtrail/editor/openAsCloudTrail';
import { CloudTrailDetector } from '../cloudtrail/editor/detectOnOpen';
import { registerFormattedCopy } from '../cloudtrail/editor/formattedCopy';
import { GZ_SCHEME, GzFileSystemProvider } from '../cloudtrail/editor/gz/gzFileSystem';
import { GZ_EDITOR_VIEW_TYPE, GzEditorProvider } from '../cloudtrail/editor/gz/gzEditorProvider';
import type * as CloudTrailBundle from '../cloudtrail/editor/registerCloudTrail';
import type { ExtensionDeps } from '../deps';
import { CLOUDTRAIL_LANGUAGE, COMMAND, TEST_COMMAND } from '../ids';

export function registerCloudTrailOnDemand(context: vscode.ExtensionContext, deps: ExtensionDeps): void {
  const standIns: vscode.Disposable[] = [];
  let feature: CloudTrailBundle.CloudTrailFeature | undefined;
  const load = (): CloudTrailBundle.CloudTrailFeature => {
    if (feature) return feature;
    for (const standIn of standIns.splice(0)) standIn.dispose();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle of its own, loaded on first use (scripts/build.mjs)
    feature = (require('./cloudtrail.js') as typeof CloudTrailBundle).registerCloudTrail(context, deps);
    opened.dispose();
    return feature;
  };
  const opened = vscode.workspace.onDidOpenTextDocument((document) => {
    if (document.languageId === CLOUDTRAIL_LANGUAGE) load();
  });
  // The integration tests' hook lives with the language features: its stand-in loads them.
  if (context.extensionMode !== vscode.ExtensionMode.Production) {
    standIns.push(
      vscode.commands.registerCommand(TEST_COMMAND.cloudtrailAnalysis, (...args: unknown[]) => {
        load();
        return vscode.commands.executeCommand(TEST_COMMAND.cloudtrailAnalysis, ...args);
      }),
    );
  }
  const gzFiles = new GzFileSystemProvider(deps.log);
  context.subscriptions.push(
    opened,
    { dispose: () => standIns.forEach((s) => s.dispose()) },
    new CloudTrailDetector(deps.log, deps.settings),
    gzFiles,
    vscode.workspace.registerFileSystemProvider(GZ_SCHEME, gzFiles, { isReadonly: true, isCaseSensitive: true }),
    vscode.window.registerCustomEditorProvider(GZ_EDITOR_VIEW_TYPE, new GzEditorProvider(deps.log), {
      supportsMultipleEditorsPerDocument: true,
    }),
    vscode.commands.registerCommand(COMMAND.openAsCloudTrail, (arg?: unknown) => openAsCloudTrail(deps.log, arg)),
    registerFormattedCopy(deps.log, (text) => load().format(text)),
  );
  if (vscode.workspace.textDocuments.some((d) => d.languageId === CLOUDTRAIL_LANGUAGE)) load();
}
