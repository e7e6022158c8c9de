// Keeps track of the details panels (one preview that follows the selection, any number of
// kept-open ones) and restores them after a reload.
import * as vscode from 'vscode';
import { refKey, type FleetEvent, type FleetRef } from '../gamelift/types';
import { CONTEXT_KEY, PANEL } from '../ids';
import { createSecureWebviewPanel } from '../panel/securePanel';
import type { DetailsDeps } from './detailsDeps';
import { DetailsPanel, type DetailsPanelHost, type DetailsPanelSnapshot } from './detailsPanel';
import type { PersistedState } from './protocol';
import { fromPersistedEvent } from './viewModel';

export interface DetailsSnapshot {
  readonly preview?: DetailsPanelSnapshot;
  readonly kept: readonly DetailsPanelSnapshot[];
}

export class DetailsController implements DetailsPanelHost, vscode.Disposable {
  private preview: DetailsPanel | undefined;
  private readonly kept = new Set<DetailsPanel>();
  /** The details panel the user looked at last (target of palette commands). */
  private lastActive: DetailsPanel | undefined;

  private readonly subscription: { dispose(): void };

  constructor(private readonly deps: DetailsDeps) {
    // A renewed log link (by Open log, the tree or another panel) reaches every panel of that
    // event; other changes of the fleet (loaded events, its diagnosis) redraw its panels.
    this.subscription = deps.explorer.onDidChangeFleet((ref, replaced) => {
      for (const panel of [...(this.preview ? [this.preview] : []), ...this.kept]) {
        if (refKey(panel.fleetRef) !== refKey(ref)) continue;
        if (replaced) panel.eventRenewed(replaced);
        else panel.render();
      }
    });
  }

  private settings(): { reusePreview: boolean; column: vscode.ViewColumn } {
    return {
      reusePreview: this.deps.settings.get('details.reusePreview'),
      column:
        this.deps.settings.get('details.viewColumn') === 'beside' ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active,
    };
  }

  /** Shows an event: in its kept-open panel if it has one, else in the preview (or a new panel). */
  showEvent(
    ref: FleetRef,
    event: FleetEvent,
    options: { preserveFocus?: boolean; keepOpen?: boolean; column?: vscode.ViewColumn } = {},
  ): DetailsPanel {
    const existing = [...this.kept].find(
      (p) => refKey(p.fleetRef) === refKey(ref) && p.currentEvent.eventId === event.eventId,
    );
    if (existing) {
      existing.panel.reveal(undefined, options.preserveFocus);
      return existing;
    }
    const { reusePreview, column } = this.settings();
    const asPreview = reusePreview && !options.keepOpen;
    if (asPreview && this.preview) {
      this.preview.show(ref, event);
      this.preview.panel.reveal(undefined, options.preserveFocus);
      return this.preview;
    }
    const panel = createSecureWebviewPanel(
      PANEL.eventDetails,
      event.eventCode,
      { viewColumn: options.column ?? column, preserveFocus: options.preserveFocus },
      this.deps.extensionUri,
    );
    return this.adopt(panel, ref, event, !asPreview, false);
  }

  private adopt(
    panel: vscode.WebviewPanel,
    ref: FleetRef,
    event: FleetEvent,
    pinned: boolean,
    hadLog: boolean,
  ): DetailsPanel {
    const details = new DetailsPanel(panel, ref, event, pinned, this.deps, this, { hadLog });
    if (pinned) this.kept.add(details);
    else this.preview = details;
    this.lastActive = details;
    this.updateContext();
    return details;
  }

  /** Turns the preview into a kept-open panel; the next event opens a new preview. */
  keepOpen(panel: DetailsPanel | undefined = this.activeDetails()): void {
    if (!panel) return;
    if (panel === this.preview) this.preview = undefined;
    panel.pin();
    this.kept.add(panel);
    this.updateContext();
  }

  showInPanel(panel: DetailsPanel, ref: FleetRef, event: FleetEvent): void {
    panel.show(ref, event);
  }

  disposed(panel: DetailsPanel): void {
    if (panel === this.preview) this.preview = undefined;
    this.kept.delete(panel);
    if (panel === this.lastActive) this.lastActive = undefined;
    this.updateContext();
  }

  viewStateChanged(panel: DetailsPanel): void {
    if (panel.panel.active) this.lastActive = panel;
    this.updateContext();
  }

  /** The details panel commands act on: the active one, else the one seen last. */
  activeDetails(): DetailsPanel | undefined {
    const all = [...(this.preview ? [this.preview] : []), ...this.kept];
    return all.find((p) => p.panel.active) ?? this.lastActive;
  }

  private updateContext(): void {
    const previewActive = this.preview !== undefined && this.preview.panel.active;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY.detailsPreviewActive, previewActive);
  }

  // ---------- restore after reload ----------

  restore(panel: vscode.WebviewPanel, state: PersistedState): void {
    const { event, hadLog } = fromPersistedEvent(state.event);
    // Only one preview: a second restored preview is kept open instead of being lost.
    const pinned = state.pinned || this.preview !== undefined;
    this.adopt(panel, state.ref, event, pinned, hadLog);
  }

  snapshot(): DetailsSnapshot {
    return {
      preview: this.preview?.snapshot(),
      kept: [...this.kept].map((p) => p.snapshot()),
    };
  }

  /** Test hook: deliver a message as if the page had posted it. */
  async deliver(target: 'preview' | 'active', message: unknown): Promise<void> {
    const panel = target === 'preview' ? this.preview : this.activeDetails();
    await panel?.onMessage(message);
  }

  dispose(): void {
    this.subscription.dispose();
    this.preview?.panel.dispose();
    for (const p of [...this.kept]) p.panel.dispose();
  }
}
