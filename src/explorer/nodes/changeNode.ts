// One write call on a fleet from CloudTrail: "who · what · when", the error code when the call
// failed, a plain-text tooltip with the identity, address and exact time. A click opens the
// record as a read-only CloudTrail document (COMMAND.openCloudTrailRecord with the record's data).
import * as vscode from 'vscode';
import type { FleetChange } from '../../history';
import { COMMAND } from '../../ids';
import { formatEventTime, formatUtc } from '../../common/timeFormat';
import type { TimeDisplay } from './eventNode';
import { ExplorerNode } from './explorerNode';

const CHANGE_ICON = new vscode.ThemeIcon('edit');
const FAILED_ICON = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));

export class ChangeNode extends ExplorerNode {
  constructor(
    parent: ExplorerNode,
    readonly id: string,
    readonly change: FleetChange,
    private readonly time: TimeDisplay,
  ) {
    super(parent);
  }

  getTreeItem(): vscode.TreeItem {
    const c = this.change;
    const t = this.time;
    const when = Number.isNaN(c.time)
      ? 'time unknown'
      : formatEventTime(c.time, t.relative ? 'relative' : t.zone, t.now);
    const item = new vscode.TreeItem(`${c.who || 'unknown'} · ${c.eventName} · ${when}`);
    item.id = this.id;
    item.contextValue = 'change';
    item.description = c.errorCode ?? '';
    item.iconPath = c.errorCode ? FAILED_ICON : CHANGE_ICON;
    item.accessibilityInformation = {
      label: `${c.eventName} by ${c.who || 'unknown'}, ${when}${c.errorCode ? `, failed with ${c.errorCode}` : ''}`,
    };
    item.tooltip = [
      `${c.eventName}${c.errorCode ? ` failed: ${c.errorCode}` : ''}`,
      c.errorMessage ?? '',
      `Who: ${c.principal || c.who || 'unknown'}`,
      c.sourceIp ? `From: ${c.sourceIp}` : '',
      `When: ${Number.isNaN(c.time) ? 'unknown' : formatUtc(c.time)}`,
      `${c.region}${c.account ? ` · account ${c.account}` : ''}`,
      '',
      'Click to open the CloudTrail record.',
    ]
      .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
      .join('\n');
    item.command = {
      command: COMMAND.openCloudTrailRecord,
      title: 'Open CloudTrail record',
      arguments: [{ eventId: c.eventId, eventName: c.eventName, time: c.time, text: c.text }],
    };
    return item;
  }
}
