// Activation is a table of contents: one register call per feature, all disposables
// owned by the extension context. Features receive what they need through `deps`.
import type * as vscode from 'vscode';
import { createDeps } from './deps';
import { registerExplorer } from './explorer/registerExplorer';
import { registerDetails } from './details/registerDetails';
import { registerCloudTrail } from './cloudtrail/editor/registerCloudTrail';
import { registerTimeline } from './timeline/registerTimeline';

export function activate(context: vscode.ExtensionContext): void {
  const deps = createDeps(context);
  const explorer = registerExplorer(context, deps);
  const details = registerDetails(context, { ...deps, explorer });
  registerTimeline(context, { ...deps, explorer, details });
  registerCloudTrail(context, deps);
  deps.log.info('GameLift Fleet Explorer activated');
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
