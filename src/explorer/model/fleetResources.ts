// What the tree shows of one fleet beyond its events, free of vscode: the Locations and Computes
// rows (one summary load, shared while it runs) and the computes under the Computes row, one page
// per "Load more…" through a ComputePager. This class owns that work in flight; Refresh drops it.
import type { GameLiftClient } from '@aws-sdk/client-gamelift';
import { ComputePager, type ComputeSummary } from '../../gamelift/computes';
import { classifyError, isCancellation, type ClassifiedError } from '../../gamelift/errors';
import type { LocationCapacity } from '../../gamelift/fleetCapacity';
import { summarizeFleetResources, type FleetResourceSummary } from '../../gamelift/fleetResourceSummary';
import type { FleetRef, FleetSummary } from '../../gamelift/types';

export class FleetResources {
  private summaryValue: FleetResourceSummary | undefined;
  private summaryRun: Promise<void> | undefined;
  private abort = new AbortController();
  private pager: ComputePager | undefined;
  private pagerRun: Promise<void> | undefined;
  /** The last failed page of computes (the Computes row shows it with Retry). */
  computesError: ClassifiedError | undefined;

  constructor(
    readonly ref: FleetRef,
    private readonly client: () => GameLiftClient,
  ) {}

  /** Locations and computes, each its own outcome; undefined until the first load settles. */
  get summary(): FleetResourceSummary | undefined {
    return this.summaryValue;
  }

  get isLoading(): boolean {
    return this.summaryRun !== undefined;
  }

  /**
   * Loads the summary unless it is loaded (or loading: the same load is shared). `capacity` is the
   * home Region's capacity when the fleet listing read it already (it saves a call).
   */
  ensureLoaded(fleet: FleetSummary, capacity?: LocationCapacity): Promise<void> {
    if (this.summaryValue) return Promise.resolve();
    if (this.summaryRun) return this.summaryRun;
    const abort = this.abort;
    const target = this.ref.target;
    const run = summarizeFleetResources(
      this.client(),
      fleet,
      { region: target.region, ...(capacity ? { capacity } : {}) },
      { signal: abort.signal, errorContext: { profile: target.profile, region: target.region } },
    )
      .then((summary) => {
        if (!abort.signal.aborted) this.summaryValue = summary;
      })
      .catch((err: unknown) => {
        // Each part is already an outcome; only a cancellation (a Refresh) rejects.
        if (!isCancellation(err)) throw err;
      })
      .finally(() => {
        if (this.summaryRun === run) this.summaryRun = undefined;
      });
    this.summaryRun = run;
    return run;
  }

  /** The computes loaded so far (first page on the first expansion of the Computes row). */
  get computes(): readonly ComputeSummary[] {
    return this.pager?.computes ?? [];
  }

  get computesStarted(): boolean {
    return this.pager !== undefined;
  }

  get hasMoreComputes(): boolean {
    return this.pager?.hasMore ?? true;
  }

  get isLoadingComputes(): boolean {
    return this.pagerRun !== undefined;
  }

  /** The next page of computes; concurrent calls (a double click) share it. */
  loadMoreComputes(): Promise<void> {
    if (this.pagerRun) return this.pagerRun;
    const pager = (this.pager ??= new ComputePager(this.client(), this.ref.fleetId));
    this.computesError = undefined;
    const target = this.ref.target;
    const run = pager
      .loadNextPage()
      .then(() => undefined)
      .catch((err: unknown) => {
        if (isCancellation(err) || pager !== this.pager) return;
        this.computesError = classifyError(err, {
          action: `Listing the computes of ${this.ref.fleetId}`,
          profile: target.profile,
          region: target.region,
          fleetId: this.ref.fleetId,
        });
      })
      .finally(() => {
        if (this.pagerRun === run) this.pagerRun = undefined;
      });
    this.pagerRun = run;
    return run;
  }

  /** Forgets everything loaded and stops what is loading (Refresh); the next expansion loads again. */
  reset(): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.pager?.cancel();
    this.pager = undefined;
    this.pagerRun = undefined;
    this.summaryRun = undefined;
    this.summaryValue = undefined;
    this.computesError = undefined;
  }

  dispose(): void {
    this.reset();
  }
}
