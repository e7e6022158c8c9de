// Watches the fleets the user opened (their events are loaded) while they are on their way
// somewhere (BUILDING, ACTIVATING, …), and, with `gamelift.watch.activeFleets`, ACTIVE ones too.
// Quietly: each watched fleet costs one status call and one events call per poll, polls back off
// while nothing changes (src/explorer/model/watchSchedule.ts), and nothing is polled while the
// Fleets view is hidden. It tells the user when a fleet reaches ACTIVE or ERROR (with Diagnose),
// when new error events arrive, and when an ACTIVE fleet's diagnosis turns degraded.
import * as vscode from 'vscode';
import type { Verdict } from '../diagnosis/types';
import { isTransitional } from '../gamelift/fleetStatus';
import { describeFleet } from '../gamelift/fleetService';
import { refKey, type FleetEvent, type FleetRef } from '../gamelift/types';
import { COMMAND } from '../ids';
import type { SettingsReader } from '../settings/reader';
import type { Clock } from '../common/clock';
import type { ExplorerView } from './explorerView';
import { viewOf } from './model/categoryGroups';
import type { FleetState } from './model/fleetState';
import { WatchSchedule } from './model/watchSchedule';
import type { Prompts } from './prompts';

interface Known {
  readonly status?: string;
  readonly verdict?: Verdict;
}

export class FleetWatcher implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly schedule: WatchSchedule;
  /** What the last poll of each watched fleet saw (to tell a change). */
  private readonly known = new Map<string, Known>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly explorer: ExplorerView,
    private readonly prompts: Prompts,
    private readonly settings: SettingsReader,
    private readonly clock: Clock,
  ) {
    this.schedule = new WatchSchedule(() => this.settings.get('watch.intervalSeconds') * 1000);
    this.subscriptions = [
      settings.onDidChange(['watch', 'profile', 'regions'], () => this.scheduleTimer()),
      // Back in view: catch up at once on what is due.
      explorer.view.onDidChangeVisibility((e) => {
        if (e.visible) void this.round(true);
      }),
    ];
    this.scheduleTimer();
  }

  private scheduleTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const seconds = this.settings.get('watch.intervalSeconds');
    if (seconds > 0) this.timer = setInterval(() => void this.round(true), seconds * 1000);
  }

  /** Fleets watched now: opened (events loaded) and on their way, or ACTIVE when the setting says so. */
  watchedFleets(): FleetState[] {
    const active = this.settings.get('watch.activeFleets');
    return this.explorer.model.allFleets().filter((f) => {
      const status = f.summary?.status;
      return f.hasStarted && (isTransitional(status) || (active && status === 'ACTIVE'));
    });
  }

  /**
   * One polling round over every watched fleet, due or not and whether or not the view is shown
   * (the timer's rounds honour both). Tests call it instead of waiting.
   */
  tick(): Promise<void> {
    return this.round(false);
  }

  private async round(scheduled: boolean): Promise<void> {
    if (this.running) return;
    if (scheduled && !this.explorer.view.visible) return;
    this.running = true;
    try {
      const fleets = this.watchedFleets();
      const keys = new Set(fleets.map((f) => refKey(f.ref)));
      this.schedule.keepOnly(keys);
      for (const key of [...this.known.keys()]) if (!keys.has(key)) this.known.delete(key);
      for (const fleet of fleets) {
        const key = refKey(fleet.ref);
        if (scheduled && !this.schedule.isDue(key, this.clock.now())) continue;
        await this.poll(fleet, key);
      }
    } finally {
      this.running = false;
    }
  }

  private async poll(fleet: FleetState, key: string): Promise<void> {
    const before: Known = this.known.get(key) ?? { status: fleet.summary?.status, verdict: this.verdictOf(fleet) };
    // The fleet's status: one DescribeFleetAttributes (or DescribeContainerFleet), not a listing.
    const client = this.explorer.model.clients.clientFor('gamelift', fleet.ref.target);
    const summary = await describeFleet(client, fleet.ref.fleetId).catch(() => undefined);
    if (summary) {
      fleet.summary = summary;
      this.explorer.model.connection(fleet.ref.target).updateFleet(summary);
    }
    // Only the newest page(s), merged by EventId: older pages the user loaded stay.
    const added = await fleet.poll();
    this.explorer.fleetChanged(fleet.ref);
    const status = fleet.summary?.status;
    const verdict = this.verdictOf(fleet);
    this.known.set(key, { status, verdict });
    this.schedule.polled(key, added.length > 0 || status !== before.status, this.clock.now());

    const errors = added.filter((e) => viewOf(e).severity === 'error');
    const wasMoving = isTransitional(before.status);
    if (wasMoving && status === 'ERROR') void this.notifyError(fleet.ref, errors);
    else if (wasMoving && status === 'ACTIVE') void this.notifyActive(fleet.ref);
    // Turning degraded says more than "a server process crashed" (the crashes are its evidence).
    else if (status === 'ACTIVE' && before.verdict === 'healthy' && verdict === 'degraded')
      void this.notifyDegraded(fleet);
    else if (errors.length > 0) void this.notifyErrorEvents(fleet.ref, errors);
  }

  /** The diagnosis of an ACTIVE fleet watched for health (from its loaded events, no call). */
  private verdictOf(fleet: FleetState): Verdict | undefined {
    if (fleet.summary?.status !== 'ACTIVE' || !this.settings.get('watch.activeFleets')) return undefined;
    return fleet.diagnosis()?.verdict;
  }

  private nameOf(ref: FleetRef): string {
    return this.explorer.model.findFleet(ref)?.summary?.name ?? ref.fleetId;
  }

  private async notifyError(ref: FleetRef, errors: readonly FleetEvent[]): Promise<void> {
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more error event${errors.length > 2 ? 's' : ''})` : '';
    const why = first ? `: ${viewOf(first).title}${more}` : '';
    const actions = first ? ['Diagnose', 'Show'] : ['Diagnose'];
    const choice = await this.prompts.message(
      'error',
      `GameLift: ${this.nameOf(ref)} went to ERROR${why}.`,
      ...actions,
    );
    if (choice === 'Diagnose') await vscode.commands.executeCommand(COMMAND.diagnoseFleet, { ref });
    else if (choice === 'Show' && first) await this.explorer.revealEvent(ref, first.eventId);
  }

  private async notifyActive(ref: FleetRef): Promise<void> {
    const choice = await this.prompts.message('info', `GameLift: ${this.nameOf(ref)} is ACTIVE.`, 'Show');
    if (choice === 'Show') await this.explorer.revealFleet(ref);
  }

  private async notifyErrorEvents(ref: FleetRef, errors: readonly FleetEvent[]): Promise<void> {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more error event${errors.length > 2 ? 's' : ''})` : '';
    const choice = await this.prompts.message(
      'error',
      `GameLift: ${this.nameOf(ref)}: ${viewOf(errors[0]).title}${more}.`,
      'Show',
    );
    if (choice === 'Show') await this.explorer.revealEvent(ref, errors[0].eventId);
  }

  private async notifyDegraded(fleet: FleetState): Promise<void> {
    const headline = fleet.diagnosis()?.headline ?? '';
    const choice = await this.prompts.message(
      'warning',
      `GameLift: ${this.nameOf(fleet.ref)} is ACTIVE but unwell: ${headline}`,
      'Diagnose',
    );
    if (choice === 'Diagnose') await vscode.commands.executeCommand(COMMAND.diagnoseFleet, { ref: fleet.ref });
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
