// Per-fleet explorer state, free of vscode: the fleet's summary, its time window, its
// event pager and the last error. Double "Load more" clicks share one in-flight load, and
// the category grouping is cached until events or the filter change.
import type { FleetEvent, FleetSummary, TimeWindow } from '../../gamelift/types';
import type { FleetRef } from '../api';
import { groupByCategory, type CategoryGroup } from './categoryGroups';
import type { ClassifiedError, EventPagerLike, FleetDataSource } from './dataSource';
import type { EventFilter } from './eventFilter';

export class FleetState {
  private pager: EventPagerLike;
  private inFlight: Promise<void> | undefined;
  private started = false;
  private abort: AbortController | undefined;
  private groupsCache: { generation: number; filter: EventFilter; groups: CategoryGroup[] } | undefined;
  /** Bumped whenever the loaded events (or their absence) change. */
  generation = 0;
  error: ClassifiedError | undefined;

  constructor(
    readonly ref: FleetRef,
    public summary: FleetSummary | undefined,
    private windowValue: TimeWindow,
    private readonly source: FleetDataSource,
    /** Read at every (re)start, so a changed page-size setting applies on the next refresh. */
    private readonly pageSize: () => number,
  ) {
    this.pager = source.createPager(ref, windowValue, pageSize());
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
      .then(() => undefined)
      .catch((err: unknown) => {
        // A reset while loading aborts the old load; its failure is not this window's error.
        if (pager === this.pager && !abort.signal.aborted) this.error = this.source.classifyError(err, {
            action: `Fetching events for ${this.ref.fleetId}`,
            profile: this.ref.target.profile,
            region: this.ref.target.region,
            fleetId: this.ref.fleetId,
          });
      })
      .finally(() => {
        if (this.inFlight === load) this.inFlight = undefined;
        this.generation++;
      });
    this.inFlight = load;
    return load;
  }

  /** Abandons the load in flight (the user cancelled); loaded events stay. */
  cancel(): void {
    this.abort?.abort();
    this.pager.abortInFlight?.();
    this.inFlight = undefined;
  }

  /** Starts over with a (new) window: loaded events are dropped, nothing loads until asked. */
  reset(window: TimeWindow = this.windowValue, pageSizeOverride?: number): void {
    this.abort?.abort();
    this.pager.abortInFlight?.();
    this.inFlight = undefined;
    this.windowValue = window;
    // A smaller page for a limited fetch ("at most 5 events"), so no more is loaded than asked.
    const pageSize = pageSizeOverride !== undefined ? Math.max(1, Math.min(pageSizeOverride, this.pageSize())) : this.pageSize();
    this.pager = this.source.createPager(this.ref, window, pageSize);
    this.started = false;
    this.error = undefined;
    this.generation++;
  }

  /** Categories for the current events and filter, computed once per change. */
  groups(filter: EventFilter): CategoryGroup[] {
    const cached = this.groupsCache;
    if (cached && cached.generation === this.generation && cached.filter === filter) return cached.groups;
    const groups = groupByCategory(this.pager.events, filter);
    this.groupsCache = { generation: this.generation, filter, groups };
    return groups;
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
    this.pager.abortInFlight?.();
  }
}
