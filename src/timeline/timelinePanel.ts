// One fleet timeline webview panel: posts the timeline view model built from the explorer's
// loaded events and the fleet's CloudTrail Changes, re-reads them on request, and opens an
// event's details or a change's record when the page asks (by event ID only: the host looks it
// up, the page cannot invent one).
import * as vscode from 'vscode';
import type { FleetRef } from '../gamelift/types';
import { COMMAND } from '../ids';
import { SecurePanel, type PageSpec } from '../panel/securePanel';
import { isPageMessage, type HostMessage, type PageMessage, type TimelineViewModel } from './protocol';
import type { TimelineDeps } from './timelineDeps';
import { withChangesLane } from './changesLane';
import { buildTimelineViewModel } from './timelineModel';

const TIMELINE_PAGE: PageSpec<PageMessage> = {
  name: 'timeline',
  title: 'GameLift fleet timeline',
  loading: 'Loading the fleet timeline…',
  isPageMessage,
};

export interface TimelinePanelHost {
  openEventDetails(ref: FleetRef, eventId: string): void;
  disposed(panel: TimelinePanel): void;
}

export class TimelinePanel {
  private model: TimelineViewModel | undefined;
  private readonly page: SecurePanel<HostMessage, PageMessage>;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly ref: FleetRef,
    private readonly deps: TimelineDeps,
    private readonly host: TimelinePanelHost,
  ) {
    this.page = new SecurePanel(
      panel,
      TIMELINE_PAGE,
      { extensionUri: deps.extensionUri, log: deps.log, label: 'Fleet timeline' },
      {
        pageReady: () => this.render(),
        handle: (message) => this.handle(message),
        disposed: () => host.disposed(this),
      },
    );
    this.updateTitle();
  }

  get lastModel(): TimelineViewModel | undefined {
    return this.model;
  }

  private updateTitle(): void {
    const fleet = this.deps.explorer.getFleet(this.ref);
    this.panel.title = `Timeline: ${fleet?.name ?? this.ref.fleetId}`;
  }

  /** Handles one message from the page, exactly as if the page had sent it (also used by tests). */
  onMessage(raw: unknown): Promise<void> {
    return this.page.receive(raw);
  }

  private handle(message: PageMessage): void {
    switch (message.type) {
      case 'refreshTimeline':
        this.render();
        return;
      case 'openEvent':
        this.host.openEventDetails(this.ref, message.eventId);
        return;
      case 'openChange': {
        const change = this.deps.explorer.fleetChanges(this.ref).changes.find((c) => c.eventId === message.eventId);
        if (!change) return;
        const { eventId, eventName, time, text } = change;
        void vscode.commands.executeCommand(COMMAND.openCloudTrailRecord, { eventId, eventName, time, text });
        return;
      }
    }
  }

  render(): void {
    this.updateTitle();
    const diagnosis = this.deps.explorer.getDiagnosis(this.ref);
    const evidenceEventIds = new Set<string>();
    for (const e of diagnosis?.evidence ?? []) if (e.kind === 'event' && e.eventId) evidenceEventIds.add(e.eventId);
    this.model = withChangesLane(
      buildTimelineViewModel(
        this.ref,
        this.deps.explorer.getFleet(this.ref),
        this.deps.explorer.getLoadedEvents(this.ref),
        diagnosis && diagnosis.verdict !== 'healthy' ? { headline: diagnosis.headline, evidenceEventIds } : undefined,
      ),
      this.deps.explorer.fleetChanges(this.ref),
    );
    this.page.post({
      type: 'showTimeline',
      model: this.model,
      hostNow: this.deps.clock.now(),
      persist: { kind: 'timeline', ref: this.ref },
    });
  }
}
