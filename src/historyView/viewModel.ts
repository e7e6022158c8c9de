// The history view's model, free of vscode: the page's filters as a history query, a result's
// counts, pick lists and histogram as plain JSON, and windows of rows read from the index only
// for the rows asked (the page never holds more than it shows). Pure, unit-tested.
import {
  isFleetId,
  type FieldFilter,
  type HistoryField,
  type HistoryIndex,
  type HistoryQuery,
  type QueryResult,
} from '../history';
import {
  HISTOGRAM_BUCKETS,
  HISTORY_COLUMNS,
  MAX_ROW_WINDOW,
  type ColumnFilter,
  type FacetValueView,
  type HistogramView,
  type HistoryColumn,
  type HistoryFilters,
  type RowView,
} from './protocol';

/** Values a pick list shows at most (the most frequent first; the filter text narrows it). */
export const FACET_LIMIT = 200;

const isActive = (f: ColumnFilter | undefined): f is ColumnFilter => !!f && (f.values !== undefined || !!f.text);

/** The index field a column's pick list counts: "who" lists the short names. */
function facetField(column: HistoryColumn): HistoryField {
  return column === 'who' ? 'user' : column;
}

/** The page's filters (and the pick lists open) as a history query; every query also asks for the histogram. */
export function toHistoryQuery(filters: HistoryFilters, facets: readonly HistoryColumn[] = []): HistoryQuery {
  const fields: Partial<Record<HistoryField, FieldFilter>> = {};
  for (const column of HISTORY_COLUMNS) {
    const f = filters.columns?.[column];
    if (!isActive(f)) continue;
    const text = f.text?.trim();
    if (column === 'who') {
      // A picked name is matched exactly; typed text may be any part of the name or the ARN.
      if (f.values) fields.user = { values: f.values };
      if (text) fields.principal = { text };
    } else {
      fields[column] = { ...(f.values ? { values: f.values } : {}), ...(text ? { text } : {}) };
    }
  }
  const text = filters.text?.trim();
  return {
    ...(text ? { text } : {}),
    ...(filters.since !== undefined ? { since: filters.since } : {}),
    ...(filters.until !== undefined ? { until: filters.until } : {}),
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
    ...(filters.errorsOnly ? { errorsOnly: true } : {}),
    ...(filters.writesOnly ? { writesOnly: true } : {}),
    order: filters.order ?? 'newest',
    facets: facets.map(facetField),
    histogram: { buckets: HISTOGRAM_BUCKETS },
  };
}

/** The pick lists of a result, by column, each cut to FACET_LIMIT values. */
export function facetViews(
  result: QueryResult,
  columns: readonly HistoryColumn[],
): Partial<Record<HistoryColumn, readonly FacetValueView[]>> {
  const out: Partial<Record<HistoryColumn, readonly FacetValueView[]>> = {};
  for (const column of columns) {
    const values = result.facets[facetField(column)];
    if (values) out[column] = values.slice(0, FACET_LIMIT).map(({ value, count }) => ({ value, count }));
  }
  return out;
}

export function histogramView(result: QueryResult): HistogramView | undefined {
  const h = result.histogram;
  return h ? { from: h.from, bucketMs: h.bucketMs, counts: Array.from(h.counts) } : undefined;
}

/** What the table shows of record `record` (row `row` of the result). */
export function rowView(index: HistoryIndex, row: number, record: number): RowView {
  const r = index.row(record);
  const fleet = r.resources.find(isFleetId);
  return {
    row,
    time: Number.isNaN(r.time) ? null : r.time,
    eventSource: r.eventSource,
    eventName: r.eventName,
    who: r.user || r.principal,
    principal: r.principal,
    sourceIp: r.sourceIp,
    region: r.region,
    account: r.account,
    resource: fleet ?? r.resources[0] ?? '',
    resources: r.resources.length,
    errorCode: r.errorCode,
    readOnly: r.readOnly ?? null,
  };
}

/** Rows [start, start + count) of a result (clamped to it and to MAX_ROW_WINDOW). */
export function rowWindow(index: HistoryIndex, rows: Uint32Array, start: number, count: number): RowView[] {
  const from = Math.max(0, Math.min(start, rows.length));
  const to = Math.min(rows.length, from + Math.min(count, MAX_ROW_WINDOW));
  const out: RowView[] = [];
  for (let k = from; k < to; k++) out.push(rowView(index, k, rows[k]));
  return out;
}
