// Until a feature lands, its commands tell the user so instead of pretending to work.
import * as vscode from 'vscode';

export function registerNotAvailable(context: vscode.ExtensionContext, commands: Record<string, string>): void {
  for (const [command, feature] of Object.entries(commands)) {
    context.subscriptions.push(
      vscode.commands.registerCommand(command, () =>
        vscode.window.showInformationMessage(`GameLift: ${feature} is not available yet in this version.`),
      ),
    );
  }
}
