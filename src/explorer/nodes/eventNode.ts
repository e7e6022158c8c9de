// One fleet event: readable title, time as description, plain-text message as tooltip,
// severity icon. Carries `ref` and `event`, the argument of gamelift.showEventDetails.
import { COMMAND } from '../../ids';
import * as vscode from 'vscode';
import type { FleetEvent, FleetRef } from '../../gamelift/types';
import type { EventView } from '../model/categoryGroups';
import { severityIcon } from '../model/fleetStatus';
import { formatEventTime, formatLocal, formatUtc } from '../../common/timeFormat';
import { ExplorerNode } from './explorerNode';

// Built once: every event of a severity shares its icon object.
const SEVERITY_ICONS = {
  error: themeIcon('error'),
  warning: themeIcon('warning'),
  info: themeIcon('info'),
} as const;

function themeIcon(severity: 'error' | 'warning' | 'info'): vscode.ThemeIcon {
  const spec = severityIcon(severity);
  return new vscode.ThemeIcon(spec.icon, spec.color ? new vscode.ThemeColor(spec.color) : undefined);
}

/** How times read, fixed for one expansion so nodes need not read settings. */
export interface TimeDisplay {
  readonly zone: 'local' | 'utc';
  readonly relative: boolean;
  readonly now: number;
}

export class EventNode extends ExplorerNode {
  readonly event: FleetEvent;

  constructor(
    parent: ExplorerNode,
    readonly id: string,
    readonly ref: FleetRef,
    readonly view: EventView,
    private readonly time: TimeDisplay,
  ) {
    super(parent);
    this.event = view.event;
  }

  getTreeItem(): vscode.TreeItem {
    const { event, title, severity } = this.view;
    const item = new vscode.TreeItem(title, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const t = this.time;
    item.description = formatEventTime(event.eventTime, t.relative ? 'relative' : t.zone, t.now);
    // The tooltip is left undefined: the provider fills it on hover (resolveTreeItem), so
    // expanding thousands of events builds no tooltip text.
    item.iconPath = SEVERITY_ICONS[severity];
    // Severity is otherwise only an icon colour; screen readers get it in words.
    item.accessibilityInformation = { label: `${title}, ${severity}, ${item.description}` };
    item.contextValue = event.preSignedLogUrl ? 'event:log' : 'event';
    item.command = {
      command: COMMAND.showEventDetails,
      title: 'Show event details',
      arguments: [{ ref: this.ref, event }],
    };
    return item;
  }

  /** Plain text (never markdown), so service messages cannot inject links or formatting. */
  tooltip(): string {
    const { event, title, severity } = this.view;
    const when =
      event.eventTime === undefined
        ? ''
        : this.time.zone === 'utc'
          ? formatUtc(event.eventTime)
          : formatLocal(event.eventTime);
    const count =
      event.count !== undefined && event.count > 1 ? ` (×${event.count >= 101 ? '100+' : event.count})` : '';
    return `${title}${count}\n${event.eventCode} · ${severity}${when ? ` · ${when}` : ''}\n\n${event.message ?? '(no message)'}`;
  }
}
