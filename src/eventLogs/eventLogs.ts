// An event's log, downloaded in the extension host and shown in the editor: through the URL
// policy only, with the size cap of `gamelift.logs.maxSizeMB`, a timeout and cancellable
// progress; an expired link (by its own date, or S3's 403) is renewed once without asking, and
// the fresh copy of the event replaces the old one among the explorer's loaded events. Logs are
// kept for the window's life (one download per event); the URL is never logged or shown.
import * as vscode from 'vscode';
import type { AwsDeps } from '../deps';
import type { ExplorerApi } from '../explorer/api';
import { classifyError, errorLogLine, isCancellation } from '../gamelift/errors';
import { refetchEvent } from '../gamelift/eventLookup';
import { isLogUrlExpired } from '../gamelift/logUrl';
import { raceAbort } from '../gamelift/eventPager';
import { refKey, type FleetEvent, type FleetRef } from '../gamelift/types';
import { checkExternalUrl } from '../gamelift/urlPolicy';
import type { LogFile } from '../logs/decode';
import { fetchEventLog } from '../logs/fetchEventLog';
import { formatSize } from '../logs/size';
import { eventLogTitle } from './logTitle';
import { openExternalExactly } from './openExternal';

export interface EventLogsDeps extends AwsDeps {
  readonly explorer: ExplorerApi;
}

export type EventLogFetch =
  | { readonly kind: 'ok'; readonly files: readonly LogFile[] }
  | { readonly kind: 'problem'; readonly message: string; readonly tooLarge?: boolean };

export interface OpenLogOptions {
  /** The file inside a zip log (else one file opens, or the user picks). */
  readonly file?: string;
  /** 1-based line to reveal. */
  readonly line?: number;
  readonly viewColumn?: vscode.ViewColumn;
}

/** Decoded logs kept for the window, by total text length (oldest dropped beyond it). */
const CACHE_CHARS = 512 * 1024 * 1024;

interface Job {
  readonly promise: Promise<EventLogFetch>;
  readonly controller: AbortController;
  waiters: number;
}

export class EventLogs {
  private readonly cache = new Map<string, readonly LogFile[]>();
  private cachedChars = 0;
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly deps: EventLogsDeps) {}

  /** The event's log files: from the cache, or downloaded (joining a download under way). */
  async fetch(ref: FleetRef, event: FleetEvent, signal?: AbortSignal): Promise<EventLogFetch> {
    const key = `${refKey(ref)}|${event.eventId}`;
    const hit = this.cache.get(key);
    if (hit) return { kind: 'ok', files: hit };
    let job = this.jobs.get(key);
    if (!job) {
      const controller = new AbortController();
      const promise = this.download(ref, event, controller.signal).then((result) => {
        if (result.kind === 'ok') this.keep(key, result.files);
        return result;
      });
      promise.catch(() => undefined).finally(() => this.jobs.delete(key));
      job = { promise, controller, waiters: 0 };
      this.jobs.set(key, job);
    }
    job.waiters++;
    try {
      return await (signal ? raceAbort(job.promise, signal) : job.promise);
    } finally {
      // The download stops when the last one waiting for it gave up.
      if (--job.waiters === 0 && signal?.aborted) job.controller.abort();
    }
  }

  /** Whether the event's log is downloaded already (opening it costs no call). */
  isCached(ref: FleetRef, eventId: string): boolean {
    return this.cache.has(`${refKey(ref)}|${eventId}`);
  }

  /** Opens the event's log in the editor (a pick when a zip holds several files). */
  async open(ref: FleetRef, event: FleetEvent, options: OpenLogOptions = {}): Promise<vscode.TextEditor[]> {
    const result = this.isCached(ref, event.eventId)
      ? await this.fetch(ref, event)
      : await vscode.window.withProgress(
          {
            location: vscode.ProgressLocation.Notification,
            title: `GameLift: downloading the log of ${event.eventCode}`,
            cancellable: true,
          },
          async (_progress, token) => {
            const controller = new AbortController();
            const sub = token.onCancellationRequested(() => controller.abort());
            try {
              return await this.fetch(ref, event, controller.signal);
            } catch (err) {
              if (isCancellation(err)) return undefined;
              throw err;
            } finally {
              sub.dispose();
            }
          },
        );
    if (!result) return [];
    if (result.kind === 'problem') {
      const actions = result.tooLarge ? ['Open in Browser', 'Open Setting'] : ['Open in Browser'];
      void vscode.window.showWarningMessage(result.message, ...actions).then((choice) => {
        if (choice === 'Open in Browser') void this.openInBrowser(ref, event);
        else if (choice === 'Open Setting')
          void vscode.commands.executeCommand('workbench.action.openSettings', 'gamelift.logs.maxSizeMB');
      });
      return [];
    }
    const files = await this.choose(result.files, options.file);
    const fleet = this.deps.explorer.getFleet(ref)?.name || ref.fleetId;
    const editors: vscode.TextEditor[] = [];
    for (const file of files) {
      const index = result.files.indexOf(file);
      editors.push(
        await this.deps.logDocuments.open({
          key: `${ref.fleetId}/${event.eventId}/${index}`,
          title: eventLogTitle(fleet, event, { name: file.name, of: result.files.length }),
          text: file.text,
          line: files.length === 1 ? options.line : undefined,
          viewColumn: options.viewColumn,
        }),
      );
    }
    return editors;
  }

  /** Opens the log link in the browser (renewing an expired one first, without asking). */
  async openInBrowser(ref: FleetRef, event: FleetEvent): Promise<boolean> {
    try {
      let latest = this.deps.explorer.findEvent(ref, event.eventId) ?? event;
      if (!latest.preSignedLogUrl || isLogUrlExpired(latest, this.deps.clock.now()))
        latest = (await this.renew(ref, latest)) ?? latest;
      if (!latest.preSignedLogUrl) {
        void vscode.window.showWarningMessage('GameLift returned this event without a log link.');
        return false;
      }
      const verdict = checkExternalUrl(latest.preSignedLogUrl, 'log', { customEndpoints: this.endpoints(ref) });
      if (!verdict.allowed) {
        this.deps.log.warn(`Event log: refused the log link of event ${event.eventId}: ${verdict.reason}.`);
        void vscode.window.showWarningMessage(`The log link was not opened: ${verdict.reason}.`);
        return false;
      }
      const opened = await openExternalExactly(verdict.url.href);
      this.deps.log.info(
        `Event log: ${opened ? 'opened' : 'did not open'} the log of event ${event.eventId} in the browser.`,
      );
      return opened;
    } catch (err) {
      this.report(err, ref, 'Getting a fresh log link');
      return false;
    }
  }

  /** A fresh copy of the event (new log link), put in place of the old among the loaded events. */
  async renew(ref: FleetRef, event: FleetEvent, signal?: AbortSignal): Promise<FleetEvent | undefined> {
    const client = this.deps.clients.clientFor('gamelift', ref.target);
    const fresh = await refetchEvent(client, ref.fleetId, event, { signal, now: () => this.deps.clock.now() });
    if (fresh) {
      this.deps.explorer.replaceEvent(ref, fresh);
      this.deps.log.info(`Event log: got a fresh log link for event ${fresh.eventId}.`);
    }
    return fresh;
  }

  private endpoints(ref: FleetRef): (string | undefined)[] {
    const endpoint = this.deps.settings.get('endpoint');
    return [typeof endpoint === 'string' ? endpoint : undefined, ref.target.endpoint];
  }

  private async download(ref: FleetRef, event: FleetEvent, signal: AbortSignal): Promise<EventLogFetch> {
    const latest = this.deps.explorer.findEvent(ref, event.eventId) ?? event;
    const maxBytes = this.deps.settings.get('logs.maxSizeMB') * 1024 * 1024;
    const refresh = async (s?: AbortSignal) => (await this.renew(ref, latest, s))?.preSignedLogUrl;
    try {
      const url = latest.preSignedLogUrl ?? (await refresh(signal));
      if (!url) return { kind: 'problem', message: 'GameLift returned this event without a log link.' };
      const result = await fetchEventLog(url, {
        name: `${event.eventId}.log`,
        refresh,
        maxBytes,
        allowedEndpoints: this.endpoints(ref),
        signal,
        now: () => this.deps.clock.now(),
      });
      const renewed = 'renewedUrl' in result && result.renewedUrl ? ' (after renewing its expired link)' : '';
      if (result.kind === 'ok') {
        const size = result.files.reduce((n, f) => n + f.text.length, 0);
        this.deps.log.info(
          `Event log: downloaded the log of event ${event.eventId}${renewed}: ${result.files.length} file(s), ${formatSize(size)} of text.`,
        );
        return { kind: 'ok', files: result.files };
      }
      this.deps.log.warn(`Event log: the log of event ${event.eventId} was not opened${renewed}: ${result.message}`);
      if (result.kind === 'tooLarge')
        return {
          kind: 'problem',
          tooLarge: true,
          message: `${result.message} Raise "gamelift.logs.maxSizeMB" to open it here, or open it in the browser.`,
        };
      return { kind: 'problem', message: result.message };
    } catch (err) {
      if (isCancellation(err)) throw err;
      const classified = this.report(err, ref, 'Getting a fresh log link', false);
      return { kind: 'problem', message: classified.message };
    }
  }

  private report(err: unknown, ref: FleetRef, action: string, show = true) {
    const classified = classifyError(err, {
      action,
      fleetId: ref.fleetId,
      region: ref.target.region,
      profile: ref.target.profile,
    });
    this.deps.log.error(errorLogLine(classified));
    if (show) void vscode.window.showErrorMessage(classified.message);
    return classified;
  }

  private keep(key: string, files: readonly LogFile[]): void {
    this.cache.set(key, files);
    this.cachedChars += files.reduce((n, f) => n + f.text.length, 0);
    for (const [oldKey, old] of this.cache) {
      if (this.cachedChars <= CACHE_CHARS || oldKey === key) break;
      this.cache.delete(oldKey);
      this.cachedChars -= old.reduce((n, f) => n + f.text.length, 0);
    }
  }

  private async choose(files: readonly LogFile[], wanted?: string): Promise<readonly LogFile[]> {
    const named = wanted !== undefined ? files.find((f) => f.name === wanted) : undefined;
    if (named) return [named];
    if (files.length <= 1) return files;
    const items = [
      { label: `$(files) Open all ${files.length} files`, files },
      ...files.map((f) => ({ label: f.name, description: formatSize(f.text.length), files: [f] })),
    ];
    const picked = await vscode.window.showQuickPick(items, {
      title: 'GameLift: this log holds several files',
      placeHolder: 'Pick the file to open',
    });
    return picked?.files ?? [];
  }
}
