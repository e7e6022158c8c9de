// One open container log document: its reader (the lines loaded so far), the text the editor
// shows (a header line, then the lines oldest first) and the loads that change it — the newest
// lines, "Load older", follow-mode polls. A failed load keeps the lines already shown and puts its
// error in the header. No vscode: the provider turns `changed` into a document update.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { formatTime, renderLogText, StreamLabels } from '../containerLogs/formatLogLine';
import { ContainerLogReader, type LoadResult, type LogQuery } from '../containerLogs/logReader';
import { classifyLogsError, LOGS_PERMISSIONS } from '../containerLogs/logsErrors';
import { isCancellation, type ClassifiedError, type ErrorContext } from '../gamelift/errors';

export interface LogDocumentSpec {
  /** What the header says the document is ("all streams of /aws/gamelift/…", "matches of "ERROR" in …"). */
  readonly title: string;
  readonly query: LogQuery;
  readonly timeZone: 'utc' | 'local';
  /** Profile and Region for error messages. */
  readonly errorContext: Pick<ErrorContext, 'profile' | 'region'>;
}

/** How far "Load older" reaches back once the window is read to its start. */
export const EXTEND_BY_MS = 3_600_000;

export class LogDocument {
  readonly reader: ContainerLogReader;
  private readonly labels = new StreamLabels();
  private text = '';
  private lastError: ClassifiedError | undefined;
  private readonly abort = new AbortController();
  following = false;

  constructor(
    readonly client: CloudWatchLogsClient,
    readonly spec: LogDocumentSpec,
    private readonly changed: () => void,
  ) {
    this.reader = new ContainerLogReader(client, spec.query);
  }

  /** The document's text: the header, then the lines. */
  get content(): string {
    return `${this.header()}\n${this.text}`;
  }

  get error(): ClassifiedError | undefined {
    return this.lastError;
  }

  /** A window with an open end can be followed. */
  get followable(): boolean {
    return this.spec.query.end === undefined;
  }

  private get permission() {
    const q = this.spec.query;
    return q.streams?.length === 1 && !q.filterPattern ? LOGS_PERMISSIONS.readStream : LOGS_PERMISSIONS.readGroup;
  }

  private header(): string {
    const formatWhen = (time: number) => formatTime(time, this.spec.timeZone);
    const store = this.reader.lines;
    const range =
      store.oldestTime === undefined
        ? 'no lines'
        : `${store.size.toLocaleString('en-US')} line${store.size === 1 ? '' : 's'}, ${formatWhen(store.oldestTime)} – ${formatWhen(store.newestTime ?? store.oldestTime)}`;
    const older = this.reader.hasOlder ? 'older lines: Load older' : `from ${formatWhen(this.reader.start)}`;
    const parts = [`# ${this.spec.title}`, range, older, this.following ? 'following' : ''];
    const error = this.lastError ? `\n# ${this.lastError.message}` : '';
    return parts.filter((p) => p).join(' · ') + error;
  }

  loadNewest(): Promise<LoadResult | undefined> {
    return this.run('reading', (signal) => this.reader.loadNewest({ signal }));
  }

  /** Older lines of the window, or, once it is read to its start, the hour before it. */
  loadOlder(): Promise<LoadResult | undefined> {
    return this.run('reading older lines of', (signal) => this.reader.loadOlder({ signal, extendByMs: EXTEND_BY_MS }));
  }

  /** New lines since the newest one (follow mode). Loads report failures in `error`, never throw. */
  poll(): Promise<LoadResult | undefined> {
    return this.run('following', (signal) => this.reader.poll({ signal }), true);
  }

  private async run(
    action: string,
    load: (signal: AbortSignal) => Promise<LoadResult>,
    quietIfNothingNew = false,
  ): Promise<LoadResult | undefined> {
    try {
      const result = await load(this.abort.signal);
      const hadError = this.lastError !== undefined;
      this.lastError = undefined;
      // A follow tick with nothing new leaves a large document alone.
      if (!quietIfNothingNew || result.added > 0 || hadError) await this.render();
      return result;
    } catch (err) {
      if (isCancellation(err) || this.abort.signal.aborted) return undefined;
      this.lastError = classifyLogsError(err, this.permission, {
        ...this.spec.errorContext,
        action: `${capitalise(action)} ${this.spec.title}`,
      });
      // What arrived before the failure stays in the document; the header says what failed.
      await this.render();
      return undefined;
    }
  }

  private async render(): Promise<void> {
    this.text = await renderLogText(this.reader.lines, this.labels, {
      timeZone: this.spec.timeZone,
      showStream: this.spec.query.streams?.length !== 1,
      signal: this.abort.signal,
    });
    this.changed();
  }

  dispose(): void {
    this.abort.abort();
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
