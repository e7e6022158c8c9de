// CloudTrail's event history of one account and Region through LookupEvents, for the GameLift
// calls of a time window: pages of 50 (the API's maximum) through the SDK's paginator, each page
// waiting for the shared rate limiter (2 calls per second per account and Region), pages kept per
// window so the Changes of every fleet in a Region come from the same calls. VS Code-free.
import {
  paginateLookupEvents,
  type CloudTrailClient,
  type Event,
  type LookupEventsCommandInput,
  type LookupEventsCommandOutput,
} from '@aws-sdk/client-cloudtrail';
import { abortError, requireList } from '../../gamelift/errors';
import { raceAbort } from '../../gamelift/eventPager';
import { summarizeRecord } from '../summarize';
import type { RecordSummary } from '../types';
import type { RateLimiter } from './rateLimiter';

/** LookupEvents' maximum page size. */
export const LOOKUP_PAGE_SIZE = 50;
/**
 * LookupEvents looks back 90 days. Written as a literal: esbuild keeps a computed constant in every
 * bundle that imports this module's folder, even unused, and deps.ts (in dist/extension.js) does.
 */
export const LOOKUP_HISTORY_MS = 7_776_000_000;
export const GAMELIFT_EVENT_SOURCE = 'gamelift.amazonaws.com';

/** One event from LookupEvents, with its record parsed and summarised. */
export interface LookupRecord {
  readonly eventId: string;
  /** The record as CloudTrail returned it (`CloudTrailEvent`), for opening as a document. */
  readonly text: string;
  readonly record: Record<string, unknown>;
  readonly summary: RecordSummary;
}

/** A time window in epoch ms (both ends included, as LookupEvents reads them). */
export interface LookupWindowRange {
  readonly start: number;
  readonly end: number;
}

/** The last 90 days up to `now`, the end rounded up to the minute so windows asked within a minute are one. */
export function recentWindow(now: number, spanMs = LOOKUP_HISTORY_MS): LookupWindowRange {
  const end = Math.ceil(now / 60_000) * 60_000;
  return { start: end - spanMs, end };
}

export interface LookupHistoryOptions {
  /** Shared by every LookupHistory of the extension. */
  readonly limiter: RateLimiter;
  /** The rate-limit key: account (or, until it is known, profile) and Region, e.g. `111122223333/us-west-2`. */
  readonly limiterKey: string;
  /** Default gamelift.amazonaws.com; the single lookup attribute of every call. */
  readonly eventSource?: string;
  /** Windows kept (least recently used dropped first); default 4. */
  readonly maxWindows?: number;
}

/** One account and Region: windows of GameLift events, each paged once and kept. */
export class LookupHistory {
  private readonly windows = new Map<string, LookupWindow>();

  constructor(
    private readonly client: CloudTrailClient,
    private readonly options: LookupHistoryOptions,
  ) {}

  /** The window for a range: the same object (with its pages) for the same range. */
  window(range: LookupWindowRange): LookupWindow {
    const key = `${range.start}/${range.end}`;
    let w = this.windows.get(key);
    if (w) this.windows.delete(key);
    else w = new LookupWindow(this.client, range, this.options);
    this.windows.set(key, w);
    while (this.windows.size > (this.options.maxWindows ?? 4)) {
      const [oldestKey, oldest] = this.windows.entries().next().value as [string, LookupWindow];
      oldest.abortInFlight();
      this.windows.delete(oldestKey);
    }
    return w;
  }
}

/**
 * The events of one window, newest first, loaded a page at a time. Concurrent loads share the
 * page in flight; a caller's signal stops only that caller; `abortInFlight()` stops the request.
 */
export class LookupWindow {
  private loaded: LookupRecord[] = [];
  private readonly seen = new Set<string>();
  private pages: AsyncGenerator<LookupEventsCommandOutput, undefined> | undefined;
  private nextToken: string | undefined;
  private finished = false;
  private inFlight: Promise<readonly LookupRecord[]> | undefined;
  private requests = new AbortController();
  private calls = 0;
  /** The exact parameters of every call of this window (NextToken is only valid with identical ones). */
  private readonly input: LookupEventsCommandInput;

  constructor(
    private readonly client: CloudTrailClient,
    readonly range: LookupWindowRange,
    private readonly options: LookupHistoryOptions,
  ) {
    this.input = {
      LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: options.eventSource ?? GAMELIFT_EVENT_SOURCE }],
      StartTime: new Date(range.start),
      EndTime: new Date(range.end),
      MaxResults: LOOKUP_PAGE_SIZE,
    };
  }

  /** Events loaded so far, newest first, each EventId once. */
  get events(): readonly LookupRecord[] {
    return this.loaded;
  }

  /** True once LookupEvents said there is nothing more in the window. */
  get complete(): boolean {
    return this.finished;
  }

  /** LookupEvents calls made for this window. */
  get callCount(): number {
    return this.calls;
  }

  /** Loads the next page (one LookupEvents call, after the rate limiter lets it start); returns the events it added. */
  loadNextPage(signal?: AbortSignal): Promise<readonly LookupRecord[]> {
    if (signal?.aborted) return Promise.reject(abortError());
    if (this.finished) return Promise.resolve([]);
    if (!this.inFlight) {
      this.inFlight = this.fetchPage().finally(() => {
        this.inFlight = undefined;
      });
      this.inFlight.catch(() => undefined);
    }
    return signal ? raceAbort(this.inFlight, signal) : this.inFlight;
  }

  /** Loads pages until `enough(events)` holds, the window is complete, or `maxPages` more were loaded. */
  async loadUntil(
    enough: (events: readonly LookupRecord[]) => boolean,
    options: { signal?: AbortSignal; maxPages?: number } = {},
  ): Promise<void> {
    for (let page = 0; page < (options.maxPages ?? Number.POSITIVE_INFINITY); page++) {
      if (this.finished || enough(this.loaded)) return;
      await this.loadNextPage(options.signal);
    }
  }

  /** Aborts the call in flight (whoever waits on it gets an AbortError); the next load asks again. */
  abortInFlight(): void {
    this.requests.abort();
    this.requests = new AbortController();
    this.pages = undefined;
  }

  private async fetchPage(): Promise<readonly LookupRecord[]> {
    const signal = this.requests.signal;
    // One paginator per run of pages: it sends the identical input with each NextToken. After a
    // failure or an abort it is gone, and the next one starts from the last token received.
    const pages = (this.pages ??= paginateLookupEvents(
      { client: this.client, pageSize: LOOKUP_PAGE_SIZE, ...(this.nextToken ? { startingToken: this.nextToken } : {}) },
      { ...this.input },
      { abortSignal: signal },
    ));
    let step: IteratorResult<LookupEventsCommandOutput, undefined>;
    try {
      // Each next() is one LookupEvents call; the shared limiter decides when it may start.
      step = await this.options.limiter.run(
        this.options.limiterKey,
        () => {
          this.calls++;
          return pages.next();
        },
        signal,
      );
    } catch (err) {
      if (this.pages === pages) this.pages = undefined;
      // A token the service no longer takes: read the window again from the start (known events are skipped).
      if ((err as Error).name === 'InvalidNextTokenException') this.nextToken = undefined;
      throw err;
    }
    if (step.done) {
      this.finished = true;
      return [];
    }
    const out = step.value;
    const added: LookupRecord[] = [];
    for (const event of requireList(out.Events, 'LookupEvents', 'Events')) {
      const record = toLookupRecord(event);
      if (!record || this.seen.has(record.eventId)) continue;
      this.seen.add(record.eventId);
      added.push(record);
    }
    this.loaded = this.loaded.concat(added);
    const next = out.NextToken || undefined;
    this.finished = next === undefined || next === this.nextToken;
    this.nextToken = next;
    if (this.finished) this.pages = undefined;
    return added;
  }
}

/** An SDK Event → LookupRecord; undefined when CloudTrailEvent is missing or not a JSON object. */
export function toLookupRecord(event: Event): LookupRecord | undefined {
  const text = event.CloudTrailEvent;
  if (typeof text !== 'string') return undefined;
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const r = record as Record<string, unknown>;
  const eventId = event.EventId ?? (typeof r.eventID === 'string' ? r.eventID : undefined);
  if (!eventId) return undefined;
  return { eventId, text, record: r, summary: summarizeRecord(r) };
}
