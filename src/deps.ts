// Shared services, created once per activation and handed to every feature: the log channel,
// the settings reader, the clock and the opener of `gamelift-log:` documents (which must exist
// at activation, for tabs restored after a reload); and, once the GameLift bundle loads, the AWS
// client factory and the CloudTrail histories with their one rate limiter (created here too, but
// only then, so activation never loads the AWS SDK). Features must not create their own output
// channels, clocks, clients or limiters, nor read settings around the reader.
import * as vscode from 'vscode';
import { createClientFactory, type ClientFactory } from './gamelift/clientFactory';
import { LookupHistories } from './history/online/lookupHistories';
import { COMMAND } from './ids';
import type { LogDocuments } from './logDocuments/logDocuments';
import { registerLogDocuments } from './logDocuments/registerLogDocuments';
import { createSettingsReader, type SettingsReader } from './settings/reader';
import { systemClock, type Clock } from './common/clock';

export interface ExtensionDeps {
  readonly log: vscode.LogOutputChannel;
  readonly extensionUri: vscode.Uri;
  readonly settings: SettingsReader;
  readonly clock: Clock;
  /** Opens text as a read-only GameLift Log document (event logs, diagnosis lines, container logs). */
  readonly logDocuments: LogDocuments;
}

/** What features that call AWS get (everything in the GameLift bundle). */
export interface AwsDeps extends ExtensionDeps {
  /** Every AWS SDK client comes from here (one per service and connection). */
  readonly clients: ClientFactory;
  /** CloudTrail event histories per connection, behind the extension's one LookupEvents rate limiter. */
  readonly lookups: LookupHistories;
}

export function createDeps(context: vscode.ExtensionContext): ExtensionDeps {
  const log = vscode.window.createOutputChannel('GameLift Fleet Explorer', { log: true });
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand(COMMAND.showLog, () => log.show()),
  );
  return {
    log,
    extensionUri: context.extensionUri,
    settings: createSettingsReader(),
    clock: systemClock,
    logDocuments: registerLogDocuments(context),
  };
}

/** The deps with the one client factory; called once, when the GameLift bundle loads. */
export function withAwsClients(context: vscode.ExtensionContext, deps: ExtensionDeps): AwsDeps {
  const clients = createClientFactory({
    userAgentSuffix: `vscode/${vscode.version}`,
    // Only warnings and errors from the SDK (its debug output is noisy); the factory redacts them.
    logger: {
      debug: () => undefined,
      info: () => undefined,
      warn: (m) => deps.log.warn(m),
      error: (m) => deps.log.error(m),
    },
  });
  context.subscriptions.push({ dispose: () => clients.forget() });
  return { ...deps, clients, lookups: new LookupHistories(clients) };
}
