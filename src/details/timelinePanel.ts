// One fleet timeline webview panel per fleet: posts the timeline view model built from the
// explorer's loaded events, re-reads them on request, and opens an event's details when the
// page asks (by event ID only: the host looks the event up, the page cannot invent one).
import type * as vscode from 'vscode';
import type { FleetRef } from '../gamelift/types';
import type { TimelineViewModel } from './protocol';
import type { DetailsDeps } from './detailsDeps';
import { SecurePanel, type PageRequest } from './securePanel';
import { buildTimelineViewModel } from './timelineModel';

export interface TimelinePanelHost {
  openEventDetails(ref: FleetRef, eventId: string): Promise<void>;
  disposed(panel: TimelinePanel): void;
}

export function fleetKey(ref: FleetRef): string {
  return JSON.stringify([ref.target.profile ?? '', ref.target.region, ref.target.endpoint ?? '', ref.fleetId]);
}

export class TimelinePanel {
  private model: TimelineViewModel | undefined;
  private readonly page: SecurePanel;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly ref: FleetRef,
    private readonly deps: DetailsDeps,
    private readonly host: TimelinePanelHost,
  ) {
    this.page = new SecurePanel(
      panel,
      'timeline',
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

  private async handle(message: PageRequest): Promise<void> {
    switch (message.type) {
      case 'refreshTimeline':
        this.render();
        return;
      case 'openEvent':
        await this.host.openEventDetails(this.ref, message.eventId);
        return;
      default:
        this.deps.log.warn(`Fleet timeline: ignored a "${message.type}" message meant for the details panel.`);
    }
  }

  render(): void {
    this.updateTitle();
    this.model = buildTimelineViewModel(
      this.ref,
      this.deps.explorer.getFleet(this.ref),
      this.deps.explorer.getLoadedEvents(this.ref),
    );
    this.page.post({
      type: 'showTimeline',
      model: this.model,
      hostNow: this.deps.clock.now(),
      persist: { kind: 'timeline', ref: this.ref },
    });
  }
}
