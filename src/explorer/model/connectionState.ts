// Per-connection (profile + region) fleet list state, free of vscode: loads once, shares
// an in-flight load, remembers the classified error so the tree can show Retry, and keeps the
// backoff of failed container-fleet calls across listings (watcher ticks do not repeat them).
import { CallBackoff } from '../../gamelift/backoff';
import type { ClientFactory } from '../../gamelift/clientFactory';
import { classifyError, type ClassifiedError } from '../../gamelift/errors';
import { containerCallKey, listFleets, type ListFleetsOptions } from '../../gamelift/fleetService';
import type { ConnectionTarget, FleetSummary } from '../../gamelift/types';

export class ConnectionState {
  fleets: FleetSummary[] | undefined;
  error: ClassifiedError | undefined;
  private inFlight: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private readonly backoff = new CallBackoff();

  constructor(
    readonly target: ConnectionTarget,
    private readonly clients: ClientFactory,
    private readonly listing: Pick<ListFleetsOptions, 'pageSize' | 'batchSize'> = {},
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
        if (!abort.signal.aborted) this.fleets = fleets;
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
  }

  dispose(): void {
    this.abort?.abort();
  }
}
