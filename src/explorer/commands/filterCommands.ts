// View-title filter commands: set a text / severity / errors-only filter, and clear it.
import { COMMAND } from '../../ids';
import * as vscode from 'vscode';
import type { Severity } from '../../gamelift/eventCatalog';
import type { ExplorerView } from '../explorerView';
import type { EventFilter } from '../model/eventFilter';
import type { Prompts } from '../prompts';

export function registerFilterCommands(explorer: ExplorerView, prompts: Prompts): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMAND.filterEvents, (arg?: EventFilter) => {
      if (arg && typeof arg === 'object') return explorer.setFilter(sanitize(arg));
      return chooseFilter(explorer, prompts);
    }),
    vscode.commands.registerCommand(COMMAND.clearEventFilter, () => explorer.setFilter({})),
  ];
}

async function chooseFilter(explorer: ExplorerView, prompts: Prompts): Promise<void> {
  const current = explorer.model.filter;
  const choice = await prompts.pickOne(
    [
      {
        label: '$(search) Text…',
        id: 'text',
        description: current.text ? `"${current.text}"` : 'event code, title, message, resource or event ID',
      },
      { label: '$(error) Errors only', id: 'errors', description: current.errorsOnly ? 'on' : undefined },
      { label: '$(filter) Severity…', id: 'severity', description: current.severities?.join(', ') },
      { label: '$(clear-all) Clear filter', id: 'clear' },
    ],
    { id: 'filter', title: 'Filter fleet events', placeHolder: 'How to filter the loaded events' },
  );
  if (!choice) return;
  switch (choice.id) {
    case 'text': {
      const text = await prompts.input({
        id: 'filter.text',
        title: 'Filter fleet events by text',
        prompt:
          'Part of an event code, title, message, resource ID (an instance or compute) or event ID (case-insensitive); empty removes the text filter',
        value: current.text ?? '',
      });
      if (text !== undefined) explorer.setFilter({ ...current, text: text.trim() || undefined });
      return;
    }
    case 'errors':
      explorer.setFilter({ ...current, errorsOnly: !current.errorsOnly, severities: undefined });
      return;
    case 'severity': {
      const items = (['error', 'warning', 'info'] as Severity[]).map((s) => ({
        label: s,
        severity: s,
        picked: current.severities?.includes(s) ?? false,
      }));
      const picked = await prompts.pickMany(items, {
        id: 'filter.severity',
        title: 'Show events of these severities',
        canPickMany: true,
      });
      if (picked) explorer.setFilter({ ...current, errorsOnly: false, severities: picked.map((p) => p.severity) });
      return;
    }
    default:
      explorer.setFilter({});
  }
}

/** A filter passed as a command argument comes from outside: keep only known fields. */
function sanitize(arg: EventFilter): EventFilter {
  const severities = Array.isArray(arg.severities)
    ? arg.severities.filter((s): s is Severity => s === 'error' || s === 'warning' || s === 'info')
    : undefined;
  return {
    ...(typeof arg.text === 'string' ? { text: arg.text } : {}),
    ...(severities && severities.length > 0 ? { severities } : {}),
    ...(arg.errorsOnly === true ? { errorsOnly: true } : {}),
  };
}
