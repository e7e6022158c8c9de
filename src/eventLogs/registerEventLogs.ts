// Event logs: "Open log" (in the editor, as a GameLift Log document) and "Open log in browser"
// on an event of the tree; the details panel and the diagnosis use the same EventLogs.
import * as vscode from 'vscode';
import { isEventArg } from '../gamelift/types';
import { COMMAND } from '../ids';
import { EventLogs, type EventLogsDeps } from './eventLogs';

export function registerEventLogs(context: vscode.ExtensionContext, deps: EventLogsDeps): EventLogs {
  const logs = new EventLogs(deps);
  const needsEvent = () =>
    void vscode.window.showInformationMessage('Select an event with a log in the GameLift Fleets view first.');
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMAND.openEventLog, (arg: unknown) =>
      isEventArg(arg) ? logs.open(arg.ref, arg.event) : needsEvent(),
    ),
    vscode.commands.registerCommand(COMMAND.openEventLogInBrowser, (arg: unknown) =>
      isEventArg(arg) ? logs.openInBrowser(arg.ref, arg.event) : needsEvent(),
    ),
  );
  return logs;
}
