// One CloudTrail history panel: its source (a folder or LookupEvents), the page's filters as a
// query over the source's index, and windows of rows for the virtual table. A query runs when the
// page asks and again whenever the index is replaced (first matches while a folder is still read);
// each answer has a number, and the page names rows and records by it, so a click on a row of an
// older answer never opens another record.
import * as vscode from 'vscode';
import {
  AthenaInputError,
  athenaCreateTable,
  athenaSelect,
  runQuery,
  type HistoryIndex,
  type QueryResult,
} from '../history';
import { SecurePanel, type PageSpec } from '../panel/securePanel';
import type { HistorySource } from './historySource';
import {
  isPageMessage,
  type HistoryColumn,
  type HistoryFilters,
  type HostMessage,
  type PageMessage,
  type PersistedState,
} from './protocol';
import { facetViews, histogramView, rowWindow, toHistoryQuery } from './viewModel';

const HISTORY_PAGE: PageSpec<PageMessage> = {
  name: 'history',
  title: 'CloudTrail history',
  loading: 'Loading the CloudTrail history…',
  isPageMessage,
};

/** Rows sent with each answer (the page asks for the rest as it scrolls). */
const FIRST_ROWS = 100;

export interface HistoryPanelContext {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  disposed(panel: HistoryPanel): void;
}

/** What the panel last answered: the index it ran on, the result, and the answer's number. */
interface Shown {
  readonly seq: number;
  readonly index: HistoryIndex;
  readonly result: QueryResult;
}

export class HistoryPanel {
  private readonly page: SecurePanel<HostMessage, PageMessage>;
  private filtersValue: HistoryFilters;
  private facets: readonly HistoryColumn[] = [];
  private shown: Shown | undefined;
  private seq = 0;
  private athenaSql: { createTable?: string; select?: string } = {};
  private readonly subscription: vscode.Disposable;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly source: HistorySource,
    filters: HistoryFilters,
    private readonly context: HistoryPanelContext,
  ) {
    this.filtersValue = filters;
    this.page = new SecurePanel(
      panel,
      HISTORY_PAGE,
      { extensionUri: context.extensionUri, log: context.log, label: 'CloudTrail history' },
      {
        pageReady: () => this.postState(),
        handle: (message) => this.handle(message),
        disposed: () => {
          this.subscription.dispose();
          source.dispose();
          context.disposed(this);
        },
      },
    );
    this.subscription = source.onDidChange((indexChanged) => {
      this.page.post({ type: 'source', source: source.view() });
      if (indexChanged) this.answer();
    });
    panel.title = source.view().label;
  }

  get filters(): HistoryFilters {
    return this.filtersValue;
  }

  /** What the page should save (restored after a reload). */
  get persist(): PersistedState {
    return { kind: 'history', source: this.source.spec, filters: this.filtersValue };
  }

  /** The last answer, for tests: its number, total and the records of its first rows. */
  get lastResult(): { seq: number; total: number; indexed: number; records: number[] } | undefined {
    const s = this.shown;
    return s && { seq: s.seq, total: s.result.total, indexed: s.index.size, records: Array.from(s.result.rows) };
  }

  /** Shows other filters (e.g. Show CloudTrail history for a fleet); the page re-asks with them. */
  setFilters(filters: HistoryFilters): void {
    this.filtersValue = filters;
    this.answer();
    this.postState();
  }

  /** Handles one message from the page, exactly as if the page had sent it (also used by tests). */
  receive(raw: unknown): Promise<void> {
    return this.page.receive(raw);
  }

  private postState(): void {
    this.page.post({ type: 'state', source: this.source.view(), filters: this.filtersValue, persist: this.persist });
    if (this.shown) this.postResult(this.shown);
  }

  private async handle(message: PageMessage): Promise<void> {
    switch (message.type) {
      case 'query':
        this.filtersValue = message.filters;
        this.facets = message.facets;
        this.answer();
        return;
      case 'rows': {
        const s = this.shown;
        if (!s || s.seq !== message.seq) return;
        this.page.post({
          type: 'rows',
          seq: s.seq,
          start: message.start,
          rows: rowWindow(s.index, s.result.rows, message.start, message.count),
        });
        return;
      }
      case 'openRecord': {
        const s = this.shown;
        if (!s || s.seq !== message.seq || message.row >= s.result.rows.length) return;
        await this.open(s.index, s.result.rows[message.row]);
        return;
      }
      case 'athena':
        this.athena(message.bucket.trim(), message.prefix.trim(), message.organizationId.trim());
        return;
      case 'copyAthena': {
        const sql = this.athenaSql[message.which];
        if (sql) await vscode.env.clipboard.writeText(sql);
        return;
      }
      case 'cancel':
        this.source.cancel();
        return;
      case 'loadMore':
        this.source.loadMore();
        return;
      case 'retry':
        this.source.start();
        return;
      case 'showFailures':
        this.context.log.show(true);
        return;
    }
  }

  /** Runs the filters over the source's index now and posts the answer with its first rows. */
  answer(): void {
    const index = this.source.index;
    if (!index) return;
    const result = runQuery(index, toHistoryQuery(this.filtersValue, this.facets));
    this.shown = { seq: ++this.seq, index, result };
    this.postResult(this.shown);
  }

  private postResult(s: Shown): void {
    this.page.post({
      type: 'result',
      seq: s.seq,
      total: s.result.total,
      indexed: s.index.size,
      ms: s.result.ms,
      facets: facetViews(s.result, this.facets),
      ...(s.result.histogram ? { histogram: histogramView(s.result) } : {}),
      start: 0,
      rows: rowWindow(s.index, s.result.rows, 0, FIRST_ROWS),
    });
  }

  private async open(index: HistoryIndex, record: number): Promise<void> {
    try {
      await this.source.open(index, record);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.context.log.warn(`CloudTrail history: opening a record failed: ${message}`);
      void vscode.window.showErrorMessage(`GameLift: cannot open the CloudTrail record. ${message}`);
    }
  }

  /** The Athena SQL for the trail bucket and the current filters (values quoted, names checked). */
  private athena(bucket: string, prefix: string, organizationId: string): void {
    const index = this.source.index;
    const all = index ? runQuery(index, { facets: ['account', 'region'] }) : undefined;
    const values = (field: 'account' | 'region') =>
      (all?.facets[field] ?? []).map((v) => v.value).filter((v) => v !== '');
    const span = index?.timeSpan();
    const day = span ? new Date(span.from).toISOString().slice(0, 10).replace(/-/g, '/') : undefined;
    try {
      const createTable = athenaCreateTable({
        bucket: bucket || this.source.bucketGuess() || '',
        ...(prefix ? { prefix } : {}),
        ...(organizationId ? { organizationId } : {}),
        accounts: values('account'),
        regions: values('region'),
        ...(day ? { firstDay: day } : {}),
      });
      const { facets: _facets, histogram: _histogram, ...query } = toHistoryQuery(this.filtersValue);
      const select = athenaSelect(query);
      this.athenaSql = { createTable, select };
      this.page.post({ type: 'athena', createTable, select, ...this.bucketHint() });
    } catch (err) {
      this.athenaSql = {};
      const error = err instanceof AthenaInputError ? err.message : `Could not write the SQL: ${String(err)}`;
      this.page.post({ type: 'athena', error, ...this.bucketHint() });
    }
  }

  private bucketHint(): { bucket?: string } {
    const bucket = this.source.bucketGuess();
    return bucket ? { bucket } : {};
  }

  /** Test hook: the Athena SQL last written. */
  get lastAthena(): { createTable?: string; select?: string } {
    return this.athenaSql;
  }

  reveal(): void {
    this.panel.reveal();
  }
}
