// Pages through a fleet's events one DescribeFleetEvents call at a time, for "Load more".
// VS Code-free: the tree holds one pager per fleet, and the pager alone owns the work in
// flight. Concurrent loads (and concurrent polls) share the call under way, so a double click
// never loads a page twice; events are de-duplicated by EventId. Every SDK call carries the
// pager's own AbortSignal: abortInFlight() (the owner cancelling) and reset() abort the
// request itself, while one caller's signal only stops that caller.
import {
  DescribeFleetEventsCommand,
  type DescribeFleetEventsCommandInput,
  type GameLiftClient,
} from '@aws-sdk/client-gamelift';
import { abortError, requireList, throwIfAborted } from './errors';
import { toFleetEvent } from './mapping';
import { systemClock } from '../common/clock';
import type { FleetEvent, TimeWindow } from './types';

/** Events per DescribeFleetEvents call. The API has no maximum; 100 fills a tree nicely. */
export const DEFAULT_EVENT_PAGE_SIZE = 100;

export interface PagerOptions {
  /** Clock for `fetchedAt` (tests inject one). */
  readonly now?: () => number;
}

export class FleetEventPager {
  private loaded: FleetEvent[] = [];
  private readonly seen = new Set<string>();
  private nextToken: string | undefined;
  private started = false;
  private finished = false;
  private inFlight: Promise<{ added: FleetEvent[] }> | undefined;
  private polling: Promise<{ added: FleetEvent[] }> | undefined;
  private error: unknown;
  // Bumped by reset(): a page that arrives for an older generation is dropped.
  private generation = 0;
  private readonly now: () => number;
  /** Aborts the request in flight; replaced after each use. */
  private requests = new AbortController();

  constructor(
    private readonly client: GameLiftClient,
    readonly fleetId: string,
    private windowValue: TimeWindow,
    readonly pageSize: number = DEFAULT_EVENT_PAGE_SIZE,
    options: PagerOptions = {},
  ) {
    this.now = options.now ?? systemClock.now;
  }

  /** Events loaded so far, newest first, each EventId once. */
  get events(): readonly FleetEvent[] {
    return this.loaded;
  }

  /** True until the service says there are no more pages. */
  get hasMore(): boolean {
    return !this.finished;
  }

  get isLoading(): boolean {
    return this.inFlight !== undefined;
  }

  /** The error of the last load, cleared by the next successful one. */
  get lastError(): unknown {
    return this.error;
  }

  get window(): TimeWindow {
    return this.windowValue;
  }

  /** Whether at least one page was requested (to tell "not loaded yet" from "no events"). */
  get hasStarted(): boolean {
    return this.started;
  }

  /**
   * Loads the next page. While one load is in flight every caller gets the same promise.
   * Aborting `signal` rejects this caller's promise but lets the shared request finish for
   * others (the page is kept), so a cancelled click never loses or duplicates a page.
   */
  loadNextPage(signal?: AbortSignal): Promise<{ added: FleetEvent[] }> {
    if (signal?.aborted) return Promise.reject(abortError());
    if (this.finished) return Promise.resolve({ added: [] });
    if (!this.inFlight) {
      const load: Promise<{ added: FleetEvent[] }> = this.fetchPage(this.generation).finally(() => {
        if (this.inFlight === load) this.inFlight = undefined;
      });
      // A caller that aborted stops listening; the failure is still kept in lastError.
      load.catch(() => undefined);
      this.inFlight = load;
    }
    return signal ? raceAbort(this.inFlight, signal) : this.inFlight;
  }

  /**
   * The owner's loop ("Fetch fleet events"): loads pages until `limit` events are loaded or
   * none are left, calling `onPage` after each. Unlike a shared load, aborting `signal` also
   * aborts the request in flight. Resolves to the first `limit` events.
   */
  async loadUntil(limit: number, options: LoadUntilOptions = {}): Promise<FleetEvent[]> {
    const { signal } = options;
    const abort = () => this.abortInFlight();
    signal?.addEventListener('abort', abort, { once: true });
    try {
      while (this.hasMore && this.loaded.length < limit) {
        throwIfAborted(signal);
        const { added } = await this.loadNextPage(signal);
        options.onPage?.({ added, total: Math.min(this.loaded.length, limit), hasMore: this.hasMore });
      }
      return this.loaded.slice(0, limit === Infinity ? undefined : limit);
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }

  /**
   * Fetches events newer than those loaded (a watcher's poll): pages from the newest on, merged
   * by EventId, stopping at the first page that holds an already-loaded event (or after
   * `maxPages`). Older pages loaded with loadNextPage and the "Load more" position are kept.
   * Resolves to the events it added. Before any page was loaded this is just loadNextPage.
   * Concurrent polls share one; `signal` only stops its caller.
   */
  loadNewest(signal?: AbortSignal, maxPages = 20): Promise<{ added: FleetEvent[] }> {
    if (signal?.aborted) return Promise.reject(abortError());
    if (!this.started) return this.loadNextPage(signal);
    if (!this.polling) {
      const poll: Promise<{ added: FleetEvent[] }> = this.fetchNewest(maxPages).finally(() => {
        if (this.polling === poll) this.polling = undefined;
      });
      poll.catch(() => undefined);
      this.polling = poll;
    }
    return signal ? raceAbort(this.polling, signal) : this.polling;
  }

  private async fetchNewest(maxPages: number): Promise<{ added: FleetEvent[] }> {
    // One at a time with Load more, so the two never merge into the list at once.
    if (this.inFlight) await this.inFlight.catch(() => undefined);
    const generation = this.generation;
    const added: FleetEvent[] = [];
    // Marked as seen only once merged: events of a poll that fails half-way stay loadable.
    const fresh = new Set<string>();
    let token: string | undefined;
    try {
      for (let page = 0; page < maxPages; page++) {
        const input: DescribeFleetEventsCommandInput = {
          FleetId: this.fleetId,
          Limit: this.pageSize,
          ...windowInput(this.windowValue),
          ...(token ? { NextToken: token } : {}),
        };
        const out = await this.client.send(new DescribeFleetEventsCommand(input), {
          abortSignal: this.requests.signal,
        });
        if (generation !== this.generation) return { added: [] };
        const fetchedAt = this.now();
        let reachedKnown = false;
        for (const raw of requireList(out.Events, 'DescribeFleetEvents', 'Events')) {
          const event = toFleetEvent(raw, fetchedAt);
          if (!event || fresh.has(event.eventId)) continue;
          if (this.seen.has(event.eventId)) {
            reachedKnown = true;
            continue;
          }
          fresh.add(event.eventId);
          added.push(event);
        }
        const next = out.NextToken || undefined;
        if (reachedKnown || next === undefined || next === token) break;
        token = next;
      }
    } catch (err) {
      // A reset aborted this poll: its window is gone, which is not an error.
      if (generation !== this.generation) return { added: [] };
      this.error = err;
      throw err;
    }
    for (const id of fresh) this.seen.add(id);
    this.loaded = mergeNewer(this.loaded, added);
    this.error = undefined;
    return { added };
  }

  /**
   * Puts a freshly fetched copy of a loaded event in its place (a renewed log link), keeping the
   * order and the Load-more position. False when the event is not loaded.
   */
  replaceEvent(fresh: FleetEvent): boolean {
    const at = this.loaded.findIndex((e) => e.eventId === fresh.eventId);
    if (at < 0) return false;
    // A new array: whoever holds the old one (grouping, a page's snapshot) sees a change.
    const next = this.loaded.slice();
    next[at] = fresh;
    this.loaded = next;
    return true;
  }

  /**
   * Aborts the SDK requests in flight (a load and a poll), whoever is waiting on them (the owner
   * cancelled): they fail with an AbortError (kept in lastError), the pager is not loading any
   * more from this moment, and the next load asks again.
   */
  abortInFlight(): void {
    this.requests.abort();
    this.requests = new AbortController();
    this.inFlight = undefined;
    this.polling = undefined;
  }

  /** Forgets everything (optionally with a new window); the next load starts from the newest events. */
  reset(window?: TimeWindow): void {
    this.abortInFlight();
    this.generation++;
    if (window) this.windowValue = window;
    this.loaded = [];
    this.seen.clear();
    this.nextToken = undefined;
    this.started = false;
    this.finished = false;
    this.error = undefined;
  }

  private async fetchPage(generation: number): Promise<{ added: FleetEvent[] }> {
    this.started = true;
    try {
      const input: DescribeFleetEventsCommandInput = {
        FleetId: this.fleetId,
        Limit: this.pageSize,
        ...windowInput(this.windowValue),
        ...(this.nextToken ? { NextToken: this.nextToken } : {}),
      };
      const out = await this.client.send(new DescribeFleetEventsCommand(input), { abortSignal: this.requests.signal });
      if (generation !== this.generation) return { added: [] };
      const fetchedAt = this.now();
      const added: FleetEvent[] = [];
      for (const raw of requireList(out.Events, 'DescribeFleetEvents', 'Events')) {
        const event = toFleetEvent(raw, fetchedAt);
        if (!event || this.seen.has(event.eventId)) continue;
        this.seen.add(event.eventId);
        added.push(event);
      }
      // The service returns newest first; merge keeps that order even if a page overlaps.
      this.loaded = mergeNewestFirst(this.loaded, added);
      const next = out.NextToken || undefined;
      // A token that comes back unchanged would page forever: treat it as the end.
      this.finished = next === undefined || next === input.NextToken;
      this.nextToken = this.finished ? undefined : next;
      this.error = undefined;
      return { added };
    } catch (err) {
      // A reset aborted this request: its callers asked for a window that is gone, not for an error.
      if (generation !== this.generation) return { added: [] };
      this.error = err;
      throw err;
    }
  }
}

export interface LoadUntilOptions {
  readonly signal?: AbortSignal;
  /** Progress: called after each page with the events it added and how many are loaded (up to the limit). */
  readonly onPage?: (page: { added: readonly FleetEvent[]; total: number; hasMore: boolean }) => void;
}

export interface FetchEventsOptions {
  /** Stop after this many events (default: all in the window). */
  readonly limit?: number;
  readonly pageSize?: number;
  readonly signal?: AbortSignal;
  /** Progress: called after each page with the events so far. */
  readonly onPage?: (page: { added: readonly FleetEvent[]; total: number; hasMore: boolean }) => void;
  readonly now?: () => number;
}

/** Fetches events page by page up to `limit` (the "Fetch fleet events" command). Newest first. */
export async function fetchEvents(
  client: GameLiftClient,
  fleetId: string,
  window: TimeWindow,
  options: FetchEventsOptions = {},
): Promise<FleetEvent[]> {
  const limit = options.limit !== undefined && options.limit > 0 ? options.limit : Infinity;
  // Don't ask for more than needed on the last page.
  const pageSize = Math.max(1, Math.min(options.pageSize ?? DEFAULT_EVENT_PAGE_SIZE, limit));
  const pager = new FleetEventPager(client, fleetId, window, pageSize, { now: options.now });
  return pager.loadUntil(limit, options);
}

/** StartTime/EndTime for a window (the SDK sends Dates as epoch seconds). */
export function windowInput(window: TimeWindow): Pick<DescribeFleetEventsCommandInput, 'StartTime' | 'EndTime'> {
  return {
    ...(window.start !== undefined ? { StartTime: new Date(window.start) } : {}),
    ...(window.end !== undefined ? { EndTime: new Date(window.end) } : {}),
  };
}

function mergeNewestFirst(existing: FleetEvent[], added: FleetEvent[]): FleetEvent[] {
  if (added.length === 0) return existing;
  const lastExisting = existing[existing.length - 1];
  const firstAdded = added[0];
  const inOrder = (a: FleetEvent[]) => a.every((e, i) => i === 0 || (a[i - 1].eventTime ?? 0) >= (e.eventTime ?? 0));
  // Usual case: the new page is older than everything loaded, so appending keeps the order.
  if ((!lastExisting || (lastExisting.eventTime ?? 0) >= (firstAdded.eventTime ?? 0)) && inOrder(added)) {
    return existing.concat(added);
  }
  // Stable sort keeps the service's order among events with the same time.
  return existing.concat(added).sort((a, b) => (b.eventTime ?? 0) - (a.eventTime ?? 0));
}

/** Newer events (from a poll) go in front; anything out of order falls back to a stable sort. */
function mergeNewer(existing: FleetEvent[], added: FleetEvent[]): FleetEvent[] {
  if (added.length === 0) return existing;
  const firstExisting = existing[0];
  const lastAdded = added[added.length - 1];
  const inOrder = added.every((e, i) => i === 0 || (added[i - 1].eventTime ?? 0) >= (e.eventTime ?? 0));
  if (inOrder && (!firstExisting || (lastAdded.eventTime ?? 0) >= (firstExisting.eventTime ?? 0)))
    return added.concat(existing);
  return mergeNewestFirst(existing, added);
}

/** The promise, or an AbortError as soon as `signal` aborts (the promise itself goes on). */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
