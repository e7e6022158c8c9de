// Answers a HistoryQuery over a HistoryIndex in one pass over the columns: the matches in time
// order, the counts of each field's values among the matches of all the *other* filters (pick
// lists), and a histogram over time of the matches of every filter but the time range (the brush).
// Field filters become one byte per distinct string (does it pass?), so a record costs a lookup per filter.
import { FLAG_ERROR, FLAG_WRITE } from './fileChunk';
import { gameliftResourceId } from './gameliftIds';
import type { HistoryIndex } from './historyIndex';
import {
  HISTORY_FIELDS,
  STRING_FIELDS,
  type FacetValue,
  type FieldFilter,
  type HistoryField,
  type HistoryQuery,
  type QueryResult,
} from './types';

const TIME_BIT = 1 << 0;
const TEXT_BIT = 1 << 1;
const ERRORS_BIT = 1 << 2;
const WRITES_BIT = 1 << 3;
const FLEET_BIT = 1 << 4;
/** Field filters use bits 5… in HISTORY_FIELDS order. */
const fieldBit = (field: HistoryField) => 1 << (5 + HISTORY_FIELDS.indexOf(field));

/** Per index: string → ID, and which IDs each column holds (built on first use). */
interface Lookup {
  readonly ids: Map<string, number>;
  readonly distinct: Partial<Record<HistoryField, Uint32Array>>;
}
const lookups = new WeakMap<HistoryIndex, Lookup>();

function lookupOf(index: HistoryIndex): Lookup {
  let l = lookups.get(index);
  if (!l) {
    const ids = new Map<string, number>();
    index.strings.forEach((s, i) => ids.set(s, i));
    l = { ids, distinct: {} };
    lookups.set(index, l);
  }
  return l;
}

function distinctIds(index: HistoryIndex, field: HistoryField): Uint32Array {
  const l = lookupOf(index);
  let d = l.distinct[field];
  if (!d) {
    const seen = new Uint8Array(index.strings.length);
    const source = field === 'resource' ? index.resourceIds : index.columns[field];
    const list: number[] = [];
    for (let k = 0; k < source.length; k++) {
      const id = source[k];
      if (!seen[id]) {
        seen[id] = 1;
        list.push(id);
      }
    }
    d = Uint32Array.from(list);
    l.distinct[field] = d;
  }
  return d;
}

/** One byte per string ID: 1 when a value of `field` passes `filter`. */
function fieldMask(index: HistoryIndex, field: HistoryField, filter: FieldFilter): Uint8Array {
  const mask = new Uint8Array(index.strings.length);
  const needle = filter.text?.toLowerCase();
  if (filter.values) {
    const ids = lookupOf(index).ids;
    for (const v of filter.values) {
      const id = ids.get(v);
      if (id !== undefined && (!needle || index.strings[id].toLowerCase().includes(needle))) mask[id] = 1;
    }
  } else if (needle) {
    for (const id of distinctIds(index, field)) if (index.strings[id].toLowerCase().includes(needle)) mask[id] = 1;
  }
  return mask;
}

function isActive(filter: FieldFilter | undefined): filter is FieldFilter {
  return !!filter && (filter.values !== undefined || !!filter.text);
}

/** First position whose time is ≥ t (times ascending, NaN last). */
function lowerBound(time: Float64Array, t: number, end: number): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function runQuery(index: HistoryIndex, query: HistoryQuery): QueryResult {
  const started = performance.now();
  const n = index.size;
  const { time, flags, resourceStart, resourceIds } = index;
  const span = index.timeSpan();
  const timed = span ? lowerBound(time, Number.POSITIVE_INFINITY, n) : 0; // records with a time come first
  const lo = query.since !== undefined ? lowerBound(time, query.since, timed) : 0;
  const hi = query.until !== undefined ? lowerBound(time, query.until, timed) : n;
  const timeFiltered = query.since !== undefined || query.until !== undefined;

  // String-column filters.
  // `principal` is "who": it matches the identity's ARN or its user name.
  const columnFilters: Array<{ column: Uint32Array; also?: Uint32Array; mask: Uint8Array; bit: number }> = [];
  for (const field of STRING_FIELDS) {
    const filter = query.fields?.[field];
    if (!isActive(filter)) continue;
    const mask = fieldMask(index, field, filter);
    if (field === 'principal') {
      const userMask = fieldMask(index, 'user', filter);
      for (let id = 0; id < mask.length; id++) mask[id] |= userMask[id];
      columnFilters.push({ column: index.columns.principal, also: index.columns.user, mask, bit: fieldBit(field) });
    } else columnFilters.push({ column: index.columns[field], mask, bit: fieldBit(field) });
  }
  const resourceFilter = isActive(query.fields?.resource)
    ? fieldMask(index, 'resource', query.fields.resource)
    : undefined;
  let fleetMask: Uint8Array | undefined;
  if (query.fleet) {
    fleetMask = new Uint8Array(index.strings.length);
    const id = lookupOf(index).ids.get(gameliftResourceId(query.fleet.trim()) ?? query.fleet.trim());
    if (id !== undefined) fleetMask[id] = 1;
  }
  let textMask: Uint8Array | undefined;
  if (query.text) {
    const needle = query.text.toLowerCase();
    textMask = new Uint8Array(index.strings.length);
    index.strings.forEach((s, id) => {
      if (s.toLowerCase().includes(needle)) textMask![id] = 1;
    });
  }
  const allColumns = STRING_FIELDS.map((f) => index.columns[f]);

  // Facets and histogram.
  const facetFields = query.facets ?? [];
  const facetCounts = facetFields.map(() => new Uint32Array(index.strings.length));
  const facetBits = facetFields.map((f) => fieldBit(f));
  const facetColumns = facetFields.map((f) => (f === 'resource' ? undefined : index.columns[f]));
  let histogram: QueryResult['histogram'];
  let histFrom = 0;
  let bucketMs = 1;
  let histCounts: Uint32Array | undefined;
  if (query.histogram && query.histogram.buckets > 0) {
    histFrom = query.histogram.from ?? span?.from ?? 0;
    const to = query.histogram.to ?? (span ? span.to + 1 : histFrom + 1);
    bucketMs = Math.max(1, Math.ceil((to - histFrom) / query.histogram.buckets));
    histCounts = new Uint32Array(query.histogram.buckets);
    histogram = { from: histFrom, bucketMs, counts: histCounts };
  }
  const wantsAll = facetFields.length > 0 || histCounts !== undefined;
  const first = wantsAll ? 0 : lo;
  const last = wantsAll ? n : hi;

  const matches = new Uint32Array(Math.max(0, hi - lo));
  let m = 0;
  for (let k = first; k < last; k++) {
    let fail = timeFiltered && (k < lo || k >= hi) ? TIME_BIT : 0;
    for (let f = 0; f < columnFilters.length; f++) {
      const cf = columnFilters[f];
      if (cf.mask[cf.column[k]] === 0 && (cf.also === undefined || cf.mask[cf.also[k]] === 0)) fail |= cf.bit;
    }
    const fl = flags[k];
    if (query.errorsOnly && (fl & FLAG_ERROR) === 0) fail |= ERRORS_BIT;
    if (query.writesOnly && (fl & FLAG_WRITE) === 0) fail |= WRITES_BIT;
    if (resourceFilter || fleetMask) {
      let inResource = false;
      let inFleet = false;
      for (let j = resourceStart[k]; j < resourceStart[k + 1]; j++) {
        const id = resourceIds[j];
        if (resourceFilter && resourceFilter[id]) inResource = true;
        if (fleetMask && fleetMask[id]) inFleet = true;
      }
      if (resourceFilter && !inResource) fail |= fieldBit('resource');
      if (fleetMask && !inFleet) fail |= FLEET_BIT;
    }
    if (textMask) {
      let hit = false;
      for (let c = 0; c < allColumns.length && !hit; c++) hit = textMask[allColumns[c][k]] === 1;
      for (let j = resourceStart[k]; j < resourceStart[k + 1] && !hit; j++) hit = textMask[resourceIds[j]] === 1;
      if (!hit) fail |= TEXT_BIT;
    }
    if (fail === 0) matches[m++] = k;
    if (histCounts && (fail & ~TIME_BIT) === 0) {
      const t = time[k];
      if (t >= histFrom) {
        const b = Math.floor((t - histFrom) / bucketMs);
        if (b < histCounts.length) histCounts[b]++;
      }
    }
    for (let f = 0; f < facetFields.length; f++) {
      if ((fail & ~facetBits[f]) !== 0) continue;
      const column = facetColumns[f];
      const counts = facetCounts[f];
      if (column) counts[column[k]]++;
      else for (let j = resourceStart[k]; j < resourceStart[k + 1]; j++) counts[resourceIds[j]]++;
    }
  }

  const rows = new Uint32Array(m);
  if (query.order === 'oldest') rows.set(matches.subarray(0, m));
  else for (let i = 0; i < m; i++) rows[i] = matches[m - 1 - i];

  const facets: Partial<Record<HistoryField, FacetValue[]>> = {};
  facetFields.forEach((field, f) => {
    const counts = facetCounts[f];
    const values: FacetValue[] = [];
    for (const id of distinctIds(index, field))
      if (counts[id] > 0) values.push({ value: index.strings[id], count: counts[id] });
    values.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    facets[field] = values;
  });
  return { total: m, rows, facets, ...(histogram ? { histogram } : {}), ms: performance.now() - started };
}
