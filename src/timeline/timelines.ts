// The open fleet timelines, one per fleet: shows (or brings back) a fleet's timeline, redraws it
// when the fleet's loaded events change, opens the details of an event a timeline names, and
// restores timelines after a window reload.
import * as vscode from 'vscode';
import { refKey, type FleetRef } from '../gamelift/types';
import { PANEL } from '../ids';
import { createSecureWebviewPanel } from '../panel/securePanel';
import type { PersistedState } from './protocol';
import type { TimelineDeps } from './timelineDeps';
import { TimelinePanel, type TimelinePanelHost } from './timelinePanel';

/** Loaded events change page by page; the timeline redraws once they settle this long. */
const REDRAW_DELAY_MS = 150;

export interface TimelinesSnapshot {
  readonly timelines: readonly { ref: FleetRef; model: unknown }[];
}

export class Timelines implements TimelinePanelHost, vscode.Disposable {
  private readonly open = new Map<string, TimelinePanel>();
  private readonly changesListener: { dispose(): void };
  /** Fleets whose loaded events changed since the last redraw (a refresh, a page, a poll). */
  private readonly changed = new Set<string>();
  private redraw: NodeJS.Timeout | undefined;
  private readonly subscription: { dispose(): void };

  constructor(private readonly deps: TimelineDeps) {
    // An open timeline follows its fleet's loaded events; a burst of pages redraws once.
    this.subscription = deps.explorer.onDidChangeFleet((ref) => this.redrawSoon(ref));
    // A page of the fleet's Changes arrived: its timeline redraws the lane.
    this.changesListener = deps.explorer.onDidChangeFleetChanges((ref) => this.redrawSoon(ref));
  }

  private redrawSoon(ref: FleetRef): void {
    if (!this.open.has(refKey(ref))) return;
    this.changed.add(refKey(ref));
    this.redraw ??= setTimeout(() => this.redrawChanged(), REDRAW_DELAY_MS);
  }

  private redrawChanged(): void {
    this.redraw = undefined;
    for (const key of this.changed) this.open.get(key)?.render();
    this.changed.clear();
  }

  show(ref: FleetRef): TimelinePanel {
    const existing = this.open.get(refKey(ref));
    if (existing) {
      existing.render();
      existing.panel.reveal();
      return existing;
    }
    const column =
      this.deps.settings.get('details.viewColumn') === 'beside' ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    return this.adopt(createSecureWebviewPanel(PANEL.fleetTimeline, 'Timeline', column, this.deps.extensionUri), ref);
  }

  restore(panel: vscode.WebviewPanel, state: PersistedState): void {
    if (this.open.has(refKey(state.ref))) {
      panel.dispose();
      return;
    }
    this.adopt(panel, state.ref);
  }

  private adopt(panel: vscode.WebviewPanel, ref: FleetRef): TimelinePanel {
    const timeline = new TimelinePanel(panel, ref, this.deps, this);
    this.open.set(refKey(ref), timeline);
    return timeline;
  }

  openEventDetails(ref: FleetRef, eventId: string): void {
    const event = this.deps.explorer.getLoadedEvents(ref).find((e) => e.eventId === eventId);
    if (!event) {
      void vscode.window.showWarningMessage(
        'That event is no longer loaded in the GameLift explorer. Refresh the timeline.',
      );
      return;
    }
    this.deps.details.showEventBeside(ref, event);
  }

  disposed(panel: TimelinePanel): void {
    for (const [key, open] of this.open) if (open === panel) this.open.delete(key);
  }

  snapshot(): TimelinesSnapshot {
    return { timelines: [...this.open.values()].map((t) => ({ ref: t.ref, model: t.lastModel })) };
  }

  /** Test hook: deliver a message to the first timeline as if its page had posted it. */
  async deliver(message: unknown): Promise<void> {
    await this.open.values().next().value?.onMessage(message);
  }

  dispose(): void {
    this.changesListener.dispose();
    this.subscription.dispose();
    if (this.redraw) clearTimeout(this.redraw);
    for (const timeline of [...this.open.values()]) timeline.panel.dispose();
  }
}
