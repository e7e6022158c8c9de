// Commands on tree nodes: Load more, Retry (also of a fleet's failed description), refresh (all
// or one fleet), time range, copy IDs / event JSON, export a fleet's loaded events (those the
// filter shows, or all) as JSON or CSV.
import { COMMAND } from '../../ids';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { eventJsonText, eventsToCsv, eventsToJson } from '../../gamelift/exportEvents';
import type { FleetEvent } from '../../gamelift/types';
import type { ExplorerView } from '../explorerView';
import { describeFilter, filterEvents } from '../model/eventFilter';
import { ErrorNode } from '../nodes/errorNode';
import { EventNode } from '../nodes/eventNode';
import { FleetNode } from '../nodes/fleetNode';
import { LoadMoreNode } from '../nodes/loadMoreNode';
import type { Clock } from '../../common/clock';
import type { Prompts } from '../prompts';
import { promptTimeWindow } from '../timeRangePrompt';

export function registerFleetCommands(
  explorer: ExplorerView,
  prompts: Prompts,
  log: vscode.LogOutputChannel,
  clock: Clock,
): vscode.Disposable[] {
  const fleetOf = (node: unknown): FleetNode | undefined => {
    if (node instanceof FleetNode) return node;
    const selected = explorer.view.selection.find((n) => n instanceof FleetNode);
    return selected;
  };
  const eventOf = (node: unknown): EventNode | undefined =>
    node instanceof EventNode ? node : explorer.view.selection.find((n) => n instanceof EventNode);

  return [
    vscode.commands.registerCommand(COMMAND.loadMore, (node?: LoadMoreNode) =>
      node instanceof LoadMoreNode ? explorer.loadMore(node.target) : undefined,
    ),
    vscode.commands.registerCommand(COMMAND.retry, (node?: ErrorNode) =>
      node instanceof ErrorNode ? explorer.retry(node) : undefined,
    ),
    vscode.commands.registerCommand(COMMAND.retryFleetDescribe, (node?: FleetNode) => {
      const fleet = fleetOf(node);
      if (fleet?.summary.describeError) return explorer.retryDescribe(fleet.ref);
      return undefined;
    }),
    vscode.commands.registerCommand(COMMAND.refreshFleet, (node?: FleetNode) => {
      const fleet = fleetOf(node);
      if (fleet) explorer.refreshFleet(fleet.ref);
    }),
    vscode.commands.registerCommand(COMMAND.setFleetTimeRange, async (node?: FleetNode) => {
      const fleet = fleetOf(node);
      if (!fleet) return;
      const window = await promptTimeWindow(prompts, fleet.state.window, clock.now());
      if (window) explorer.setWindow(fleet.ref, window);
    }),
    vscode.commands.registerCommand(COMMAND.copyFleetId, async (node?: FleetNode) => {
      const fleet = fleetOf(node);
      if (fleet) await vscode.env.clipboard.writeText(fleet.ref.fleetId);
    }),
    vscode.commands.registerCommand(COMMAND.copyEventId, async (node?: EventNode) => {
      const event = eventOf(node);
      if (event) await vscode.env.clipboard.writeText(event.event.eventId);
    }),
    vscode.commands.registerCommand(COMMAND.copyEventJson, async (node?: EventNode) => {
      const event = eventOf(node);
      if (event) await vscode.env.clipboard.writeText(eventJsonText(event.event));
    }),
    vscode.commands.registerCommand(COMMAND.exportEventsJson, (node?: FleetNode) =>
      exportEvents(fleetOf(node), 'json'),
    ),
    vscode.commands.registerCommand(COMMAND.exportEventsCsv, (node?: FleetNode) => exportEvents(fleetOf(node), 'csv')),
  ];

  async function exportEvents(fleet: FleetNode | undefined, format: 'json' | 'csv'): Promise<void> {
    if (!fleet) return;
    const events = await eventsToExport(fleet);
    if (!events) return;
    if (events.length === 0) {
      await prompts.message(
        'info',
        `GameLift: no events of ${fleet.ref.fleetId} are loaded yet. Expand the fleet first.`,
      );
      return;
    }
    const base = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
    const uri = await prompts.saveUri({
      id: `export.${format}`,
      title: `Export ${events.length} events of ${fleet.ref.fleetId}`,
      defaultUri: vscode.Uri.joinPath(base, `${fleet.ref.fleetId}-events.${format}`),
      filters: format === 'json' ? { JSON: ['json'] } : { CSV: ['csv'] },
    });
    if (!uri) return;
    const text = format === 'json' ? eventsToJson(events, fleet.summary) : eventsToCsv(events);
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    log.info(`Exported ${events.length} events of ${fleet.ref.fleetId} as ${format.toUpperCase()}.`);
    const open = await prompts.message('info', `GameLift: exported ${events.length} events to ${uri.fsPath}.`, 'Open');
    if (open === 'Open') await vscode.window.showTextDocument(uri);
  }

  /**
   * What the tree shows: with a filter that hides some loaded events, asks whether to export
   * those it shows or all loaded; undefined when the user cancels.
   */
  async function eventsToExport(fleet: FleetNode): Promise<readonly FleetEvent[] | undefined> {
    const all = fleet.state.events;
    const filter = explorer.model.filter;
    const shown = filterEvents(all, filter);
    if (shown.length === all.length) return all;
    const choice = await prompts.pickOne(
      [
        {
          label: `Only the ${shown.length} event${shown.length === 1 ? '' : 's'} the filter shows`,
          description: describeFilter(filter),
          scope: 'filtered' as const,
        },
        { label: `All ${all.length} loaded events`, scope: 'all' as const },
      ],
      { id: 'export.scope', title: `Export events of ${fleet.ref.fleetId}`, placeHolder: 'Which events to export' },
    );
    return choice === undefined ? undefined : choice.scope === 'all' ? all : shown;
  }
}
