// Per-fleet explorer state, free of vscode: the fleet's summary, its time window, its
// event pager and the last error. Double "Load more" clicks share one in-flight load; events
// are grouped into categories as pages arrive (only the new ones), and each category shows
// its newest SHOW_CHUNK events until "Show more…" reveals the next chunk.
import type { ClientFactory } from '../../gamelift/clientFactory';
import { classifyError, type ClassifiedError } from '../../gamelift/errors';
import { FleetEventPager } from '../../gamelift/eventPager';
import type { FleetEvent, FleetRef, FleetSummary, TimeWindow } from '../../gamelift/types';
import { CategoryIndex, type CategoryGroup } from './categoryGroups';
import { isFilterActive, type EventFilter } from './eventFilter';

/** Events a category shows at first, and how many more each "Show more…" adds. */
export const SHOW_CHUNK = 500;

export class FleetState {
  private pager: FleetEventPager;
  private inFlight: Promise<void> | undefined;
  private started = false;
  private abort: AbortController | undefined;
  private polling: Promise<void> | undefined;
  private pollAbort: AbortController | undefined;
  /** All loaded events by category, and (while a filter is on) the matching ones. */
  private allGroups = new CategoryIndex();
  private filtered: CategoryIndex | undefined;
  /** Events shown per category (newest first); grows with "Show more…" and reveal. */
  private readonly shown = new Map<string, number>();
  /** Bumped whenever the loaded events (or their absence) change. */
  generation = 0;
  error: ClassifiedError | undefined;

  constructor(
    readonly ref: FleetRef,
    public summary: FleetSummary | undefined,
    private windowValue: TimeWindow,
    private readonly clients: ClientFactory,
    /** Read at every (re)start, so a changed page-size setting applies on the next refresh. */
    private readonly pageSize: () => number,
    private readonly now: () => number,
  ) {
    this.pager = this.createPager(windowValue, pageSize());
  }

  // A new pager per window, with the current client (clients are replaced after a settings change).
  private createPager(window: TimeWindow, pageSize: number): FleetEventPager {
    const client = this.clients.clientFor('gamelift', this.ref.target);
    return new FleetEventPager(client, this.ref.fleetId, window, pageSize, { now: this.now });
  }

  get window(): TimeWindow {
    return this.windowValue;
  }
  get events(): readonly FleetEvent[] {
    return this.pager.events;
  }
  get hasMore(): boolean {
    return this.pager.hasMore;
  }
  get isLoading(): boolean {
    return this.inFlight !== undefined;
  }
  /** True once a first page was requested (so expanding does not reload). */
  get hasStarted(): boolean {
    return this.started;
  }

  /** Loads the first page unless one was already requested. */
  ensureStarted(): Promise<void> {
    if (this.started) return this.inFlight ?? Promise.resolve();
    return this.loadMore();
  }

  /** Loads the next page; while one is loading, returns that same load. */
  loadMore(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    this.started = true;
    this.error = undefined;
    const abort = (this.abort = new AbortController());
    const pager = this.pager;
    const load = pager
      .loadNextPage(abort.signal)
      .then(() => {
        // Group the new page now, so drawing the tree later costs only its categories.
        if (pager === this.pager) this.syncGroups();
      })
      .catch((err: unknown) => {
        // A reset while loading aborts the old load; its failure is not this window's error.
        if (pager === this.pager && !abort.signal.aborted)
          this.error = this.failure(err, `Fetching events for ${this.ref.fleetId}`);
      })
      .finally(() => {
        if (this.inFlight === load) this.inFlight = undefined;
        this.generation++;
      });
    this.inFlight = load;
    return load;
  }

  /**
   * A watcher's poll: fetches only events newer than those loaded (merged by EventId), keeping
   * older pages and the Load-more position; before any load it is the first page.
   */
  poll(): Promise<void> {
    if (!this.started) return this.ensureStarted();
    if (this.polling) return this.polling;
    const abort = (this.pollAbort = new AbortController());
    const pager = this.pager;
    const poll = pager
      .loadNewest(abort.signal)
      .then(() => {
        if (pager === this.pager) {
          this.error = undefined;
          this.syncGroups();
        }
      })
      .catch((err: unknown) => {
        if (pager === this.pager && !abort.signal.aborted)
          this.error = this.failure(err, `Fetching new events for ${this.ref.fleetId}`);
      })
      .finally(() => {
        if (this.polling === poll) this.polling = undefined;
        this.generation++;
      });
    this.polling = poll;
    return poll;
  }

  /** The error a failed fetch of this fleet's events shows, with this fleet's profile and region. */
  private failure(err: unknown, action: string): ClassifiedError {
    return classifyError(err, {
      action,
      profile: this.ref.target.profile,
      region: this.ref.target.region,
      fleetId: this.ref.fleetId,
    });
  }

  /** Abandons the load in flight (the user cancelled); loaded events stay. */
  cancel(): void {
    this.abort?.abort();
    this.pollAbort?.abort();
    this.pager.abortInFlight();
    this.inFlight = undefined;
  }

  /** Starts over with a (new) window: loaded events are dropped, nothing loads until asked. */
  reset(window: TimeWindow = this.windowValue, pageSizeOverride?: number): void {
    this.abort?.abort();
    this.pollAbort?.abort();
    this.polling = undefined;
    this.pager.abortInFlight();
    this.inFlight = undefined;
    this.windowValue = window;
    // A smaller page for a limited fetch ("at most 5 events"), so no more is loaded than asked.
    const pageSize =
      pageSizeOverride !== undefined ? Math.max(1, Math.min(pageSizeOverride, this.pageSize())) : this.pageSize();
    this.pager = this.createPager(window, pageSize);
    this.started = false;
    this.error = undefined;
    this.allGroups = new CategoryIndex();
    this.filtered = undefined;
    this.shown.clear();
    this.generation++;
  }

  /** Categories for the current events and filter; only events not grouped before cost anything. */
  groups(filter: EventFilter): CategoryGroup[] {
    if (!isFilterActive(filter)) {
      this.allGroups.update(this.pager.events);
      return this.allGroups.groups;
    }
    // A new filter object (the user changed it) is matched against all loaded events once.
    if (this.filtered?.filter !== filter) this.filtered = new CategoryIndex(filter);
    this.filtered.update(this.pager.events);
    return this.filtered.groups;
  }

  private syncGroups(): void {
    this.allGroups.update(this.pager.events);
    this.filtered?.update(this.pager.events);
  }

  /** How many of a category's events the tree shows (the rest wait behind "Show more…"). */
  shownCount(categoryId: string): number {
    return this.shown.get(categoryId) ?? SHOW_CHUNK;
  }

  /** Shows the next chunk of a category. */
  showMore(categoryId: string): void {
    this.shown.set(categoryId, this.shownCount(categoryId) + SHOW_CHUNK);
  }

  /** Makes sure the category shows at least `count` events (reveal of an older event). */
  showAtLeast(categoryId: string, count: number): void {
    if (count > this.shownCount(categoryId)) this.shown.set(categoryId, Math.ceil(count / SHOW_CHUNK) * SHOW_CHUNK);
  }

  /** The pager's own record of the last failure (for tests and logs). */
  get lastPagerError(): unknown {
    return this.pager.lastError;
  }

  get pagerIsLoading(): boolean {
    return this.pager.isLoading;
  }

  dispose(): void {
    this.abort?.abort();
    this.pollAbort?.abort();
    this.pager.abortInFlight();
  }
}
