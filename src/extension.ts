// Activation is a table of contents: one register call per feature, all disposables owned by
// the extension context, shared services in `deps`. It loads only what the moment needs:
// the GameLift features (and the AWS SDK) come from dist/gamelift.js on first use.
import type * as vscode from 'vscode';
import { registerGameLift } from './activation/gamelift';
import { registerCloudTrail } from './cloudtrail/editor/registerCloudTrail';
import { createDeps } from './deps';

export function activate(context: vscode.ExtensionContext): void {
  const deps = createDeps(context);
  registerCloudTrail(context, deps);
  registerGameLift(context, deps);
  deps.log.info('GameLift Fleet Explorer activated');
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
