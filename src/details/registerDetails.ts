// Placeholder until the event details panel lands (issue: event details).
import * as vscode from 'vscode';
import type { ExtensionDeps } from '../deps';
import type { ExplorerApi } from '../explorer/api';

export interface DetailsDeps extends ExtensionDeps {
  readonly explorer: ExplorerApi;
}

export function registerDetails(_context: vscode.ExtensionContext, _deps: DetailsDeps): void {
  // Nothing to register yet.
}
