// Watches fleets in a transitional state (BUILDING, ACTIVATING, …): every N seconds (setting;
// 0 = off) it re-lists their connection (status changes) and fetches their new events
// (merged in; what the user loaded with "Load more…" stays).
// A new error-severity event raises a notification whose "Show" reveals it. A fleet is
// polled once more after leaving a transitional state, so the event that ended it is seen.
import type * as vscode from 'vscode';
import { refKey, targetKey, type FleetRef } from '../gamelift/types';
import type { ExplorerView } from './explorerView';
import { viewOf } from './model/categoryGroups';
import { isTransitional } from '../gamelift/fleetStatus';
import type { SettingsReader } from '../settings/reader';
import type { Prompts } from './prompts';

export class FleetWatcher implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** Fleets watched at the last tick (to poll once more after they settle). */
  private watched = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly explorer: ExplorerView,
    private readonly prompts: Prompts,
    private readonly settings: SettingsReader,
  ) {
    this.subscription = settings.onDidChange(['watch', 'profile', 'regions'], () => this.schedule());
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const seconds = this.settings.get('watch.intervalSeconds');
    if (seconds > 0) this.timer = setInterval(() => void this.tick(), seconds * 1000);
  }

  /** One polling round; exported for tests, which call it instead of waiting. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const model = this.explorer.model;
      const fleets = model
        .allFleets()
        .filter((f) => isTransitional(f.summary?.status) || this.watched.has(refKey(f.ref)));
      this.watched = new Set(fleets.filter((f) => isTransitional(f.summary?.status)).map((f) => refKey(f.ref)));
      // Re-list each affected connection once, for fresh statuses.
      const targets = new Map(fleets.map((f) => [targetKey(f.ref.target), f.ref.target]));
      for (const target of targets.values()) {
        const connection = model.connection(target);
        await connection.load();
        for (const summary of connection.fleets ?? []) {
          const state = model.findFleet({ target, fleetId: summary.fleetId });
          if (state) state.summary = summary;
        }
      }
      for (const fleet of fleets) {
        // Events loaded before (by the tree or an earlier tick) are the baseline; without one,
        // this first look only loads what exists, so opening VS Code never floods notifications.
        const hasBaseline = fleet.hasStarted;
        // Only the newest page(s), merged by EventId: older pages the user loaded stay.
        const added = await fleet.poll();
        this.explorer.fleetChanged(fleet.ref);
        const errors = added.filter((e) => viewOf(e).severity === 'error');
        if (hasBaseline && errors.length > 0)
          void this.notify(fleet.ref, errors[0].eventId, viewOf(errors[0]).title, errors.length);
      }
    } finally {
      this.running = false;
    }
  }

  private async notify(ref: FleetRef, eventId: string, title: string, count: number): Promise<void> {
    const name = this.explorer.model.findFleet(ref)?.summary?.name ?? ref.fleetId;
    const more = count > 1 ? ` (and ${count - 1} more error event${count > 2 ? 's' : ''})` : '';
    const choice = await this.prompts.message('error', `GameLift: ${name}: ${title}${more}.`, 'Show');
    if (choice === 'Show') await this.explorer.revealEvent(ref, eventId);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.subscription.dispose();
  }
}
