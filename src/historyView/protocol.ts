// The message protocol between the extension host and the CloudTrail history page, imported by
// both sides. The page never holds the records: it asks for windows of rows of the current result
// and names a record by its row number in that result. The page is untrusted: everything it sends
// is checked with `isPageMessage` before use. Pure: no vscode, no DOM.
import { isConnectionTarget, type ConnectionTarget } from '../gamelift/types';
import { isReadyMessage, type ReadyMessage } from '../panel/protocol';
import { isObject } from '../common/guards';

/** The columns and filterable fields of the table (the history core's fields). */
export const HISTORY_COLUMNS = [
  'eventSource',
  'eventName',
  // Who: the user name, role session or service (pick list), or any part of the identity's ARN.
  'who',
  'sourceIp',
  'region',
  'account',
  'resource',
  'errorCode',
] as const;
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];

/** Rows a page asks for at once, at most. */
export const MAX_ROW_WINDOW = 500;
/** Longest filter text, and most values of one pick list, a page may send. */
export const MAX_FILTER_TEXT = 512;
export const MAX_FILTER_VALUES = 1000;
/** Buckets of the histogram (the range brush). */
export const HISTOGRAM_BUCKETS = 120;

// ---------- what the page filters by (also saved with the panel) ----------

export interface ColumnFilter {
  /** Only these values (a pick list); undefined = any. */
  readonly values?: readonly string[];
  /** The value contains this text (any case). */
  readonly text?: string;
}

export interface HistoryFilters {
  /** Any field contains this text. */
  readonly text?: string;
  /** Epoch ms, inclusive / exclusive (the brush). */
  readonly since?: number;
  readonly until?: number;
  readonly columns?: Partial<Readonly<Record<HistoryColumn, ColumnFilter>>>;
  readonly errorsOnly?: boolean;
  readonly writesOnly?: boolean;
  /** Default newest first. */
  readonly order?: 'newest' | 'oldest';
}

// ---------- view model (plain JSON) ----------

/** One table row: what the columns show of a record. */
export interface RowView {
  /** The row's number in the current result (what Open record names). */
  readonly row: number;
  /** Epoch ms (NaN is sent as null by postMessage: the page shows "time unknown"). */
  readonly time: number | null;
  readonly eventSource: string;
  readonly eventName: string;
  /** Short "who" (user name, role session, service). */
  readonly who: string;
  /** The full identity (ARN), for the tooltip. */
  readonly principal: string;
  readonly sourceIp: string;
  readonly region: string;
  readonly account: string;
  /** The first fleet the record names, else its first resource. */
  readonly resource: string;
  readonly resources: number;
  readonly errorCode: string;
  readonly readOnly: boolean | null;
}

export interface FacetValueView {
  readonly value: string;
  readonly count: number;
}

export interface HistogramView {
  readonly from: number;
  readonly bucketMs: number;
  readonly counts: readonly number[];
}

/** Where the rows come from and how far reading got. */
export interface SourceView {
  readonly kind: 'folder' | 'online';
  /** "CloudTrail folder trail-copy", "LookupEvents · local-dev · us-west-2". */
  readonly label: string;
  /** The folder paths, or the connection (for the header). */
  readonly detail: string;
  /** Reading (files or pages) is under way. */
  readonly loading: boolean;
  readonly records: number;
  /** Folders: files read of all; online: LookupEvents calls made. */
  readonly filesDone?: number;
  readonly filesTotal?: number;
  /** Files that could not be read (the page offers to list them). */
  readonly failures: number;
  /** Files not read because the index was full (the Athena path). */
  readonly unread: number;
  /** Online: more of the 90 days are left in CloudTrail ("Load more"). */
  readonly more: boolean;
  /** Online: the oldest time read so far. */
  readonly oldest?: number;
  /** A failure that stopped reading (shown with Retry). */
  readonly error?: string;
}

// ---------- persisted panel state ----------

export type SourceSpec =
  | { readonly kind: 'folder'; readonly paths: readonly string[] }
  | { readonly kind: 'online'; readonly target: ConnectionTarget };

export interface PersistedState {
  readonly kind: 'history';
  readonly source: SourceSpec;
  readonly filters: HistoryFilters;
}

// ---------- host → page ----------

export type HostMessage =
  /** The source and the filters to show (the page's inputs follow them). */
  | {
      readonly type: 'state';
      readonly source: SourceView;
      readonly filters: HistoryFilters;
      readonly persist: PersistedState;
    }
  /** Reading progressed (no new result). */
  | { readonly type: 'source'; readonly source: SourceView }
  /** The answer to a query (or the index grew): counts, pick lists, histogram and the first rows. */
  | {
      readonly type: 'result';
      readonly seq: number;
      readonly total: number;
      readonly indexed: number;
      readonly ms: number;
      readonly facets: Partial<Record<HistoryColumn, readonly FacetValueView[]>>;
      readonly histogram?: HistogramView;
      readonly start: number;
      readonly rows: readonly RowView[];
    }
  | { readonly type: 'rows'; readonly seq: number; readonly start: number; readonly rows: readonly RowView[] }
  | {
      readonly type: 'athena';
      readonly createTable?: string;
      readonly select?: string;
      readonly error?: string;
      /** The bucket guessed from the folder's path, when there is one. */
      readonly bucket?: string;
    };

export function isHostMessage(value: unknown): value is HostMessage {
  return (
    isObject(value) &&
    (value.type === 'state' ||
      value.type === 'source' ||
      value.type === 'result' ||
      value.type === 'rows' ||
      value.type === 'athena')
  );
}

// ---------- page → host ----------

export type PageMessage =
  /** Run these filters; `facets` are the pick lists open now. The answer gets the host's next number. */
  | { readonly type: 'query'; readonly filters: HistoryFilters; readonly facets: readonly HistoryColumn[] }
  /** Rows [start, start + count) of the result `seq`. */
  | { readonly type: 'rows'; readonly seq: number; readonly start: number; readonly count: number }
  /** Open the record of row `row` of result `seq` at its place. */
  | { readonly type: 'openRecord'; readonly seq: number; readonly row: number }
  /** Make the Athena SQL for the current filters. */
  | { readonly type: 'athena'; readonly bucket: string; readonly prefix: string; readonly organizationId: string }
  | { readonly type: 'copyAthena'; readonly which: 'createTable' | 'select' }
  | { readonly type: 'cancel' }
  | { readonly type: 'loadMore' }
  | { readonly type: 'retry' }
  | { readonly type: 'showFailures' };

const isCount = (v: unknown, max = Number.MAX_SAFE_INTEGER): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
const isShortText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_FILTER_TEXT;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isColumnFilter(v: unknown): v is ColumnFilter {
  if (!isObject(v)) return false;
  if (v.text !== undefined && !isShortText(v.text)) return false;
  if (v.values === undefined) return true;
  return Array.isArray(v.values) && v.values.length <= MAX_FILTER_VALUES && v.values.every(isShortText);
}

/** Filters from the page or its saved state (untrusted): shapes, lengths and known columns only. */
export function isHistoryFilters(v: unknown): v is HistoryFilters {
  if (!isObject(v)) return false;
  if (v.text !== undefined && !isShortText(v.text)) return false;
  if (v.since !== undefined && !isTime(v.since)) return false;
  if (v.until !== undefined && !isTime(v.until)) return false;
  if (v.errorsOnly !== undefined && typeof v.errorsOnly !== 'boolean') return false;
  if (v.writesOnly !== undefined && typeof v.writesOnly !== 'boolean') return false;
  if (v.order !== undefined && v.order !== 'newest' && v.order !== 'oldest') return false;
  if (v.columns === undefined) return true;
  if (!isObject(v.columns)) return false;
  const columns = v.columns;
  return Object.keys(columns).every(
    (k) => (HISTORY_COLUMNS as readonly string[]).includes(k) && isColumnFilter(columns[k]),
  );
}

const isColumn = (v: unknown): v is HistoryColumn => (HISTORY_COLUMNS as readonly unknown[]).includes(v);

export function isPageMessage(value: unknown): value is PageMessage | ReadyMessage {
  if (isReadyMessage(value)) return true;
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'query':
      return (
        isHistoryFilters(value.filters) &&
        Array.isArray(value.facets) &&
        value.facets.length <= HISTORY_COLUMNS.length &&
        value.facets.every(isColumn)
      );
    case 'rows':
      return isCount(value.seq) && isCount(value.start) && isCount(value.count, MAX_ROW_WINDOW);
    case 'openRecord':
      return isCount(value.seq) && isCount(value.row);
    case 'athena':
      return isShortText(value.bucket) && isShortText(value.prefix) && isShortText(value.organizationId);
    case 'copyAthena':
      return value.which === 'createTable' || value.which === 'select';
    case 'cancel':
    case 'loadMore':
    case 'retry':
    case 'showFailures':
      return true;
    default:
      return false;
  }
}

export function isPersistedState(value: unknown): value is PersistedState {
  if (!isObject(value) || value.kind !== 'history' || !isHistoryFilters(value.filters)) return false;
  const source = value.source;
  if (!isObject(source)) return false;
  if (source.kind === 'online') return isConnectionTarget(source.target);
  return (
    source.kind === 'folder' &&
    Array.isArray(source.paths) &&
    source.paths.length > 0 &&
    source.paths.length <= 100 &&
    source.paths.every((p) => typeof p === 'string' && p.length > 0 && p.length <= 4096)
  );
}
