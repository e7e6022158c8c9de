// Shared services handed to every feature: the log channel and the extension's URI.
// Built once per activation; features must not create their own output channels.
import * as vscode from 'vscode';

export interface ExtensionDeps {
  readonly log: vscode.LogOutputChannel;
  readonly extensionUri: vscode.Uri;
}

export function createDeps(context: vscode.ExtensionContext): ExtensionDeps {
  const log = vscode.window.createOutputChannel('GameLift Fleet Explorer', { log: true });
  context.subscriptions.push(log);
  context.subscriptions.push(vscode.commands.registerCommand('gamelift.showLog', () => log.show()));
  return { log, extensionUri: context.extensionUri };
}
