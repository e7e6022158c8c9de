// Registers the fleet explorer: the Fleets view's provider, its commands (connection, filter,
// fleet and event actions, "Fetch fleet events") and the fleet watcher. Returns the ExplorerApi
// (and its prompts) that the other features use. Every disposable goes into context.subscriptions.
import { COMMAND } from '../ids';
import * as vscode from 'vscode';
import type { AwsDeps } from '../deps';
import type { FleetRef } from '../gamelift/types';
import type { ExplorerApi } from './api';
import { registerConnectionCommands } from './commands/connectionCommands';
import { pickFleet, registerFetchCommand } from './commands/fetchFleetEvents';
import { registerFilterCommands } from './commands/filterCommands';
import { registerFleetCommands } from './commands/fleetCommands';
import { registerLoadAllCommand } from './commands/loadAllCommand';
import { ErrorReporter } from './errorReporter';
import { ExplorerView, type FleetsView } from './explorerView';
import { PromptHolder, type Prompts } from './prompts';
import { registerTestHooks } from './testHooks';
import { FleetWatcher } from './watcher';

/** The explorer's API, and its prompts for features that ask the same way (tests script them). */
export type RegisteredExplorer = ExplorerApi & { readonly prompts: Prompts };

export function registerExplorer(
  context: vscode.ExtensionContext,
  deps: AwsDeps,
  fleets: FleetsView,
): RegisteredExplorer {
  const prompts = new PromptHolder();
  const errors = new ErrorReporter(deps.log, prompts);
  const changeListeners = new Set<(ref: FleetRef) => void>();
  const explorer = new ExplorerView({
    fleets,
    clients: deps.clients,
    clock: deps.clock,
    settings: deps.settings,
    lookups: deps.lookups,
    onError: (error) => errors.report(error),
    onChangesUpdated: (ref) => changeListeners.forEach((listener) => listener(ref)),
  });
  const watcher = new FleetWatcher(explorer, prompts, deps.settings, deps.clock);
  context.subscriptions.push(
    explorer,
    watcher,
    ...registerConnectionCommands(explorer, prompts, deps),
    ...registerFilterCommands(explorer, prompts),
    ...registerFleetCommands(explorer, prompts, deps.log, deps.clock),
    registerFetchCommand(explorer, prompts, deps.clock, (error) => errors.report(error)),
    registerLoadAllCommand(explorer, prompts),
    vscode.commands.registerCommand(COMMAND.refresh, () => {
      errors.reset();
      explorer.refreshAll();
    }),
  );
  registerTestHooks(context, { explorer, prompts, watcher });

  return {
    getLoadedEvents: (ref) => explorer.model.findFleet(ref)?.events ?? [],
    findEvent: (ref, eventId) => explorer.model.findFleet(ref)?.events.find((e) => e.eventId === eventId),
    replaceEvent: (ref, fresh) => explorer.replaceEvent(ref, fresh),
    onDidChangeFleet: (listener) => explorer.onDidChangeFleet(({ ref, replaced }) => listener(ref, replaced)),
    getFleet: (ref) => explorer.model.findFleet(ref)?.summary,
    getDiagnosis: (ref) => explorer.model.findFleet(ref)?.diagnosis(),
    setDiagnosis: (ref, diagnosis) => explorer.setDiagnosis(ref, diagnosis),
    revealEvent: (ref, eventId) => explorer.revealEvent(ref, eventId),
    fleetChanges: (ref) => {
      const state = explorer.model.changes(ref);
      void state.ensureStarted();
      return {
        changes: state.changes,
        loading: state.isLoading,
        complete: state.complete,
        ...(state.error ? { error: state.error.message } : {}),
      };
    },
    onDidChangeFleetChanges: (listener) => {
      changeListeners.add(listener);
      return { dispose: () => changeListeners.delete(listener) };
    },
    pickFleet: (title) => pickFleet(explorer, prompts, title),
    prompts,
  };
}
