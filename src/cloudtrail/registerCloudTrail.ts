// Placeholder until the CloudTrail language features land (issue: CloudTrail logs).
import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import { registerNotAvailable } from '../notAvailable';

export function registerCloudTrail(context: vscode.ExtensionContext, _deps: ExtensionDeps): void {
  registerNotAvailable(context, { 'gamelift.openAsCloudTrail': 'Opening a file as a CloudTrail log' });
}
