// The open Diagnosis panels, one per fleet: "Diagnose fleet" shows (or brings back and runs
// again) a fleet's panel; panels restored after a reload diagnose again; the panels follow the
// tree (Reveal becomes possible once the tree loads an evidence event).
import * as vscode from 'vscode';
import { refKey, type FleetRef } from '../gamelift/types';
import { PANEL } from '../ids';
import { createSecureWebviewPanel } from '../panel/securePanel';
import { DiagnosisPanel, type DiagnosisPanelHost, type DiagnosisPanelSnapshot } from './diagnosisPanel';
import type { FleetDiagnosisDeps } from './fleetDiagnosisDeps';
import type { PersistedState } from './protocol';

export class DiagnosisPanels implements DiagnosisPanelHost, vscode.Disposable {
  private readonly open = new Map<string, DiagnosisPanel>();
  private readonly subscription: { dispose(): void };

  constructor(private readonly deps: FleetDiagnosisDeps) {
    this.subscription = deps.explorer.onDidChangeFleet((ref) => {
      const panel = this.open.get(refKey(ref));
      if (panel && !panel.isRunning) panel.render();
    });
  }

  /** Shows the fleet's panel and diagnoses it; resolves when the diagnosis is done. */
  show(ref: FleetRef): Promise<void> {
    let panel = this.open.get(refKey(ref));
    if (panel) panel.panel.reveal();
    else {
      const column =
        this.deps.settings.get('details.viewColumn') === 'beside' ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      panel = this.adopt(
        createSecureWebviewPanel(PANEL.fleetDiagnosis, 'Diagnosis', column, this.deps.extensionUri),
        ref,
      );
    }
    return panel.run();
  }

  private adopt(webviewPanel: vscode.WebviewPanel, ref: FleetRef): DiagnosisPanel {
    const panel = new DiagnosisPanel(webviewPanel, ref, this.deps, this);
    this.open.set(refKey(ref), panel);
    return panel;
  }

  restore(webviewPanel: vscode.WebviewPanel, state: PersistedState): void {
    void this.adopt(webviewPanel, state.ref).run();
  }

  disposed(panel: DiagnosisPanel): void {
    if (this.open.get(refKey(panel.ref)) === panel) this.open.delete(refKey(panel.ref));
  }

  /** The panel in front (the palette's Copy as Markdown acts on it). */
  active(): DiagnosisPanel | undefined {
    return [...this.open.values()].find((p) => p.panel.active) ?? [...this.open.values()].at(-1);
  }

  snapshot(): DiagnosisPanelSnapshot[] {
    return [...this.open.values()].map((p) => p.snapshot());
  }

  /** Test hook: a message to a fleet's panel (else the active one), as if its page had posted it. */
  async deliver(message: unknown, ref?: FleetRef): Promise<void> {
    const panel = ref ? this.open.get(refKey(ref)) : this.active();
    await panel?.onMessage(message);
  }

  dispose(): void {
    this.subscription.dispose();
    for (const panel of [...this.open.values()]) panel.panel.dispose();
  }
}
