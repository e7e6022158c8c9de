// A fleet's "Changes", free of vscode: the write calls CloudTrail recorded for the fleet in the
// last 90 days, read a page of LookupEvents at a time from the connection's shared window (so
// the fleets of one Region share the calls), in batches of about BATCH_CHANGES changes or
// BATCH_PAGES pages. The window's pages are shared; this state owns only its own waiting, which
// reset() and dispose() abort.
import { isCancellation, type ClassifiedError } from '../../gamelift/errors';
import type { FleetRef } from '../../gamelift/types';
import {
  classifyLookupError,
  fleetChangesIn,
  recentWindow,
  type FleetChange,
  type LookupHistories,
  type LookupWindow,
} from '../../history';

/** Changes a batch looks for, and the most pages it reads before it stops for "Load more". */
export const BATCH_CHANGES = 50;
export const BATCH_PAGES = 10;

export class FleetChangesState {
  private windowValue: LookupWindow | undefined;
  private changeList: readonly FleetChange[] = [];
  private loading: Promise<void> | undefined;
  private firstPage: Promise<void> | undefined;
  private abort = new AbortController();
  error: ClassifiedError | undefined;

  constructor(
    readonly ref: FleetRef,
    private readonly lookups: LookupHistories,
    private readonly now: () => number,
    /** Called after each page and when a batch ends (the tree and the timeline redraw). */
    private readonly onUpdate: (state: FleetChangesState) => void,
  ) {}

  /** The fleet's write calls found so far, newest first. */
  get changes(): readonly FleetChange[] {
    return this.changeList;
  }
  get hasStarted(): boolean {
    return this.windowValue !== undefined;
  }
  get isLoading(): boolean {
    return this.loading !== undefined;
  }
  /** True once the whole 90 days were read: the list is all there is. */
  get complete(): boolean {
    return this.windowValue?.complete === true;
  }
  /** GameLift calls of the connection read so far (all fleets), and the oldest one's time. */
  get scanned(): { events: number; oldest?: number } {
    const events = this.windowValue?.events ?? [];
    const oldest = events.length > 0 ? events[events.length - 1].summary.time : undefined;
    return { events: events.length, ...(oldest !== undefined && !Number.isNaN(oldest) ? { oldest } : {}) };
  }

  /** Starts the first batch unless one was started; resolves once its first page is in (or it failed). */
  ensureStarted(): Promise<void> {
    if (!this.hasStarted) void this.loadMore();
    return this.firstPage ?? Promise.resolve();
  }

  /** Reads the next batch; while one is being read, waits for that one. */
  loadMore(): Promise<void> {
    if (this.loading) return this.loading;
    this.windowValue ??= this.lookups.history(this.ref.target).window(recentWindow(this.now()));
    const window = this.windowValue;
    const signal = this.abort.signal;
    let pageIn!: () => void;
    this.firstPage = new Promise<void>((resolve) => (pageIn = resolve));
    this.error = undefined;
    const run = this.readBatch(window, signal, pageIn).finally(() => {
      pageIn();
      if (this.loading === run) this.loading = undefined;
      if (!signal.aborted) this.onUpdate(this);
    });
    this.loading = run;
    return run;
  }

  private async readBatch(window: LookupWindow, signal: AbortSignal, pageIn: () => void): Promise<void> {
    const wanted = this.changeList.length + BATCH_CHANGES;
    try {
      // The pages read before (by this fleet or another of the connection) count first.
      this.update(window);
      for (let page = 0; page < BATCH_PAGES && !window.complete && this.changeList.length < wanted; page++) {
        await window.loadNextPage(signal);
        if (signal.aborted) return;
        this.update(window);
        pageIn();
        this.onUpdate(this);
      }
    } catch (err) {
      if (isCancellation(err) || signal.aborted) return;
      const { profile, region } = this.ref.target;
      this.error = classifyLookupError(err, { ...(profile ? { profile } : {}), region });
    }
  }

  private update(window: LookupWindow): void {
    this.changeList = fleetChangesIn(window.events, this.ref.fleetId);
  }

  /** Forgets what was read (Refresh): the next expand reads a new 90-day window. */
  reset(): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.windowValue = undefined;
    this.changeList = [];
    this.loading = undefined;
    this.firstPage = undefined;
    this.error = undefined;
  }

  dispose(): void {
    this.abort.abort();
  }
}
