// One fleet timeline webview panel per fleet: posts the timeline view model built from the
// explorer's loaded events, re-reads them on request, and opens an event's details when the
// page asks (by event ID only: the host looks the event up, the page cannot invent one).
import * as vscode from 'vscode';
import type { FleetRef } from '../explorer/api';
import { isPageMessage, type HostMessage, type PageMessage, type TimelineViewModel } from './protocol';
import type { DetailsDeps } from './registerDetails';
import type { DetailsServices } from './services';
import { buildTimelineViewModel } from './timelineModel';
import { renderShell, webviewOptions } from './webviewShell';

export const TIMELINE_VIEW_TYPE = 'gamelift.fleetTimeline';

export interface TimelinePanelHost {
  openEventDetails(ref: FleetRef, eventId: string): Promise<void>;
  disposed(panel: TimelinePanel): void;
}

export function fleetKey(ref: FleetRef): string {
  return JSON.stringify([ref.target.profile ?? '', ref.target.region, ref.target.endpoint ?? '', ref.fleetId]);
}

export class TimelinePanel {
  private ready = false;
  private model: TimelineViewModel | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly ref: FleetRef,
    private readonly deps: DetailsDeps,
    private readonly services: DetailsServices,
    private readonly host: TimelinePanelHost,
  ) {
    panel.webview.options = webviewOptions(deps.extensionUri);
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    );
    panel.webview.html = renderShell(panel.webview, deps.extensionUri, 'timeline');
    this.updateTitle();
  }

  get lastModel(): TimelineViewModel | undefined {
    return this.model;
  }

  private updateTitle(): void {
    const fleet = this.deps.explorer.getFleet(this.ref);
    this.panel.title = `Timeline: ${fleet?.name ?? this.ref.fleetId}`;
  }

  async onMessage(raw: unknown): Promise<void> {
    if (!isPageMessage(raw)) {
      this.deps.log.warn('Fleet timeline: ignored a message of unknown shape from the page.');
      return;
    }
    await this.handle(raw);
  }

  private async handle(message: PageMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.render();
        return;
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
    this.model = buildTimelineViewModel(this.ref, this.deps.explorer.getFleet(this.ref), this.deps.explorer.getLoadedEvents(this.ref));
    this.post({ type: 'showTimeline', model: this.model, hostNow: this.services.now(), persist: { kind: 'timeline', ref: this.ref } });
  }

  private post(message: HostMessage): void {
    if (!this.ready) return;
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.host.disposed(this);
  }
}
