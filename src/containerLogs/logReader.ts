// Reads a container fleet's log for a time window, newest first, into a LogLineStore: one
// stream through GetLogEvents, several or all through FilterLogEvents (with a filter pattern for
// a search). `loadNewest` fills the document from the end of the window, `loadOlder` continues
// back ("Load older"), `poll` fetches what arrived since (follow mode: polling with
// nextForwardToken or startTime, not a stream). Each method is one owner's work: concurrent calls
// of the same method share it.
import {
  type CloudWatchLogsClient,
  type FilteredLogEvent,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  type OutputLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import { requireList, throwIfAborted } from '../gamelift/errors';
import { type LogLine, LogLineStore } from './logLines';

export interface LogQuery {
  /** The log group's name, or its ARN without the trailing `:*`. */
  readonly logGroup: string;
  /** One stream: GetLogEvents. Several or none (= all): FilterLogEvents. */
  readonly streams?: readonly string[];
  /** A CloudWatch Logs filter pattern (a search); needs FilterLogEvents. */
  readonly filterPattern?: string;
  /** The window, epoch ms; `end` open means "up to now". */
  readonly start: number;
  readonly end?: number;
}

export interface ReaderOptions {
  /** Events per request (the service's maximum is 10,000; an answer also stops at 1 MB). */
  readonly pageSize?: number;
  /** The first request of a document is smaller, so the newest lines show sooner. */
  readonly firstPageSize?: number;
}

export interface LoadResult {
  /** Lines added by this call. */
  readonly added: number;
  /** Requests this call made. */
  readonly requests: number;
}

export const MAX_PAGE_SIZE = 10_000;
export const FIRST_PAGE_SIZE = 1_000;
/** Lines one `loadNewest` or `loadOlder` adds at most before it stops (the rest stays for "Load older"). */
export const DEFAULT_LINE_BUDGET = 10_000;
/** FilterLogEvents returns the newest first only for windows starting on or after Jan 1, 2024 UTC. */
export const DESCENDING_SINCE = Date.UTC(2024, 0, 1);

export class ContainerLogReader {
  readonly lines = new LogLineStore();
  private windowStart: number;
  private olderToken: string | undefined;
  private olderDone = false;
  private started = false;
  /** GetLogEvents: the token after the newest event read. */
  private forwardToken: string | undefined;
  /** FilterLogEvents: the IDs of the events at the newest time read, so a poll from that time skips them. */
  private boundaryIds = new Set<string>();
  private boundaryTime: number | undefined;
  private readonly inFlight = new Map<string, Promise<LoadResult>>();
  private readonly pageSize: number;
  private readonly firstPageSize: number;

  constructor(
    private readonly client: CloudWatchLogsClient,
    readonly query: LogQuery,
    options: ReaderOptions = {},
  ) {
    this.windowStart = query.start;
    this.pageSize = Math.min(MAX_PAGE_SIZE, options.pageSize ?? MAX_PAGE_SIZE);
    this.firstPageSize = Math.min(this.pageSize, options.firstPageSize ?? FIRST_PAGE_SIZE);
  }

  /** The start of what the reader covers (moves back with `loadOlder({ extendByMs })`). */
  get start(): number {
    return this.windowStart;
  }

  /** True while older lines of the window are not loaded yet. */
  get hasOlder(): boolean {
    return !this.olderDone;
  }

  /**
   * `newestFirst`: the document fills from the end of the window and "Load older" goes back.
   * `oldestFirst`: a window starting before 2024 (FilterLogEvents reads those only forward) fills
   * from its start, and "Load older" reads on towards the end.
   */
  get order(): 'newestFirst' | 'oldestFirst' {
    return this.oneStream || this.windowStart >= DESCENDING_SINCE ? 'newestFirst' : 'oldestFirst';
  }

  /** One stream without a filter pattern reads with GetLogEvents (which cannot filter). */
  private get oneStream(): string | undefined {
    return this.query.streams?.length === 1 && !this.query.filterPattern ? this.query.streams[0] : undefined;
  }

  /** The newest lines of the window, up to `maxLines`; `onPage` sees each page as it arrives. */
  loadNewest(
    options: { signal?: AbortSignal; maxLines?: number; onPage?: (added: number) => void } = {},
  ): Promise<LoadResult> {
    if (this.started) return Promise.resolve({ added: 0, requests: 0 });
    return this.shared('older', async () => {
      this.started = true;
      return this.readOlder(options.maxLines ?? DEFAULT_LINE_BUDGET, options.signal, options.onPage);
    });
  }

  /**
   * The next older lines, up to `maxLines`. When the window is exhausted and `extendByMs` is
   * given, the window first moves back by that much (a time range before the one opened).
   */
  loadOlder(
    options: { signal?: AbortSignal; maxLines?: number; extendByMs?: number; onPage?: (added: number) => void } = {},
  ): Promise<LoadResult> {
    return this.shared('older', async () => {
      if (!this.started) {
        this.started = true;
      } else if (this.olderDone) {
        if (!options.extendByMs) return { added: 0, requests: 0 };
        // The new part of the window ends where the old one started.
        this.queryEndOverride = this.windowStart - 1;
        this.windowStart -= options.extendByMs;
        this.olderToken = undefined;
        this.olderDone = false;
        this.rangeStarted = false;
      }
      return this.readOlder(options.maxLines ?? DEFAULT_LINE_BUDGET, options.signal, options.onPage);
    });
  }

  /** Lines that arrived after the newest one loaded (follow mode); reads until the service has no more. */
  poll(options: { signal?: AbortSignal; maxLines?: number } = {}): Promise<LoadResult> {
    return this.shared('newer', () => this.readNewer(options.maxLines ?? DEFAULT_LINE_BUDGET, options.signal));
  }

  // ---------- older ----------

  /** The end of the range `loadOlder` reads (after an extension: just before the previous start). */
  private queryEndOverride: number | undefined;
  /** Whether the current range had its first request (the token then says where to go on). */
  private rangeStarted = false;

  private async readOlder(
    budget: number,
    signal: AbortSignal | undefined,
    onPage: ((added: number) => void) | undefined,
  ): Promise<LoadResult> {
    let added = 0;
    let requests = 0;
    while (!this.olderDone && added < budget) {
      throwIfAborted(signal);
      const size = this.lines.size === 0 && requests === 0 ? this.firstPageSize : this.pageSize;
      const page = this.oneStream
        ? await this.olderStreamPage(Math.min(size, budget - added), signal)
        : await this.olderFilterPage(Math.min(size, budget - added), signal);
      requests++;
      if (page.length) {
        if (this.order === 'newestFirst') this.lines.prepend(page);
        else this.lines.append(page);
        added += page.length;
        onPage?.(page.length);
      }
    }
    return { added, requests };
  }

  private async olderStreamPage(limit: number, signal: AbortSignal | undefined): Promise<LogLine[]> {
    const stream = this.oneStream!;
    const sent = this.olderToken;
    const out = await this.client.send(
      new GetLogEventsCommand({
        ...groupInput(this.query.logGroup),
        logStreamName: stream,
        startTime: this.windowStart,
        ...this.endInput(true),
        limit,
        startFromHead: false,
        ...(sent ? { nextToken: sent } : {}),
      }),
      { abortSignal: signal },
    );
    const events = requireList(out.events, 'GetLogEvents', 'events');
    if (!this.rangeStarted) {
      this.rangeStarted = true;
      // Follow mode goes on from the newest page the document was opened with.
      if (this.forwardToken === undefined) this.forwardToken = out.nextForwardToken;
    }
    // At the start of the stream the service returns the token it was given.
    this.olderDone = events.length === 0 || !out.nextBackwardToken || out.nextBackwardToken === sent;
    this.olderToken = out.nextBackwardToken;
    return events.flatMap((e) => streamLine(e, stream));
  }

  /** A page of FilterLogEvents, oldest first (newest first from the service when descending). */
  private async olderFilterPage(limit: number, signal: AbortSignal | undefined): Promise<LogLine[]> {
    const descending = this.order === 'newestFirst';
    const out = await this.client.send(
      new FilterLogEventsCommand({
        ...groupInput(this.query.logGroup),
        ...streamsInput(this.query.streams),
        ...(this.query.filterPattern ? { filterPattern: this.query.filterPattern } : {}),
        startTime: this.windowStart,
        ...this.endInput(false),
        limit,
        ...(descending ? { startFromHead: false } : {}),
        ...(this.olderToken ? { nextToken: this.olderToken } : {}),
      }),
      { abortSignal: signal },
    );
    const events = requireList(out.events, 'FilterLogEvents', 'events');
    // Where a poll starts: the newest events of the first page, or (reading forward) of every page.
    if (!this.rangeStarted || !descending) this.noteNewest(descending ? events[0] : events[events.length - 1], events);
    this.rangeStarted = true;
    this.olderToken = out.nextToken;
    this.olderDone = !out.nextToken;
    const lines = events.flatMap(filteredLine);
    if (descending) lines.reverse();
    return lines;
  }

  private noteNewest(newest: FilteredLogEvent | undefined, page: readonly FilteredLogEvent[]): void {
    if (newest?.timestamp === undefined) return;
    if (this.boundaryTime !== undefined && newest.timestamp < this.boundaryTime) return;
    this.boundaryTime = newest.timestamp;
    this.boundaryIds = new Set(
      page.filter((e) => e.timestamp === newest.timestamp && e.eventId).map((e) => e.eventId!),
    );
  }

  private endInput(exclusive: boolean): { endTime?: number } {
    const end = this.queryEndOverride ?? this.query.end;
    if (end === undefined) return {};
    // GetLogEvents' endTime is exclusive, FilterLogEvents' inclusive: both mean "up to and including end".
    return { endTime: exclusive ? end + 1 : end };
  }

  // ---------- newer ----------

  private async readNewer(budget: number, signal: AbortSignal | undefined): Promise<LoadResult> {
    if (this.query.end !== undefined) return { added: 0, requests: 0 };
    return this.oneStream ? this.newerFromStream(budget, signal) : this.newerFromFilter(budget, signal);
  }

  private async newerFromStream(budget: number, signal: AbortSignal | undefined): Promise<LoadResult> {
    const stream = this.oneStream!;
    let added = 0;
    let requests = 0;
    while (added < budget) {
      throwIfAborted(signal);
      const sent = this.forwardToken;
      const out = await this.client.send(
        new GetLogEventsCommand({
          ...groupInput(this.query.logGroup),
          logStreamName: stream,
          limit: Math.min(this.pageSize, budget - added),
          ...(sent
            ? { nextToken: sent }
            : { startTime: this.lines.newestTime ?? this.windowStart, startFromHead: true }),
        }),
        { abortSignal: signal },
      );
      requests++;
      const lines = requireList(out.events, 'GetLogEvents', 'events').flatMap((e) => streamLine(e, stream));
      this.forwardToken = out.nextForwardToken ?? sent;
      this.lines.append(lines);
      added += lines.length;
      // The same token back means nothing more for now.
      if (lines.length === 0 || out.nextForwardToken === sent) break;
    }
    return { added, requests };
  }

  private async newerFromFilter(budget: number, signal: AbortSignal | undefined): Promise<LoadResult> {
    const from = this.boundaryTime ?? this.lines.newestTime ?? this.windowStart;
    let token: string | undefined;
    let requests = 0;
    const fresh: LogLine[] = [];
    let newestTime = this.boundaryTime;
    let newestIds = new Set(this.boundaryIds);
    do {
      throwIfAborted(signal);
      const out = await this.client.send(
        new FilterLogEventsCommand({
          ...groupInput(this.query.logGroup),
          ...streamsInput(this.query.streams),
          ...(this.query.filterPattern ? { filterPattern: this.query.filterPattern } : {}),
          // From the newest time already shown (inclusive): events of that same millisecond may have arrived since.
          startTime: from,
          limit: this.pageSize,
          ...(token ? { nextToken: token } : {}),
        }),
        { abortSignal: signal },
      );
      requests++;
      for (const e of requireList(out.events, 'FilterLogEvents', 'events')) {
        if (e.timestamp === this.boundaryTime && e.eventId && this.boundaryIds.has(e.eventId)) continue;
        const line = filteredLine(e)[0];
        if (!line) continue;
        fresh.push(line);
        if (newestTime === undefined || line.time > newestTime) {
          newestTime = line.time;
          newestIds = new Set();
        }
        if (line.time === newestTime && e.eventId) newestIds.add(e.eventId);
      }
      token = out.nextToken;
    } while (token && fresh.length < budget);
    this.lines.append(fresh);
    this.boundaryTime = newestTime;
    this.boundaryIds = newestIds;
    return { added: fresh.length, requests };
  }

  private shared(key: 'older' | 'newer', work: () => Promise<LoadResult>): Promise<LoadResult> {
    let running = this.inFlight.get(key);
    if (!running) {
      running = work().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, running);
    }
    return running;
  }
}

/** `logGroupIdentifier` for an ARN (without `:*`), `logGroupName` for a name. */
export function groupInput(logGroup: string): { logGroupName: string } | { logGroupIdentifier: string } {
  const group = logGroup.trim();
  return group.startsWith('arn:') ? { logGroupIdentifier: group.replace(/:\*$/, '') } : { logGroupName: group };
}

function streamsInput(streams: readonly string[] | undefined): { logStreamNames?: string[] } {
  return streams?.length ? { logStreamNames: [...streams] } : {};
}

function streamLine(e: OutputLogEvent, stream: string): LogLine[] {
  return e.timestamp === undefined ? [] : [{ time: e.timestamp, stream, message: e.message ?? '' }];
}

function filteredLine(e: FilteredLogEvent): LogLine[] {
  return e.timestamp === undefined
    ? []
    : [{ time: e.timestamp, stream: e.logStreamName ?? '', message: e.message ?? '' }];
}
