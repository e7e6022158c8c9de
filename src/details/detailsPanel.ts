// One event details webview panel: renders an event's view model, and carries out what the
// page asks for (open/copy the log link after the URL check, fetch a fresh link, move to the
// older/newer event, reveal in the explorer, copy the event as JSON, keep the panel open).
// The presigned URL stays on this side; the page only ever learns its host.
import * as vscode from 'vscode';
import { COMMAND } from '../ids';
import { classifyError, errorLogLine } from '../gamelift/errors';
import { FLEET_EVENTS_DOCS_URL } from '../gamelift/eventGuidance';
import { eventJsonText } from '../gamelift/exportEvents';
import { isLogUrlExpired, logUrlExpiry } from '../gamelift/logUrl';
import type { FleetEvent, FleetRef } from '../gamelift/types';
import type { DetailsDeps } from './detailsDeps';
import { describeExpiry } from './expiry';
import { SecurePanel, type PageSpec } from '../panel/securePanel';
import {
  isPageMessage,
  type DetailsViewModel,
  type HostMessage,
  type PageMessage,
  type PersistedState,
} from './protocol';
import { openExternalExactly } from '../eventLogs/openExternal';
import { checkExternalUrl } from '../gamelift/urlPolicy';
import { buildDetailsViewModel, neighbours, toPersistedEvent } from './viewModel';

const DETAILS_PAGE: PageSpec<PageMessage> = {
  name: 'details',
  title: 'GameLift event details',
  loading: 'Loading event details…',
  isPageMessage,
};

export interface DetailsPanelHost {
  /** Called when the page asks to keep this (preview) panel open. */
  keepOpen(panel: DetailsPanel): void;
  /** Shows another event of the same fleet in this panel's place. */
  showInPanel(panel: DetailsPanel, ref: FleetRef, event: FleetEvent): void;
  disposed(panel: DetailsPanel): void;
  viewStateChanged(panel: DetailsPanel): void;
}

/** A snapshot for tests: what the page was last sent and what the host holds. */
export interface DetailsPanelSnapshot {
  readonly pinned: boolean;
  readonly ref: FleetRef;
  readonly event: FleetEvent;
  readonly model: DetailsViewModel | undefined;
  readonly ready: boolean;
  readonly title: string;
}

export class DetailsPanel {
  private model: DetailsViewModel | undefined;
  private logOverride: 'stale' | 'gone' | undefined;
  private refreshing = false;
  private readonly page: SecurePanel<HostMessage, PageMessage>;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private ref: FleetRef,
    private event: FleetEvent,
    private pinnedState: boolean,
    private readonly deps: DetailsDeps,
    private readonly host: DetailsPanelHost,
    options: { hadLog?: boolean } = {},
  ) {
    if (options.hadLog && !event.preSignedLogUrl) this.logOverride = 'stale';
    this.page = new SecurePanel(
      panel,
      DETAILS_PAGE,
      { extensionUri: deps.extensionUri, log: deps.log, label: 'Event details' },
      {
        pageReady: () => this.render(),
        handle: (message) => this.handle(message),
        handleFailed: (err) => this.handleFailed(err),
        viewStateChanged: () => host.viewStateChanged(this),
        disposed: () => host.disposed(this),
      },
    );
    this.updateTitle();
  }

  get pinned(): boolean {
    return this.pinnedState;
  }

  get fleetRef(): FleetRef {
    return this.ref;
  }

  get currentEvent(): FleetEvent {
    return this.event;
  }

  snapshot(): DetailsPanelSnapshot {
    return {
      pinned: this.pinnedState,
      ref: this.ref,
      event: this.event,
      model: this.model,
      ready: this.page.ready,
      title: this.panel.title,
    };
  }

  /** Shows another event in this panel (the preview following the selection). */
  show(ref: FleetRef, event: FleetEvent): void {
    this.ref = ref;
    this.event = event;
    this.logOverride = undefined;
    this.updateTitle();
    this.render();
  }

  pin(): void {
    if (this.pinnedState) return;
    this.pinnedState = true;
    this.updateTitle();
    this.render();
  }

  /** Handles one message from the page, exactly as if the page had sent it (also used by tests). */
  onMessage(raw: unknown): Promise<void> {
    return this.page.receive(raw);
  }

  private handleFailed(err: unknown): void {
    const classified = classifyError(err, { action: 'Event details', fleetId: this.ref.fleetId });
    this.deps.log.error(errorLogLine(classified));
    void vscode.window.showErrorMessage(classified.message);
  }

  private async handle(message: PageMessage): Promise<void> {
    switch (message.type) {
      case 'openLog':
        return this.openLog();
      case 'openLogInBrowser':
        return this.openLogInBrowser();
      case 'copyLogLink':
        return this.copyLogLink();
      case 'refreshLink':
        return this.refreshLink();
      case 'openDocs':
        return this.openDocs();
      case 'navigate':
        return this.navigate(message.direction);
      case 'reveal':
        await this.deps.explorer.revealEvent(this.ref, this.event.eventId);
        return;
      case 'copyJson':
        await vscode.env.clipboard.writeText(eventJsonText(this.event));
        void vscode.window.showInformationMessage(
          'Copied the event as JSON (without its log link; use "Copy log link" for that).',
        );
        return;
      case 'keepOpen':
        this.host.keepOpen(this);
        return;
      case 'openDiagnosis':
        await vscode.commands.executeCommand(COMMAND.diagnoseFleet, { ref: this.ref });
        return;
    }
  }

  private persisted(): PersistedState {
    return { kind: 'details', ref: this.ref, event: toPersistedEvent(this.event), pinned: this.pinnedState };
  }

  private buildModel(): DetailsViewModel {
    return buildDetailsViewModel({
      ref: this.ref,
      event: this.event,
      fleet: this.deps.explorer.getFleet(this.ref),
      loadedEvents: this.deps.explorer.getLoadedEvents(this.ref),
      pinned: this.pinnedState,
      logOverride: this.logOverride,
      customEndpoints: this.customEndpoints(),
      diagnosis: this.deps.explorer.getDiagnosis(this.ref),
    });
  }

  /** Rebuilds the model and posts it (once the page is ready). */
  render(): void {
    this.model = this.buildModel();
    this.post({ type: 'showDetails', model: this.model, hostNow: this.deps.clock.now(), persist: this.persisted() });
  }

  private post(message: HostMessage): void {
    this.page.post(message);
  }

  private updateTitle(): void {
    const code = this.event.eventCode || 'Event';
    this.panel.title = this.pinnedState ? code : `${code} (preview)`;
  }

  /** Endpoints the user configured: a log URL on exactly their origin is allowed (the local endpoint). */
  private customEndpoints(): (string | undefined)[] {
    const endpoint = this.deps.settings.get('endpoint');
    return [typeof endpoint === 'string' ? endpoint : undefined, this.ref.target.endpoint];
  }

  private logUrlCheck(): { url: string } | { problem: string; expired?: boolean } {
    const url = this.event.preSignedLogUrl;
    if (this.logOverride === 'gone')
      return { problem: 'GameLift no longer returns this event, so its log cannot be opened.' };
    if (!url) {
      return this.logOverride === 'stale'
        ? { problem: 'The log link was not kept across the reload. Get a fresh link first.', expired: true }
        : { problem: 'This event has no log.' };
    }
    const verdict = checkExternalUrl(url, 'log', { customEndpoints: this.customEndpoints() });
    if (!verdict.allowed) {
      // The reason names the scheme or host only, never the query that holds the signature.
      this.deps.log.warn(`Event details: refused the log link of event ${this.event.eventId}: ${verdict.reason}.`);
      return { problem: `The log link was not opened: ${verdict.reason}.` };
    }
    if (isLogUrlExpired(this.event, this.deps.clock.now())) {
      return { problem: 'The log link has expired (links are valid for 15 minutes).', expired: true };
    }
    return { url: verdict.url.href };
  }

  private async offerFreshLink(problem: string): Promise<void> {
    const choice = await vscode.window.showWarningMessage(problem, 'Get a Fresh Link');
    if (choice === 'Get a Fresh Link') await this.refreshLink();
  }

  /** Opens the log in the editor; an expired link is renewed without asking (EventLogs). */
  async openLog(): Promise<void> {
    if (this.logOverride === 'gone') {
      void vscode.window.showWarningMessage('GameLift no longer returns this event, so its log cannot be opened.');
      return;
    }
    await this.deps.eventLogs.open(this.ref, this.event, { viewColumn: vscode.ViewColumn.Beside });
  }

  /** The second way: the browser, with the link renewed first when it has expired. */
  async openLogInBrowser(): Promise<void> {
    if (this.logOverride === 'gone') {
      void vscode.window.showWarningMessage('GameLift no longer returns this event, so its log cannot be opened.');
      return;
    }
    await this.deps.eventLogs.openInBrowser(this.ref, this.event);
  }

  /** The explorer holds a fresh copy of this panel's event (its log link was renewed). */
  eventRenewed(fresh: FleetEvent): void {
    if (fresh.eventId !== this.event.eventId) return;
    this.event = fresh;
    this.logOverride = undefined;
    this.render();
  }

  async copyLogLink(): Promise<void> {
    const check = this.logUrlCheck();
    if ('problem' in check) {
      if (check.expired) return this.offerFreshLink(check.problem);
      void vscode.window.showWarningMessage(check.problem);
      return;
    }
    await vscode.env.clipboard.writeText(check.url);
    const left = describeExpiry(logUrlExpiry(this.event)?.expiresAt ?? 0, this.deps.clock.now());
    void vscode.window.showInformationMessage(
      `Copied the log link. It ${left.clockText.toLowerCase()}; treat it like a password until then.`,
    );
  }

  async refreshLink(): Promise<void> {
    if (this.refreshing) return;
    this.refreshing = true;
    this.post({ type: 'busy', busy: true, label: 'Getting a fresh link…' });
    try {
      const fresh = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'GameLift: getting a fresh log link' },
        // Renewed through EventLogs: the explorer's loaded copy gets the fresh link too.
        () => this.deps.eventLogs.renew(this.ref, this.event),
      );
      if (!fresh) {
        this.logOverride = 'gone';
        this.render();
        this.post({
          type: 'notice',
          level: 'warning',
          text: 'GameLift no longer returns this event (it may be older than the event retention period), so no fresh link is available.',
        });
        return;
      }
      this.event = fresh;
      this.logOverride = undefined;
      this.render();
      this.post({
        type: 'notice',
        level: 'info',
        text: fresh.preSignedLogUrl
          ? 'Got a fresh log link.'
          : 'GameLift returned the event again, but without a log link.',
      });
      this.deps.log.info(`Event details: fetched a fresh copy of event ${fresh.eventId}.`);
    } catch (err) {
      const classified = classifyError(err, {
        action: 'Getting a fresh log link',
        fleetId: this.ref.fleetId,
        region: this.ref.target.region,
        profile: this.ref.target.profile,
      });
      this.deps.log.error(errorLogLine(classified));
      this.post({ type: 'notice', level: 'error', text: classified.message });
      const actions = classified.retryable ? ['Retry'] : [];
      void vscode.window.showErrorMessage(classified.message, ...actions).then((choice) => {
        if (choice === 'Retry') void this.refreshLink();
      });
    } finally {
      this.refreshing = false;
      this.post({ type: 'busy', busy: false, label: '' });
    }
  }

  private async openDocs(): Promise<void> {
    const verdict = checkExternalUrl(FLEET_EVENTS_DOCS_URL, 'docs');
    if (!verdict.allowed) return;
    await openExternalExactly(verdict.url.href);
  }

  private navigate(direction: 'older' | 'newer'): void {
    const near = neighbours(this.deps.explorer.getLoadedEvents(this.ref), this.event.eventId);
    const target = direction === 'older' ? near.older : near.newer;
    if (!target) {
      this.post({ type: 'notice', level: 'info', text: `There is no ${direction} event loaded for this fleet.` });
      return;
    }
    this.host.showInPanel(this, this.ref, target);
  }
}
