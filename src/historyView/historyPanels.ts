// The open CloudTrail history panels, one per source (a folder, or a connection's LookupEvents):
// opens (or brings back) the panel of a source, re-filters it for a fleet, and restores panels
// after a window reload (a folder is read again, LookupEvents asked again).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { targetKey, type ConnectionTarget, type FleetRef } from '../gamelift/types';
import type { LookupHistories } from '../history';
import { PANEL } from '../ids';
import { createSecureWebviewPanel } from '../panel/securePanel';
import type { Clock } from '../common/clock';
import { FolderSource } from './folderSource';
import { HistoryPanel } from './historyPanel';
import type { HistorySource } from './historySource';
import { OnlineSource } from './onlineSource';
import type { HistoryFilters, PersistedState, SourceSpec } from './protocol';
import type { RecordDocuments } from './recordDocuments';

export interface HistoryPanelsDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  readonly clock: Clock;
  readonly lookups: LookupHistories;
  readonly records: RecordDocuments;
}

/** The filters that show one fleet's records. */
export function fleetFilters(fleetId: string): HistoryFilters {
  return { columns: { resource: { values: [fleetId] } } };
}

function keyOf(spec: SourceSpec): string {
  return spec.kind === 'folder'
    ? `folder:${spec.paths.map((p) => path.resolve(p)).join('\n')}`
    : `online:${targetKey(spec.target)}`;
}

export class HistoryPanels implements vscode.Disposable {
  private readonly open = new Map<string, HistoryPanel>();
  /** Folder panels, most recently opened or focused last. */
  private folderOrder: HistoryPanel[] = [];

  constructor(private readonly deps: HistoryPanelsDeps) {}

  /** Opens a folder's history (reading it), or brings back the panel already showing it. */
  showFolder(paths: readonly string[], filters: HistoryFilters = {}): HistoryPanel {
    return this.show({ kind: 'folder', paths }, filters);
  }

  /** Opens a connection's LookupEvents history, or brings it back with these filters. */
  showOnline(target: ConnectionTarget, filters: HistoryFilters): HistoryPanel {
    return this.show({ kind: 'online', target }, filters);
  }

  /** A fleet's history: the open folder when there is one, else the fleet's connection online. */
  showFleet(ref: FleetRef): HistoryPanel {
    const folder = this.folderOrder.at(-1);
    const filters = fleetFilters(ref.fleetId);
    if (!folder) return this.showOnline(ref.target, filters);
    folder.setFilters(filters);
    folder.reveal();
    return folder;
  }

  restore(panel: vscode.WebviewPanel, state: PersistedState): void {
    if (this.open.has(keyOf(state.source))) {
      panel.dispose();
      return;
    }
    this.adopt(panel, state.source, state.filters);
  }

  private show(spec: SourceSpec, filters: HistoryFilters): HistoryPanel {
    const existing = this.open.get(keyOf(spec));
    if (existing) {
      existing.setFilters(filters);
      existing.reveal();
      return existing;
    }
    const panel = createSecureWebviewPanel(
      PANEL.cloudTrailHistory,
      'CloudTrail history',
      vscode.ViewColumn.Active,
      this.deps.extensionUri,
    );
    return this.adopt(panel, spec, filters);
  }

  private adopt(panel: vscode.WebviewPanel, spec: SourceSpec, filters: HistoryFilters): HistoryPanel {
    const source = this.sourceFor(spec);
    const history = new HistoryPanel(panel, source, filters, {
      extensionUri: this.deps.extensionUri,
      log: this.deps.log,
      disposed: (p) => {
        for (const [key, open] of this.open) if (open === p) this.open.delete(key);
        this.folderOrder = this.folderOrder.filter((f) => f !== p);
      },
    });
    this.open.set(keyOf(spec), history);
    if (spec.kind === 'folder') {
      this.folderOrder.push(history);
      panel.onDidChangeViewState(() => {
        if (panel.active) this.folderOrder = [...this.folderOrder.filter((f) => f !== history), history];
      });
    }
    source.start();
    return history;
  }

  private sourceFor(spec: SourceSpec): HistorySource {
    if (spec.kind === 'folder')
      return new FolderSource(spec.paths, {
        log: this.deps.log,
        workerScript: vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'history.worker.js').fsPath,
      });
    return new OnlineSource(spec.target, {
      lookups: this.deps.lookups,
      records: this.deps.records,
      log: this.deps.log,
      now: () => this.deps.clock.now(),
    });
  }

  /** Test hook: every open panel's source, filters and last answer. */
  snapshot(): Array<{
    source: SourceSpec;
    filters: HistoryFilters;
    view: unknown;
    result: HistoryPanel['lastResult'];
    athena: HistoryPanel['lastAthena'];
  }> {
    return [...this.open.values()].map((p) => ({
      source: p.source.spec,
      filters: p.filters,
      view: p.source.view(),
      result: p.lastResult,
      athena: p.lastAthena,
    }));
  }

  /** Test hook: a message to the most recently opened panel, as if its page had sent it. */
  async deliver(message: unknown): Promise<void> {
    await [...this.open.values()].at(-1)?.receive(message);
  }

  dispose(): void {
    for (const p of [...this.open.values()]) p.panel.dispose();
  }
}
