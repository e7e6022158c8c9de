// Activation is a table of contents: one register call per feature, all disposables owned by
// the extension context, shared services in `deps`. It loads only what the moment needs: it
// runs for every JSON file, so each feature registers light stand-ins here and loads its
// bundle on first use (src/activation/README.md).
import type * as vscode from 'vscode';
import { registerCloudTrailOnDemand } from './activation/cloudtrail';
import { registerGameLiftOnDemand } from './activation/gamelift';
import { createDeps } from './deps';

export function activate(context: vscode.ExtensionContext): void {
  const deps = createDeps(context);
  // CloudTrail detection, .json.gz, "Open as" and formatted copies now; the language features with the first log.
  registerCloudTrailOnDemand(context, deps);
  // Stand-ins now; the Fleets view, event details, timeline and the AWS SDK on first use.
  registerGameLiftOnDemand(context, deps);
  deps.log.info('GameLift Fleet Explorer activated');
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
