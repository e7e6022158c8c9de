// Shared services, created once per activation and handed to every feature: the log channel,
// the settings reader, the clock and the AWS client factory. Features must not create their
// own output channels, clocks or clients, nor read settings around the reader.
import { COMMAND } from './ids';
import * as vscode from 'vscode';
import { createClientFactory, type ClientFactory } from './gamelift/clientFactory';
import { createSettingsReader, type SettingsReader } from './settings/reader';
import { systemClock, type Clock } from './shared/clock';

export interface ExtensionDeps {
  readonly log: vscode.LogOutputChannel;
  readonly extensionUri: vscode.Uri;
  readonly settings: SettingsReader;
  readonly clock: Clock;
  /** Every AWS SDK client comes from here (one per service and connection). */
  readonly clients: ClientFactory;
}

export function createDeps(context: vscode.ExtensionContext): ExtensionDeps {
  const log = vscode.window.createOutputChannel('GameLift Fleet Explorer', { log: true });
  const clients = createClientFactory({
    userAgentSuffix: `vscode/${vscode.version}`,
    // Only warnings and errors from the SDK (its debug output is noisy); the factory redacts them.
    logger: {
      debug: () => undefined,
      info: () => undefined,
      warn: (m) => log.warn(m),
      error: (m) => log.error(m),
    },
  });
  context.subscriptions.push(
    log,
    { dispose: () => clients.forget() },
    vscode.commands.registerCommand(COMMAND.showLog, () => log.show()),
  );
  return { log, extensionUri: context.extensionUri, settings: createSettingsReader(), clock: systemClock, clients };
}
