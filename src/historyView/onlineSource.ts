// A connection's CloudTrail event history (LookupEvents, GameLift calls of the last 90 days) as a
// history source: read ten pages at a time from the connection's shared window (the one rate
// limiter spaces the calls), each page indexed with the same queries as a folder; "Load more"
// reads further back. Open record shows the record as a read-only CloudTrail document.
import * as vscode from 'vscode';
import { isCancellation } from '../gamelift/errors';
import { redactSecrets } from '../gamelift/redact';
import type { ConnectionTarget } from '../gamelift/types';
import {
  classifyLookupError,
  indexOfSummaries,
  recentWindow,
  type FileFailure,
  type HistoryIndex,
  type LookupHistories,
  type LookupRecord,
  type LookupWindow,
} from '../history';
import type { HistorySource } from './historySource';
import type { SourceView } from './protocol';
import type { RecordDocuments } from './recordDocuments';

/** LookupEvents pages read per batch (50 events each; about five seconds at 2 calls per second). */
export const PAGES_PER_BATCH = 10;

export interface OnlineSourceOptions {
  readonly lookups: LookupHistories;
  readonly records: RecordDocuments;
  readonly log: vscode.LogOutputChannel;
  readonly now: () => number;
}

export class OnlineSource implements HistorySource {
  private window: LookupWindow | undefined;
  private current: HistoryIndex | undefined;
  /** The events each index handed out was built from (its offsets point into that list). */
  private readonly eventsOf = new WeakMap<HistoryIndex, readonly LookupRecord[]>();
  private loading = false;
  private error: string | undefined;
  private abort = new AbortController();
  private readonly changed = new vscode.EventEmitter<boolean>();
  readonly onDidChange = this.changed.event;

  constructor(
    readonly target: ConnectionTarget,
    private readonly options: OnlineSourceOptions,
  ) {}

  get spec(): { kind: 'online'; target: ConnectionTarget } {
    return { kind: 'online', target: this.target };
  }

  get index(): HistoryIndex | undefined {
    return this.current;
  }

  view(): SourceView {
    const where = `${this.target.profile ?? 'default credentials'} · ${this.target.region}`;
    const events = this.window?.events ?? [];
    const oldest = events.length > 0 ? events[events.length - 1].summary.time : Number.NaN;
    return {
      kind: 'online',
      label: `LookupEvents · ${where}`,
      detail: `GameLift calls of the last 90 days in ${where}`,
      loading: this.loading,
      records: events.length,
      filesDone: this.window?.callCount ?? 0,
      failures: 0,
      unread: 0,
      more: this.window !== undefined && !this.window.complete,
      ...(Number.isFinite(oldest) ? { oldest } : {}),
      ...(this.error ? { error: this.error } : {}),
    };
  }

  failures(): readonly FileFailure[] {
    return [];
  }

  bucketGuess(): undefined {
    return undefined;
  }

  start(): void {
    // A new window each start: Retry and a restored panel read what CloudTrail holds now.
    this.window = this.options.lookups.history(this.target).window(recentWindow(this.options.now()));
    this.reindex();
    this.loadMore();
  }

  loadMore(): void {
    const window = this.window;
    if (!window || this.loading || window.complete) return;
    this.loading = true;
    this.error = undefined;
    const signal = this.abort.signal;
    this.changed.fire(false);
    void (async () => {
      try {
        for (let page = 0; page < PAGES_PER_BATCH && !window.complete; page++) {
          await window.loadNextPage(signal);
          this.reindex();
          this.changed.fire(true);
        }
      } catch (err) {
        if (!isCancellation(err) && !signal.aborted) {
          const { profile, region } = this.target;
          const error = classifyLookupError(err, { ...(profile ? { profile } : {}), region });
          this.error = error.message;
          this.options.log.error(redactSecrets(`CloudTrail history: ${error.message}`));
        }
      } finally {
        this.loading = false;
        if (!signal.aborted) this.changed.fire(false);
      }
    })();
  }

  private reindex(): void {
    const events = this.window?.events ?? [];
    if (this.current && this.eventsOf.get(this.current) === events) return;
    this.current = indexOfSummaries(events.map((e) => e.summary));
    this.eventsOf.set(this.current, events);
  }

  cancel(): void {
    this.abort.abort();
    this.abort = new AbortController();
  }

  async open(index: HistoryIndex, record: number): Promise<void> {
    const event = this.eventsOf.get(index)?.[index.offset[record]];
    if (!event) throw new Error('That record is no longer loaded; open it again.');
    await this.options.records.open({
      eventId: event.eventId,
      eventName: event.summary.eventName,
      time: event.summary.time,
      text: event.text,
    });
  }

  dispose(): void {
    this.abort.abort();
    this.changed.dispose();
  }
}
