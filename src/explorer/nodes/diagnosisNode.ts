// The first row under a fleet whose diagnosis is not healthy: the headline as label, an icon by
// verdict; clicking opens the Diagnosis panel ("Diagnose fleet", which reads everything).
import * as vscode from 'vscode';
import type { Diagnosis } from '../../diagnosis';
import { markBidiControls } from '../../gamelift/bidi';
import type { FleetRef } from '../../gamelift/types';
import { COMMAND } from '../../ids';
import { verdictIcon } from '../model/fleetStatus';
import { ExplorerNode } from './explorerNode';

const VERDICT_WORD = { failed: 'Failed', stuck: 'Stuck', degraded: 'Degraded', healthy: 'Healthy' } as const;

export class DiagnosisNode extends ExplorerNode {
  constructor(
    parent: ExplorerNode,
    readonly id: string,
    readonly ref: FleetRef,
    readonly diagnosis: Diagnosis,
  ) {
    super(parent);
  }

  getTreeItem(): vscode.TreeItem {
    const d = this.diagnosis;
    const headline = markBidiControls(d.headline);
    const item = new vscode.TreeItem(headline, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = VERDICT_WORD[d.verdict];
    const icon = verdictIcon(d.verdict);
    item.iconPath = new vscode.ThemeIcon(icon.icon, icon.color ? new vscode.ThemeColor(icon.color) : undefined);
    // Plain text: the headline quotes service text, which must not become markdown.
    const cause = d.cause
      ? `\n${d.cause.guess ? 'Likely cause (a guess)' : 'Cause'}: ${markBidiControls(d.cause.text)}`
      : '';
    item.tooltip = `Diagnosis: ${d.verdict}\n${headline}${cause}\n\nOpen the diagnosis for the evidence and what to do.`;
    item.accessibilityInformation = { label: `Diagnosis, ${d.verdict}: ${headline}` };
    item.contextValue = 'diagnosis';
    item.command = { command: COMMAND.diagnoseFleet, title: 'Diagnose fleet', arguments: [{ ref: this.ref }] };
    return item;
  }
}
