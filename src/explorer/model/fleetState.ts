// Per-fleet explorer state, free of vscode: the fleet's summary, its time window, its
// event pager and the last error. The pager owns the work in flight (double "Load more"
// clicks share its load; cancel and reset abort it); this class turns outcomes into the error
// the tree shows. Events are grouped into categories as pages arrive (only the new ones), and
// each category shows its newest SHOW_CHUNK events until "Show more…" reveals the next chunk.
import type { Diagnosis } from '../../diagnosis';
import type { ClientFactory } from '../../gamelift/clientFactory';
import { classifyError, isCancellation, type ClassifiedError } from '../../gamelift/errors';
import { FleetEventPager, type LoadUntilOptions } from '../../gamelift/eventPager';
import type { FleetEvent, FleetRef, FleetSummary, TimeWindow } from '../../gamelift/types';
import { CategoryIndex, type CategoryGroup } from './categoryGroups';
import { isFilterActive, type EventFilter } from './eventFilter';
import { quickDiagnosis } from './quickDiagnosis';
import { FleetResources } from './fleetResources';

/** Events a category shows at first, and how many more each "Show more…" adds. */
export const SHOW_CHUNK = 500;

export class FleetState {
  private pager: FleetEventPager;
  /** All loaded events by category, and (while a filter is on) the matching ones. */
  private allGroups = new CategoryIndex();
  private filtered: CategoryIndex | undefined;
  /** Events shown per category (newest first); grows with "Show more…" and reveal. */
  private readonly shown = new Map<string, number>();
  /** Bumped whenever a load or poll settles and on reset. */
  generation = 0;
  error: ClassifiedError | undefined;
  /** What "Diagnose fleet" found (it read everything); forgotten on reset or a new status. */
  private gathered: Diagnosis | undefined;
  private quick: { generation: number; status?: string; diagnosis: Diagnosis | undefined } | undefined;
  /** The Locations and Computes rows' data; kept across time-range changes (Refresh resets it). */
  readonly resources: FleetResources;

  constructor(
    readonly ref: FleetRef,
    public summary: FleetSummary | undefined,
    private windowValue: TimeWindow,
    private readonly clients: ClientFactory,
    /** Read at every (re)start, so a changed page-size setting applies on the next refresh. */
    private readonly pageSize: () => number,
    private readonly now: () => number,
    /** Called whenever the loaded events change (`replaced`: one event's fresh copy). */
    private readonly changed: (replaced?: FleetEvent) => void = () => undefined,
  ) {
    this.pager = this.createPager(windowValue, pageSize());
    this.resources = new FleetResources(ref, () => this.clients.clientFor('gamelift', this.ref.target));
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
    return this.pager.isLoading;
  }
  /** True once a first page was requested (so expanding does not reload). */
  get hasStarted(): boolean {
    return this.pager.hasStarted;
  }

  /** Loads the first page unless one was already requested (joining it while it loads). */
  ensureStarted(): Promise<void> {
    if (this.hasStarted && !this.isLoading) return Promise.resolve();
    return this.loadMore();
  }

  /** Loads the next page; while one is loading, waits for that same load. */
  async loadMore(): Promise<void> {
    this.error = undefined;
    await this.settle(this.pager.loadNextPage(), `Fetching events for ${this.ref.fleetId}`);
  }

  /**
   * Loads pages until `limit` events are loaded or none are left ("Fetch fleet events"); aborting
   * `signal` cancels the request under way. Resolves to whether it was cancelled.
   */
  async loadUpTo(limit: number, options: LoadUntilOptions = {}): Promise<{ cancelled: boolean }> {
    this.error = undefined;
    await this.settle(this.pager.loadUntil(limit, options), `Fetching events for ${this.ref.fleetId}`);
    return { cancelled: options.signal?.aborted === true };
  }

  /**
   * A watcher's poll: fetches only events newer than those loaded (merged by EventId), keeping
   * older pages and the Load-more position; before any load it is the first page. Resolves to
   * the events it added.
   */
  async poll(): Promise<readonly FleetEvent[]> {
    const result = await this.settle(this.pager.loadNewest(), `Fetching new events for ${this.ref.fleetId}`);
    return result?.added ?? [];
  }

  /** Groups what a load brought, or keeps its failure as the error the tree shows (not a cancel). */
  private async settle<T>(load: Promise<T>, action: string): Promise<T | undefined> {
    try {
      const result = await load;
      // Group the new page now, so drawing the tree later costs only its categories.
      this.syncGroups();
      this.error = undefined;
      return result;
    } catch (err) {
      if (!isCancellation(err))
        this.error = classifyError(err, {
          action,
          profile: this.ref.target.profile,
          region: this.ref.target.region,
          fleetId: this.ref.fleetId,
        });
      return undefined;
    } finally {
      this.generation++;
      this.changed();
    }
  }

  /** A fresh copy of a loaded event (a renewed log link) replaces the old one; false when not loaded. */
  replaceEvent(fresh: FleetEvent): boolean {
    if (!this.pager.replaceEvent(fresh)) return false;
    // Groups hold event objects: regroup once (a renewal is rare, and grouping is linear).
    this.allGroups = new CategoryIndex();
    this.filtered = undefined;
    this.generation++;
    this.changed(fresh);
    return true;
  }

  /**
   * The fleet's diagnosis: the one "Diagnose fleet" gathered while the fleet keeps its status,
   * else one made from the loaded events (once per load).
   */
  diagnosis(): Diagnosis | undefined {
    const status = this.summary?.status;
    if (this.gathered && this.gathered.phase.status === status) return this.gathered;
    if (this.quick?.generation !== this.generation || this.quick.status !== status) {
      this.quick = {
        generation: this.generation,
        status,
        diagnosis: quickDiagnosis(this.summary, this.pager.events, !this.pager.hasMore, this.now()),
      };
    }
    return this.quick.diagnosis;
  }

  /** Keeps what "Diagnose fleet" found. */
  setDiagnosis(diagnosis: Diagnosis): void {
    this.gathered = diagnosis;
  }

  /** Abandons the load in flight (the user cancelled); loaded events stay. */
  cancel(): void {
    this.pager.abortInFlight();
  }

  /** Starts over with a (new) window: loaded events are dropped, nothing loads until asked. */
  reset(window: TimeWindow = this.windowValue, pageSizeOverride?: number): void {
    // Its loads in flight are aborted and settle with nothing, not with an error.
    this.pager.reset();
    this.windowValue = window;
    // A smaller page for a limited fetch ("at most 5 events"), so no more is loaded than asked.
    const pageSize =
      pageSizeOverride !== undefined ? Math.max(1, Math.min(pageSizeOverride, this.pageSize())) : this.pageSize();
    this.pager = this.createPager(window, pageSize);
    this.error = undefined;
    this.gathered = undefined;
    this.allGroups = new CategoryIndex();
    this.filtered = undefined;
    this.shown.clear();
    this.generation++;
    this.changed();
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

  dispose(): void {
    this.pager.abortInFlight();
    this.resources.dispose();
  }
}
