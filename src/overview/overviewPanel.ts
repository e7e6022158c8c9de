// One fleet overview webview panel: each section loads on its own (its own request, abort and
// outcome), is posted to the page as soon as it settles, and reloads on Retry or Refresh without
// touching the others. The computes section keeps its ComputePager for "Load more" and reloads with
// a new filter. A fleet the explorer has not described yet gets its kind from the attributes section
// before the sections that depend on it.
import * as vscode from 'vscode';
import type { ComputePager } from '../gamelift/computes';
import { classifyError, errorLogLine, isCancellation } from '../gamelift/errors';
import {
  loadOverviewSection,
  overviewSectionsFor,
  type OverviewSectionData,
  type OverviewSectionId,
} from '../gamelift/fleetOverview';
import { isContainerFleetId } from '../gamelift/mapping';
import { COMMAND } from '../ids';
import type { FleetRef, FleetSummary } from '../gamelift/types';
import { toFleetInfo } from '../panel/fleetInfo';
import { SecurePanel, type PageSpec } from '../panel/securePanel';
import { formatUtc } from '../common/timeFormat';
import type { OverviewDeps } from './overviewDeps';
import { attributesView, computesView, deploymentsView, locationsView, logsView, runtimeView } from './overviewModel';
import {
  isPageMessage,
  type ComputeFilterView,
  type HostMessage,
  type PageMessage,
  type SectionState,
  type SectionView,
} from './protocol';

const OVERVIEW_PAGE: PageSpec<PageMessage> = {
  name: 'overview',
  title: 'GameLift fleet overview',
  loading: 'Loading the fleet overview…',
  isPageMessage,
};

export interface OverviewPanelHost {
  disposed(panel: OverviewPanel): void;
}

interface SectionRun {
  readonly abort: AbortController;
  readonly done: Promise<void>;
}

export class OverviewPanel {
  private fleet: FleetSummary;
  /** Set while the fleet's kind (EC2, Anywhere, container) is not known: the attributes load says. */
  private kindKnown: Promise<void> | undefined;
  private readonly states = new Map<OverviewSectionId, SectionState>();
  private readonly runs = new Map<OverviewSectionId, SectionRun>();
  private computePager: ComputePager | undefined;
  private computeFilter: ComputeFilterView = {};
  private moreRun: Promise<void> | undefined;
  private moreError: string | undefined;
  private readonly page: SecurePanel<HostMessage, PageMessage>;
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly ref: FleetRef,
    private readonly deps: OverviewDeps,
    private readonly host: OverviewPanelHost,
  ) {
    const known = deps.explorer.getFleet(ref);
    this.fleet = known ?? {
      fleetId: ref.fleetId,
      ...(isContainerFleetId(ref.fleetId) ? { isContainerFleet: true } : {}),
    };
    this.page = new SecurePanel(
      panel,
      OVERVIEW_PAGE,
      { extensionUri: deps.extensionUri, log: deps.log, label: 'Fleet overview' },
      {
        pageReady: () => this.pageReady(),
        handle: (message) => this.handle(message),
        disposed: () => this.dispose(),
      },
    );
    this.updateTitle();
    this.loadAll();
  }

  /** Which sections this fleet has, in display order. */
  get sections(): OverviewSectionId[] {
    return overviewSectionsFor(this.fleet);
  }

  /** The last state of each section (tests read it). */
  sectionStates(): SectionState[] {
    return this.sections.flatMap((id) => {
      const state = this.states.get(id);
      return state ? [state] : [];
    });
  }

  /** Settles when every section started so far has settled (tests wait on it). */
  async settled(): Promise<void> {
    while (this.runs.size > 0 || this.moreRun) {
      await Promise.all([...[...this.runs.values()].map((r) => r.done), this.moreRun]);
    }
  }

  /** Handles one message from the page, exactly as if the page had sent it (also used by tests). */
  onMessage(raw: unknown): Promise<void> {
    return this.page.receive(raw);
  }

  private updateTitle(): void {
    this.panel.title = `Overview: ${this.fleet.name || this.ref.fleetId}`;
  }

  private pageReady(): void {
    this.page.post({
      type: 'overview',
      fleet: toFleetInfo(this.ref, this.fleet),
      sections: this.sections,
      persist: { kind: 'overview', ref: this.ref },
    });
    for (const state of this.sectionStates()) this.page.post({ type: 'section', section: state });
  }

  private async handle(message: PageMessage): Promise<void> {
    switch (message.type) {
      case 'refresh':
        if (message.section) this.load(message.section);
        else this.loadAll();
        return;
      case 'loadMoreComputes':
        return this.loadMoreComputes();
      case 'filterComputes':
        this.computeFilter = {
          ...(message.filter.location ? { location: message.filter.location } : {}),
          ...(message.filter.status ? { status: message.filter.status } : {}),
        };
        this.load('computes');
        return;
      case 'containerLogs':
        // The page names no fleet: the command gets this panel's.
        await vscode.commands.executeCommand(
          message.action === 'open' ? COMMAND.openContainerLogs : COMMAND.searchContainerLogs,
          { ref: this.ref },
        );
        return;
    }
  }

  /** Every section again (the page's Refresh); the explorer's summary may have news too. */
  loadAll(): void {
    this.fleet = this.deps.explorer.getFleet(this.ref) ?? this.fleet;
    const kindUnknown = !this.fleet.isContainerFleet && !this.fleet.computeType;
    if (kindUnknown) this.kindKnown = undefined;
    for (const id of this.sections) this.load(id);
    if (this.page.ready) this.pageReady();
  }

  /** Loads one section, dropping its load in flight; the page sees "loading", then the outcome. */
  load(id: OverviewSectionId): void {
    this.runs.get(id)?.abort.abort();
    if (id === 'computes') {
      this.computePager?.cancel();
      this.computePager = undefined;
      this.moreError = undefined;
    }
    const abort = new AbortController();
    this.setState({ id, state: 'loading' });
    const done = this.run(id, abort.signal).finally(() => {
      if (this.runs.get(id)?.abort === abort) this.runs.delete(id);
    });
    this.runs.set(id, { abort, done });
    if (id === 'attributes' && !this.fleet.isContainerFleet && !this.fleet.computeType) this.kindKnown = done;
  }

  private async run(id: OverviewSectionId, signal: AbortSignal): Promise<void> {
    // Locations of an Anywhere fleet have no capacity to read: know the kind first.
    if (id !== 'attributes' && this.kindKnown) await this.kindKnown;
    const target = this.ref.target;
    try {
      const outcome = await loadOverviewSection(id, {
        client: this.deps.clients.clientFor('gamelift', target),
        fleet: this.fleet,
        region: target.region,
        signal,
        errorContext: { profile: target.profile, region: target.region },
        ...(id === 'computes' ? { computeFilter: this.computeFilter } : {}),
      });
      if (signal.aborted || this.disposed) return;
      if (!outcome.ok) {
        this.deps.log.error(errorLogLine(outcome.error));
        this.setState({ id, state: 'error', message: outcome.error.message, retryable: outcome.error.retryable });
        return;
      }
      this.setState({ id, state: 'ready', view: this.viewOf(id, outcome.value), loadedAt: this.now() });
    } catch (err) {
      // A cancellation (Refresh, a new filter, the panel closed): the newer load says what to show.
      if (!isCancellation(err)) throw err;
    }
  }

  private viewOf(id: OverviewSectionId, value: OverviewSectionData[OverviewSectionId]): SectionView {
    switch (id) {
      case 'attributes': {
        const data = value as OverviewSectionData['attributes'];
        this.fleet = { ...this.fleet, ...data.summary };
        this.updateTitle();
        return attributesView(data);
      }
      case 'runtime':
        return runtimeView(value as OverviewSectionData['runtime']);
      case 'locations':
        return locationsView(value as OverviewSectionData['locations'], this.fleet, this.ref.target.region);
      case 'computes':
        this.computePager = (value as OverviewSectionData['computes']).pager;
        return this.computesSectionView();
      case 'deployments':
        return deploymentsView(value as OverviewSectionData['deployments']);
      case 'logs':
        return logsView(this.ref.fleetId, value as OverviewSectionData['logs']);
    }
  }

  private computesSectionView(): SectionView {
    const pager = this.computePager;
    return computesView({
      computes: pager?.computes ?? [],
      hasMore: pager?.hasMore ?? false,
      filter: this.computeFilter,
      isContainerFleet: this.fleet.isContainerFleet === true,
      loadingMore: this.moreRun !== undefined,
      ...(this.moreError ? { moreError: this.moreError } : {}),
    });
  }

  /** The next page of computes; a second click while one loads joins it (the pager shares it). */
  private loadMoreComputes(): Promise<void> {
    const pager = this.computePager;
    if (!pager || !pager.hasMore) return Promise.resolve();
    if (this.moreRun) return this.moreRun;
    this.moreError = undefined;
    const run = pager
      .loadNextPage()
      .then(() => undefined)
      .catch((err: unknown) => {
        if (isCancellation(err) || pager !== this.computePager) return;
        const target = this.ref.target;
        const error = classifyError(err, {
          action: `Listing more computes of ${this.ref.fleetId}`,
          profile: target.profile,
          region: target.region,
          fleetId: this.ref.fleetId,
        });
        this.deps.log.error(errorLogLine(error));
        this.moreError = error.message;
      })
      .finally(() => {
        this.moreRun = undefined;
        if (pager === this.computePager && !this.disposed) this.postComputes();
      });
    this.moreRun = run;
    this.postComputes();
    return run;
  }

  private postComputes(): void {
    if (this.states.get('computes')?.state !== 'ready') return;
    this.setState({ id: 'computes', state: 'ready', view: this.computesSectionView(), loadedAt: this.now() });
  }

  private setState(state: SectionState): void {
    this.states.set(state.id, state);
    this.page.post({ type: 'section', section: state });
  }

  private now(): string {
    return formatUtc(this.deps.clock.now());
  }

  private dispose(): void {
    this.disposed = true;
    for (const run of this.runs.values()) run.abort.abort();
    this.computePager?.cancel();
    this.host.disposed(this);
  }
}
