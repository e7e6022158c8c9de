// The open fleet overviews, one per fleet: shows (or brings back and refreshes) a fleet's
// overview, and restores overviews after a window reload.
import * as vscode from 'vscode';
import { refKey, type FleetRef } from '../gamelift/types';
import { PANEL } from '../ids';
import { createSecureWebviewPanel } from '../panel/securePanel';
import type { OverviewDeps } from './overviewDeps';
import { OverviewPanel, type OverviewPanelHost } from './overviewPanel';
import type { PersistedState, SectionState } from './protocol';

export interface OverviewsSnapshot {
  readonly overviews: ReadonlyArray<{
    readonly ref: FleetRef;
    readonly title: string;
    readonly sections: SectionState[];
  }>;
}

export class Overviews implements OverviewPanelHost, vscode.Disposable {
  private readonly open = new Map<string, OverviewPanel>();

  constructor(private readonly deps: OverviewDeps) {}

  show(ref: FleetRef): OverviewPanel {
    const existing = this.open.get(refKey(ref));
    if (existing) {
      existing.panel.reveal();
      existing.loadAll();
      return existing;
    }
    const column =
      this.deps.settings.get('details.viewColumn') === 'beside' ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    return this.adopt(createSecureWebviewPanel(PANEL.fleetOverview, 'Overview', column, this.deps.extensionUri), ref);
  }

  restore(panel: vscode.WebviewPanel, state: PersistedState): void {
    if (this.open.has(refKey(state.ref))) {
      panel.dispose();
      return;
    }
    this.adopt(panel, state.ref);
  }

  private adopt(panel: vscode.WebviewPanel, ref: FleetRef): OverviewPanel {
    const overview = new OverviewPanel(panel, ref, this.deps, this);
    this.open.set(refKey(ref), overview);
    return overview;
  }

  disposed(panel: OverviewPanel): void {
    for (const [key, open] of this.open) if (open === panel) this.open.delete(key);
  }

  /** Test hook: every open overview with its sections, by default once everything under way has settled. */
  async snapshot(settle = true): Promise<OverviewsSnapshot> {
    const panels = [...this.open.values()];
    if (settle) await Promise.all(panels.map((p) => p.settled()));
    return {
      overviews: panels.map((p) => ({ ref: p.ref, title: p.panel.title, sections: p.sectionStates() })),
    };
  }

  /** Test hook: deliver a message to a fleet's overview as if its page had posted it. */
  async deliver(fleetId: string, message: unknown): Promise<void> {
    const panel = [...this.open.values()].find((p) => p.ref.fleetId === fleetId);
    await panel?.onMessage(message);
    await panel?.settled();
  }

  dispose(): void {
    for (const overview of [...this.open.values()]) overview.panel.dispose();
  }
}
