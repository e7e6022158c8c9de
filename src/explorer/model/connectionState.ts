// Per-connection (profile + region) fleet list state, free of vscode: loads once, shares
// an in-flight load, remembers the classified error so the tree can show Retry.
import type { ClientFactory } from '../../gamelift/clientFactory';
import { classifyError, type ClassifiedError } from '../../gamelift/errors';
import { listFleets, type ListFleetsOptions } from '../../gamelift/fleetService';
import type { ConnectionTarget, FleetSummary } from '../../gamelift/types';

export class ConnectionState {
  fleets: FleetSummary[] | undefined;
  error: ClassifiedError | undefined;
  private inFlight: Promise<void> | undefined;
  private abort: AbortController | undefined;

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
    const run = listFleets(this.clients.clientFor('gamelift', this.target), { ...this.listing, signal: abort.signal })
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

  /** Forgets the list so the next expansion lists again. */
  reset(): void {
    this.abort?.abort();
    this.inFlight = undefined;
    this.fleets = undefined;
    this.error = undefined;
  }

  dispose(): void {
    this.abort?.abort();
  }
}
