// The explorer's view of the AWS side: what it needs from src/gamelift (fleet listing,
// an event pager, one-shot fetches, error classification), as an interface so the model
// stays testable and the adapter to the services lives in one file (gameliftSource.ts).
import type { ConnectionTarget, FleetEvent, FleetRef, FleetSummary, TimeWindow } from '../../gamelift/types';

export interface EventPagerLike {
  /** Loaded events, newest first, de-duplicated by EventId. */
  readonly events: readonly FleetEvent[];
  readonly hasMore: boolean;
  readonly isLoading: boolean;
  readonly lastError?: unknown;
  /** Concurrent calls share one request. */
  loadNextPage(signal?: AbortSignal): Promise<unknown>;
  /** Fetches only events newer than those loaded, keeping older pages and the Load-more position. */
  loadNewest(signal?: AbortSignal): Promise<unknown>;
  reset(window: TimeWindow): void;
  /** Aborts the SDK call in flight, if any (cancel, reset). */
  abortInFlight(): void;
}

export interface ClassifiedError {
  readonly kind: string;
  readonly message: string;
  readonly retryable: boolean;
  readonly profile?: string;
}

/** What was being done when an error happened; it becomes part of the message. */
export interface ErrorContext {
  readonly action: string;
  readonly profile?: string;
  readonly region?: string;
  readonly fleetId?: string;
}

export interface FleetDataSource {
  listFleets(target: ConnectionTarget, signal?: AbortSignal): Promise<FleetSummary[]>;
  /** The fleet's attributes; undefined when the service does not know it. */
  describeFleet(ref: FleetRef, signal?: AbortSignal): Promise<FleetSummary | undefined>;
  createPager(ref: FleetRef, window: TimeWindow, pageSize: number): EventPagerLike;
  classifyError(err: unknown, context: ErrorContext): ClassifiedError;
  /** Drops cached clients, e.g. after a settings change or a new sign-in. */
  forgetClients(): void;
}
