// Per-connection (profile + region) fleet list state, free of vscode: loads once, shares
// an in-flight load, remembers the classified error so the tree can show Retry, and keeps the
// backoff of failed container-fleet calls across listings (watcher ticks do not repeat them).
// After each listing it reads the fleets' home capacities (one call per 50 fleets) for the rows'
// active/desired counts, without holding up the list.
import { CallBackoff } from '../../gamelift/backoff';
import type { ClientFactory } from '../../gamelift/clientFactory';
import { classifyError, isCancellation, type ClassifiedError } from '../../gamelift/errors';
import { describeHomeCapacities, type LocationCapacity } from '../../gamelift/fleetCapacity';
import { containerCallKey, listFleets, type ListFleetsOptions } from '../../gamelift/fleetService';
import type { ConnectionTarget, FleetSummary } from '../../gamelift/types';

export class ConnectionState {
  fleets: FleetSummary[] | undefined;
  error: ClassifiedError | undefined;
  /** Home Region capacity by fleet ID, from the last listing (Anywhere fleets have none). */
  capacities: ReadonlyMap<string, LocationCapacity> | undefined;
  capacityError: ClassifiedError | undefined;
  /** The capacity read after the last listing (settles, never rejects). */
  capacityLoad: Promise<void> | undefined;
  private capacityRuns = 0;
  private inFlight: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private readonly backoff = new CallBackoff();

  constructor(
    readonly target: ConnectionTarget,
    private readonly clients: ClientFactory,
    private readonly listing: Pick<ListFleetsOptions, 'pageSize' | 'batchSize'> = {},
    /** Called when capacities arrive after a listing (the rows redraw their counts). */
    private readonly onCapacities: (connection: ConnectionState) => void = () => undefined,
  ) {}

  get isLoading(): boolean {
    return this.inFlight !== undefined;
  }

  /** Lists the fleets unless they are listed (or being listed) already. */
  ensureLoaded(): Promise<void> {
    if (this.fleets !== undefined || this.error !== undefined) return this.inFlight ?? Promise.resolve();
    return this.load();
  }

  load(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    this.error = undefined;
    const abort = (this.abort = new AbortController());
    const run = listFleets(this.clients.clientFor('gamelift', this.target), {
      ...this.listing,
      signal: abort.signal,
      backoff: this.backoff,
      errorContext: { profile: this.target.profile, region: this.target.region },
    })
      .then((fleets) => {
        if (abort.signal.aborted) return;
        this.fleets = fleets;
        this.capacityLoad = this.loadCapacities(fleets, abort.signal);
      })
      .catch((err: unknown) => {
        if (!abort.signal.aborted)
          this.error = classifyError(err, {
            action: `Listing fleets in ${this.target.region}`,
            profile: this.target.profile,
            region: this.target.region,
          });
      })
      .finally(() => {
        if (this.inFlight === run) this.inFlight = undefined;
      });
    this.inFlight = run;
    return run;
  }

  /** Puts a freshly described fleet in the list (the watcher's status call), leaving the others. */
  updateFleet(summary: FleetSummary): void {
    if (!this.fleets) return;
    const i = this.fleets.findIndex((f) => f.fleetId === summary.fleetId);
    if (i >= 0) this.fleets[i] = summary;
  }

  /** The listed fleets' home capacities; a failure leaves the rows without counts (and is kept for the log). */
  private async loadCapacities(fleets: readonly FleetSummary[], signal: AbortSignal): Promise<void> {
    const ids = fleets.filter((f) => f.computeType !== 'ANYWHERE' && !f.describeError).map((f) => f.fleetId);
    if (ids.length === 0) return;
    // A newer listing's read wins over an older one still under way.
    const run = ++this.capacityRuns;
    try {
      const capacities = await describeHomeCapacities(this.clients.clientFor('gamelift', this.target), ids, { signal });
      if (signal.aborted || run !== this.capacityRuns) return;
      this.capacities = capacities;
      this.capacityError = undefined;
    } catch (err) {
      if (signal.aborted || isCancellation(err) || run !== this.capacityRuns) return;
      this.capacityError = classifyError(err, {
        action: `Reading the capacity of the fleets in ${this.target.region}`,
        profile: this.target.profile,
        region: this.target.region,
      });
    }
    this.onCapacities(this);
  }

  /** Retry on a fleet whose description failed: the failed calls are made again at once. */
  retryDescribe(fleetId: string): Promise<void> {
    this.backoff.clear(containerCallKey('DescribeContainerFleet', fleetId));
    this.backoff.clear(containerCallKey('ListContainerFleets'));
    return this.load();
  }

  /** Forgets the list (and the backoff: a Refresh tries everything again) so the next expansion lists again. */
  reset(): void {
    this.backoff.clear();
    this.abort?.abort();
    this.inFlight = undefined;
    this.fleets = undefined;
    this.error = undefined;
    this.capacities = undefined;
    this.capacityError = undefined;
  }

  dispose(): void {
    this.abort?.abort();
  }
}
