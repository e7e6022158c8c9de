// Page script of the CloudTrail history view: a virtual table over the host's current result
// (the page asks for windows of rows as it scrolls and never holds the records), filters on every
// column (text, pick lists with counts), errors/writes only, newest or oldest first, and a
// histogram of events over time that is also the range brush. Every service string goes in
// through textContent; records are named by their row in a numbered result.
import { button, h, icon } from '../../panel/webview/lib/dom';
import { vscodeApi } from '../../panel/webview/lib/vscodeApi';
import { formatUtc } from '../../common/timeFormat';
import {
  HISTORY_COLUMNS,
  isHostMessage,
  type FacetValueView,
  type HistogramView,
  type HistoryColumn,
  type HistoryFilters,
  type HostMessage,
  type PageMessage,
  type PersistedState,
  type RowView,
  type SourceView,
} from '../protocol';
import { scrollTopFor, visibleRows, type RowLayout } from '../virtualRows';

const vscode = vscodeApi<PageMessage, PersistedState>();
const app = document.getElementById('app') as HTMLElement;

const ROW_HEIGHT = 22;
/** Rows asked for at once, and how far beyond the visible rows to ask ahead. */
const BLOCK = 100;
const AHEAD = 60;

const COLUMN_LABEL: Record<HistoryColumn, string> = {
  eventSource: 'Event source',
  eventName: 'Event name',
  who: 'Who',
  sourceIp: 'Source IP',
  region: 'Region',
  account: 'Account',
  resource: 'Resource or fleet',
  errorCode: 'Error code',
};

// ---------- state ----------

let filters: HistoryFilters = {};
let persist: PersistedState | undefined;
let source: SourceView | undefined;
let seq = -1;
let total = 0;
let indexed = 0;
let histogram: HistogramView | undefined;
/** Rows of the current result by row number, and the blocks asked for. */
let rows = new Map<number, RowView>();
let asked = new Set<number>();
let selected: number | undefined;
/** The column whose pick list is open, and its values. */
let picking: HistoryColumn | undefined;
let facets: readonly FacetValueView[] = [];

// ---------- building blocks ----------

const live = h('div', { className: 'visually-hidden', attrs: { role: 'status', 'aria-live': 'polite' } });

function post(message: PageMessage): void {
  vscode.postMessage(message);
}

function withoutEmpty(f: HistoryFilters): HistoryFilters {
  const columns: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f.columns ?? {}))
    if (v && (v.values !== undefined || (v.text ?? '') !== '')) columns[k] = v;
  return {
    ...(f.text ? { text: f.text } : {}),
    ...(f.since !== undefined ? { since: f.since } : {}),
    ...(f.until !== undefined ? { until: f.until } : {}),
    ...(Object.keys(columns).length ? { columns: columns } : {}),
    ...(f.errorsOnly ? { errorsOnly: true } : {}),
    ...(f.writesOnly ? { writesOnly: true } : {}),
    ...(f.order === 'oldest' ? { order: 'oldest' as const } : {}),
  };
}

let queryTimer: ReturnType<typeof setTimeout> | undefined;
/** Sends the filters (at once, or after typing pauses). */
function query(delay = 0): void {
  if (queryTimer) clearTimeout(queryTimer);
  const send = () => {
    queryTimer = undefined;
    filters = withoutEmpty(filters);
    if (persist) {
      persist = { ...persist, filters };
      vscode.setState(persist);
    }
    post({ type: 'query', filters, facets: picking ? [picking] : [] });
  };
  if (delay > 0) queryTimer = setTimeout(send, delay);
  else send();
}

function setColumn(column: HistoryColumn, change: { values?: readonly string[] | undefined; text?: string }): void {
  const current = filters.columns?.[column] ?? {};
  const next = { ...current, ...change };
  if ('values' in change && change.values === undefined) delete (next as { values?: unknown }).values;
  filters = { ...filters, columns: { ...filters.columns, [column]: next } };
}

function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

/** "2026-11-21 00:15:03" (UTC, as the column header says). */
function timeText(ms: number | null): string {
  return ms === null ? 'time unknown' : formatUtc(ms).replace(' UTC', '');
}

/** A typed UTC time ("2026-11-21 00:15", "2026-11-21T00:15:03Z", "2026-11-21") or undefined. */
function parseTime(text: string): number | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(t) ? `${t}T00:00:00Z` : t.replace(' ', 'T').replace(/(?<!Z)$/, 'Z');
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? Number.NaN : ms;
}

// ---------- header ----------

const title = h('h1', { text: 'CloudTrail history' });
const subtitle = h('p', { className: 'subtitle' });
const search = h('input', {
  className: 'search',
  attrs: { type: 'search', placeholder: 'Search all fields', 'aria-label': 'Search all fields', spellcheck: 'false' },
});
search.addEventListener('input', () => {
  filters = { ...filters, text: search.value };
  query(200);
});

function checkbox(label: string, action: string, onChange: (checked: boolean) => void): HTMLInputElement {
  const input = h('input', { attrs: { type: 'checkbox', 'data-action': action } });
  input.addEventListener('change', () => onChange(input.checked));
  toolbar.append(h('label', { className: 'check' }, input, label));
  return input;
}

const toolbar = h('nav', { className: 'toolbar', attrs: { 'aria-label': 'History filters and actions' } }, search);
const errorsOnly = checkbox('Errors only', 'errorsOnly', (checked) => {
  filters = { ...filters, errorsOnly: checked };
  query();
});
const writesOnly = checkbox('Writes only', 'writesOnly', (checked) => {
  filters = { ...filters, writesOnly: checked };
  query();
});
const clearButton = button({
  label: 'Clear filters',
  icon: 'clear-all',
  action: 'clear',
  onClick: () => {
    filters = { order: filters.order };
    syncInputs();
    query();
  },
});
const openButton = button({
  label: 'Open record',
  icon: 'go-to-file',
  action: 'open',
  variant: 'primary',
  title: 'Open the selected record where it is (Enter or double-click a row)',
  disabled: true,
  onClick: () => openSelected(),
});
const athenaButton = button({
  label: 'Athena…',
  icon: 'database',
  action: 'athena',
  title: 'SQL for Amazon Athena over the trail bucket: for folders beyond the index or organisation trails',
  onClick: () => toggleAthena(),
});
const sourceActions = h('span', { className: 'source-actions' });
toolbar.append(clearButton, h('span', { className: 'spacer' }), sourceActions, openButton, athenaButton);

const notice = h('p', { className: 'notice', attrs: { hidden: '' } });
const header = h(
  'header',
  { className: 'header' },
  h('div', { className: 'title-row' }, icon('history', 'title-icon'), title),
  subtitle,
  toolbar,
  notice,
);

function renderSource(): void {
  const s = source;
  if (!s) return;
  title.textContent = s.label;
  const parts: string[] = [s.detail];
  if (s.kind === 'folder') {
    if (s.loading && s.filesTotal !== undefined)
      parts.push(
        `reading ${thousands(s.filesDone ?? 0)} of ${thousands(s.filesTotal)} files, ${thousands(s.records)} records`,
      );
    else if (!s.loading) parts.push(`${thousands(s.records)} records from ${thousands(s.filesTotal ?? 0)} files`);
  } else {
    parts.push(
      `${thousands(s.records)} GameLift calls read${s.oldest !== undefined ? `, back to ${timeText(s.oldest)} UTC` : ''}${s.loading ? ' (reading…)' : s.more ? '' : ', all of the last 90 days'}`,
    );
  }
  subtitle.textContent = parts.join(' · ');
  const actions: HTMLElement[] = [];
  if (s.loading)
    actions.push(
      button({ label: 'Cancel', icon: 'debug-stop', action: 'cancel', onClick: () => post({ type: 'cancel' }) }),
    );
  if (!s.loading && s.more)
    actions.push(
      button({
        label: 'Load more',
        icon: 'more',
        action: 'loadMore',
        title: 'Read further back through LookupEvents (10 calls, about 5 seconds)',
        onClick: () => post({ type: 'loadMore' }),
      }),
    );
  if (!s.loading && s.error)
    actions.push(button({ label: 'Retry', icon: 'refresh', action: 'retry', onClick: () => post({ type: 'retry' }) }));
  if (s.failures > 0)
    actions.push(
      button({
        label: `${thousands(s.failures)} file${s.failures === 1 ? '' : 's'} could not be read`,
        icon: 'warning',
        action: 'failures',
        title: 'List them with the reason in the GameLift log',
        onClick: () => post({ type: 'showFailures' }),
      }),
    );
  sourceActions.replaceChildren(...actions);
  const notes: string[] = [];
  if (s.error) notes.push(s.error);
  if (s.unread > 0)
    notes.push(
      `This folder holds more than the index takes: ${thousands(s.unread)} file${s.unread === 1 ? ' was' : 's were'} not read. Athena… writes the SQL to query the whole trail bucket.`,
    );
  notice.textContent = notes.join(' ');
  notice.hidden = notes.length === 0;
  notice.classList.toggle('error', !!s.error);
}

// ---------- histogram and range ----------

const SVG_NS = 'http://www.w3.org/2000/svg';
const chart = document.createElementNS(SVG_NS, 'svg');
chart.setAttribute('class', 'histogram');
chart.setAttribute('role', 'img');
chart.setAttribute('height', '64');
const fromInput = h('input', {
  className: 'time-input',
  attrs: { type: 'text', placeholder: 'from (UTC)', 'aria-label': 'From, UTC', spellcheck: 'false' },
});
const toInput = h('input', {
  className: 'time-input',
  attrs: { type: 'text', placeholder: 'to (UTC)', 'aria-label': 'To, UTC', spellcheck: 'false' },
});
const spanLabel = h('span', { className: 'muted span-label' });
for (const input of [fromInput, toInput]) {
  input.addEventListener('change', () => {
    const since = parseTime(fromInput.value);
    const until = parseTime(toInput.value);
    fromInput.setAttribute('aria-invalid', String(Number.isNaN(since)));
    toInput.setAttribute('aria-invalid', String(Number.isNaN(until)));
    if (Number.isNaN(since) || Number.isNaN(until)) return;
    filters = { ...filters, since, until };
    query();
  });
}
const clearRange = button({
  label: 'Whole time',
  icon: 'close',
  action: 'clearRange',
  variant: 'secondary',
  title: 'Clear the time range',
  onClick: () => {
    filters = { ...filters, since: undefined, until: undefined };
    syncInputs();
    query();
  },
});
const rangeRow = h(
  'div',
  { className: 'range-row' },
  h('span', { className: 'muted', text: 'Time range (drag over the chart):' }),
  fromInput,
  h('span', { className: 'muted', text: '–' }),
  toInput,
  clearRange,
  spanLabel,
);
const histogramBox = h('section', { className: 'histogram-box', attrs: { 'aria-label': 'Events over time' } });
histogramBox.append(chart, rangeRow);

function svgEl(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** Where a drag over the chart started, and the range it shows while it lasts. */
let dragFrom: number | undefined;
let dragBox: SVGElement | undefined;

function drawHistogram(): void {
  const width = Math.max(200, chart.clientWidth || histogramBox.clientWidth || 600);
  chart.setAttribute('viewBox', `0 0 ${width} 64`);
  chart.replaceChildren();
  const hgm = histogram;
  if (!hgm || hgm.counts.length === 0) {
    chart.setAttribute('aria-label', 'No events over time to show');
    return;
  }
  const n = hgm.counts.length;
  const max = Math.max(1, ...hgm.counts);
  const barWidth = width / n;
  const end = hgm.from + n * hgm.bucketMs;
  const since = filters.since ?? Number.NEGATIVE_INFINITY;
  const until = filters.until ?? Number.POSITIVE_INFINITY;
  hgm.counts.forEach((count, i) => {
    if (count === 0) return;
    const height = Math.max(1, (count / max) * 56);
    const t = hgm.from + i * hgm.bucketMs;
    const inside = t + hgm.bucketMs > since && t < until;
    const bar = svgEl('rect', {
      x: i * barWidth + 0.5,
      y: 60 - height,
      width: Math.max(1, barWidth - 1),
      height,
      class: inside ? 'bar' : 'bar outside',
    });
    const tip = svgEl('title', {});
    tip.textContent = `${thousands(count)} from ${timeText(t)} UTC`;
    bar.append(tip);
    chart.append(bar);
  });
  if (filters.since !== undefined || filters.until !== undefined) {
    const x = (t: number) => Math.max(0, Math.min(width, ((t - hgm.from) / (end - hgm.from)) * width));
    const x1 = x(filters.since ?? hgm.from);
    const x2 = x(filters.until ?? end);
    chart.append(svgEl('rect', { x: x1, y: 0, width: Math.max(1, x2 - x1), height: 62, class: 'brush' }));
  }
  chart.append(svgEl('line', { x1: 0, x2: width, y1: 60.5, y2: 60.5, class: 'axis' }));
  // A result that lands during a drag redraws the chart: keep the range being dragged on it.
  if (dragBox) chart.append(dragBox);
  chart.setAttribute(
    'aria-label',
    `Events over time from ${timeText(hgm.from)} to ${timeText(end)} UTC, at most ${thousands(max)} per bar`,
  );
  spanLabel.textContent = `${timeText(hgm.from)} – ${timeText(end)} UTC`;
}

// The brush: drag over the chart to choose a time range; a click without a drag clears it.
function timeAt(clientX: number): number | undefined {
  const hgm = histogram;
  if (!hgm) return undefined;
  const box = chart.getBoundingClientRect();
  const share = Math.max(0, Math.min(1, (clientX - box.left) / Math.max(1, box.width)));
  return hgm.from + share * hgm.counts.length * hgm.bucketMs;
}
chart.addEventListener('pointerdown', (e: PointerEvent) => {
  if (!histogram) return;
  dragFrom = e.clientX;
  chart.setPointerCapture(e.pointerId);
  dragBox = svgEl('rect', { x: 0, y: 0, width: 0, height: 62, class: 'brush dragging' });
  chart.append(dragBox);
});
chart.addEventListener('pointermove', (e: PointerEvent) => {
  if (dragFrom === undefined || !dragBox) return;
  const box = chart.getBoundingClientRect();
  const scale = (chart.viewBox.baseVal?.width || box.width) / Math.max(1, box.width);
  const a = (Math.min(dragFrom, e.clientX) - box.left) * scale;
  const b = (Math.max(dragFrom, e.clientX) - box.left) * scale;
  dragBox.setAttribute('x', String(Math.max(0, a)));
  dragBox.setAttribute('width', String(Math.max(1, b - a)));
});
chart.addEventListener('pointerup', (e: PointerEvent) => {
  if (dragFrom === undefined) return;
  const start = dragFrom;
  dragFrom = undefined;
  dragBox = undefined;
  if (Math.abs(e.clientX - start) < 3) {
    filters = { ...filters, since: undefined, until: undefined };
  } else {
    const a = timeAt(Math.min(start, e.clientX));
    const b = timeAt(Math.max(start, e.clientX));
    if (a === undefined || b === undefined) return;
    filters = { ...filters, since: Math.floor(a / 1000) * 1000, until: Math.ceil(b / 1000) * 1000 };
  }
  syncInputs();
  drawHistogram();
  query();
});

// ---------- the table ----------

const summary = h('p', { className: 'summary', attrs: { 'aria-live': 'polite' } });
const grid = h('div', {
  className: 'grid',
  attrs: { role: 'grid', 'aria-label': 'CloudTrail records', 'aria-rowcount': '0', 'aria-multiselectable': 'false' },
});
const headRow = h('div', { className: 'row head', attrs: { role: 'row', 'aria-rowindex': '1' } });
const columnInputs = new Map<HistoryColumn, HTMLInputElement>();
const pickButtons = new Map<HistoryColumn, HTMLButtonElement>();

const sortButton = h('button', {
  className: 'sort',
  attrs: { type: 'button', 'data-action': 'sort', title: 'Newest or oldest first' },
});
sortButton.addEventListener('click', () => {
  filters = { ...filters, order: filters.order === 'oldest' ? 'newest' : 'oldest' };
  syncInputs();
  query();
});
headRow.append(h('div', { className: 'cell', attrs: { role: 'columnheader', 'aria-sort': 'descending' } }, sortButton));
for (const column of HISTORY_COLUMNS) {
  const input = h('input', {
    className: 'column-filter',
    attrs: {
      type: 'text',
      placeholder: COLUMN_LABEL[column],
      'aria-label': `${COLUMN_LABEL[column]} contains`,
      spellcheck: 'false',
      'data-column': column,
    },
  });
  input.addEventListener('input', () => {
    setColumn(column, { text: input.value });
    query(200);
  });
  const pick = button({
    label: `Pick ${COLUMN_LABEL[column]} values`,
    icon: 'filter',
    action: `pick-${column}`,
    variant: 'icon',
    onClick: () => (picking === column ? closePicker() : openPicker(column)),
  });
  pick.setAttribute('aria-haspopup', 'listbox');
  columnInputs.set(column, input);
  pickButtons.set(column, pick);
  headRow.append(
    h(
      'div',
      { className: 'cell', attrs: { role: 'columnheader', title: COLUMN_LABEL[column] } },
      h('div', { className: 'filter-cell' }, input, pick),
    ),
  );
}

const scroller = h('div', {
  className: 'scroller',
  attrs: { tabindex: '0', 'aria-label': 'Records; arrows move, Enter opens' },
});
const spacer = h('div', { className: 'spacer' });
const body = h('div', { className: 'rows', attrs: { role: 'rowgroup' } });
spacer.append(body);
scroller.append(spacer);
grid.append(h('div', { attrs: { role: 'rowgroup' } }, headRow), scroller);

function layout(): RowLayout {
  return { rowHeight: ROW_HEIGHT, viewport: scroller.clientHeight || 400, total };
}

const rowPool: HTMLElement[] = [];
function rowElement(i: number): HTMLElement {
  let el = rowPool[i];
  if (!el) {
    el = h('div', { className: 'row', attrs: { role: 'row' } });
    for (let c = 0; c <= HISTORY_COLUMNS.length; c++)
      el.append(h('div', { className: 'cell', attrs: { role: 'gridcell' } }));
    el.addEventListener('click', () => select(Number(el.dataset.row)));
    el.addEventListener('dblclick', () => {
      select(Number(el.dataset.row));
      openSelected();
    });
    rowPool[i] = el;
  }
  return el;
}

function fillRow(el: HTMLElement, rowNo: number, row: RowView | undefined): void {
  el.dataset.row = String(rowNo);
  el.setAttribute('aria-rowindex', String(rowNo + 2));
  el.setAttribute('aria-selected', String(rowNo === selected));
  el.classList.toggle('selected', rowNo === selected);
  el.classList.toggle('failed', !!row?.errorCode);
  el.classList.toggle('pending', !row);
  const cells = el.children;
  if (!row) {
    cells[0].textContent = '…';
    for (let c = 1; c < cells.length; c++) cells[c].textContent = '';
    return;
  }
  const values: Record<HistoryColumn, string> = {
    // "gamelift.amazonaws.com" reads as "gamelift"; the tooltip has it whole.
    eventSource: row.eventSource.replace(/\.amazonaws\.com$/, ''),
    eventName: row.eventName,
    who: row.who,
    sourceIp: row.sourceIp,
    region: row.region,
    account: row.account,
    resource: row.resources > 1 ? `${row.resource} (+${row.resources - 1})` : row.resource,
    errorCode: row.errorCode,
  };
  cells[0].textContent = timeText(row.time);
  HISTORY_COLUMNS.forEach((column, c) => {
    const cell = cells[c + 1] as HTMLElement;
    cell.textContent = values[column];
    cell.title =
      column === 'who' ? row.principal || row.who : column === 'eventSource' ? row.eventSource : values[column];
  });
  (cells[2] as HTMLElement).classList.toggle('write', row.readOnly === false);
}

let frame = 0;
/** Renders the visible rows at the next frame (scrolling and row windows coalesce there). */
function renderRows(): void {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    renderRowsNow();
  });
}

/**
 * Renders the visible rows at once: a new result replaces summary, histogram and table in one
 * task, so the page never shows a count above the rows of the result before it.
 */
function renderRowsNow(): void {
  if (frame) cancelAnimationFrame(frame);
  frame = 0;
  const l = layout();
  const v = visibleRows(scroller.scrollTop, l);
  spacer.style.height = `${v.height}px`;
  body.style.transform = `translateY(${v.top}px)`;
  const shown: HTMLElement[] = [];
  for (let i = 0; i < v.count; i++) {
    const el = rowElement(i);
    fillRow(el, v.first + i, rows.get(v.first + i));
    shown.push(el);
  }
  body.replaceChildren(...shown);
  ask(v.first - AHEAD, v.count + 2 * AHEAD);
}

/** Asks for the blocks of rows covering [from, from + count) not yet asked for in this result. */
function ask(from: number, count: number): void {
  const first = Math.max(0, Math.floor(from / BLOCK));
  const last = Math.min(Math.ceil(total / BLOCK) - 1, Math.floor((from + count) / BLOCK));
  for (let b = first; b <= last; b++) {
    if (asked.has(b)) continue;
    asked.add(b);
    post({ type: 'rows', seq, start: b * BLOCK, count: BLOCK });
  }
}

function select(row: number | undefined): void {
  selected = row === undefined || total === 0 ? undefined : Math.max(0, Math.min(total - 1, row));
  openButton.disabled = selected === undefined;
  if (selected !== undefined) {
    scroller.scrollTop = scrollTopFor(selected, scroller.scrollTop, layout());
    const r = rows.get(selected);
    live.textContent = r
      ? `${r.eventName} by ${r.who}, ${timeText(r.time)}${r.errorCode ? `, ${r.errorCode}` : ''}`
      : '';
  }
  renderRows();
}

function openSelected(): void {
  if (selected !== undefined) post({ type: 'openRecord', seq, row: selected });
}

scroller.addEventListener('scroll', () => renderRows());
scroller.addEventListener('keydown', (e: KeyboardEvent) => {
  const page = Math.max(1, Math.floor(layout().viewport / ROW_HEIGHT) - 1);
  const at = selected ?? -1;
  const moves: Record<string, number> = {
    ArrowDown: at + 1,
    ArrowUp: Math.max(0, at - 1),
    PageDown: at + page,
    PageUp: Math.max(0, at - page),
    Home: 0,
    End: total - 1,
  };
  if (e.key in moves) {
    e.preventDefault();
    select(moves[e.key]);
  } else if (e.key === 'Enter') {
    e.preventDefault();
    openSelected();
  }
});
new ResizeObserver(() => {
  renderRows();
  drawHistogram();
}).observe(document.body);

// ---------- pick lists ----------

const picker = h('div', { className: 'picker', attrs: { role: 'dialog', hidden: '' } });
const pickerList = h('div', { className: 'picker-list', attrs: { role: 'listbox', 'aria-multiselectable': 'true' } });
const pickerTitle = h('div', { className: 'picker-title' });
picker.append(
  pickerTitle,
  pickerList,
  h(
    'div',
    { className: 'picker-actions' },
    button({
      label: 'Any value',
      action: 'pickAny',
      onClick: () => {
        if (!picking) return;
        setColumn(picking, { values: undefined });
        renderPicker();
        query();
      },
    }),
    button({ label: 'Close', action: 'pickClose', onClick: () => closePicker() }),
  ),
);
picker.addEventListener('keydown', (e: KeyboardEvent) => {
  if (e.key === 'Escape') closePicker();
});

function openPicker(column: HistoryColumn): void {
  picking = column;
  facets = [];
  const anchor = pickButtons.get(column)!;
  const box = anchor.getBoundingClientRect();
  picker.style.left = `${Math.max(8, Math.min(box.right - 280, document.documentElement.clientWidth - 296))}px`;
  picker.style.top = `${box.bottom + 4}px`;
  picker.hidden = false;
  anchor.setAttribute('aria-expanded', 'true');
  renderPicker();
  query();
}

function closePicker(): void {
  if (!picking) return;
  const anchor = pickButtons.get(picking);
  anchor?.setAttribute('aria-expanded', 'false');
  picking = undefined;
  picker.hidden = true;
  anchor?.focus();
}

function renderPicker(): void {
  if (!picking) return;
  const column = picking;
  const chosen = filters.columns?.[column]?.values;
  pickerTitle.textContent = `${COLUMN_LABEL[column]}: ${chosen ? `${chosen.length} picked` : 'any value'} · counts among the other filters' matches`;
  const values = [...facets];
  // Picked values stay listed even when no record has them under the other filters.
  for (const v of chosen ?? []) if (!values.some((f) => f.value === v)) values.push({ value: v, count: 0 });
  pickerList.replaceChildren(
    ...values.map((f) => {
      const input = h('input', { attrs: { type: 'checkbox' } });
      input.checked = chosen?.includes(f.value) ?? false;
      input.addEventListener('change', () => {
        const now = new Set(filters.columns?.[column]?.values ?? []);
        if (input.checked) now.add(f.value);
        else now.delete(f.value);
        setColumn(column, { values: now.size > 0 ? [...now] : undefined });
        query();
      });
      return h(
        'label',
        { className: 'pick', attrs: { role: 'option', 'aria-selected': String(input.checked) } },
        input,
        h('span', { className: 'pick-value', text: f.value === '' ? '(none)' : f.value }),
        h('span', { className: 'pick-count', text: thousands(f.count) }),
      );
    }),
  );
  if (values.length === 0) pickerList.append(h('p', { className: 'muted', text: 'No values among the matches.' }));
}

// ---------- Athena ----------

const athena = h('section', { className: 'athena', attrs: { hidden: '', 'aria-label': 'Athena SQL' } });
const bucketInput = h('input', { attrs: { type: 'text', placeholder: 'trail bucket', 'aria-label': 'Trail bucket' } });
const prefixInput = h('input', {
  attrs: { type: 'text', placeholder: 'key prefix (optional)', 'aria-label': 'Key prefix' },
});
const orgInput = h('input', {
  attrs: { type: 'text', placeholder: 'organization ID o-… (organisation trail)', 'aria-label': 'Organization ID' },
});
const athenaError = h('p', { className: 'notice error', attrs: { hidden: '' } });
const createPre = h('pre', { className: 'sql' });
const selectPre = h('pre', { className: 'sql' });
athena.append(
  h('h2', { text: 'Query the whole trail with Amazon Athena' }),
  h('p', {
    className: 'muted',
    text: 'For folders beyond the index or a trail bucket of a whole organisation: create the table once (partition projection, no crawler), then run the SELECT for the current filters.',
  }),
  h(
    'div',
    { className: 'athena-inputs' },
    bucketInput,
    prefixInput,
    orgInput,
    button({ label: 'Write SQL', icon: 'play', action: 'athenaWrite', variant: 'primary', onClick: () => writeSql() }),
  ),
  athenaError,
  h(
    'div',
    { className: 'sql-head' },
    h('h3', { text: 'CREATE TABLE' }),
    button({
      label: 'Copy',
      icon: 'copy',
      action: 'copyCreate',
      onClick: () => post({ type: 'copyAthena', which: 'createTable' }),
    }),
  ),
  createPre,
  h(
    'div',
    { className: 'sql-head' },
    h('h3', { text: 'SELECT (current filters)' }),
    button({
      label: 'Copy',
      icon: 'copy',
      action: 'copySelect',
      onClick: () => post({ type: 'copyAthena', which: 'select' }),
    }),
  ),
  selectPre,
);

function writeSql(): void {
  post({ type: 'athena', bucket: bucketInput.value, prefix: prefixInput.value, organizationId: orgInput.value });
}

function toggleAthena(): void {
  athena.hidden = !athena.hidden;
  if (!athena.hidden) writeSql();
}

// ---------- page ----------

app.setAttribute('aria-busy', 'false');
app.replaceChildren(header, histogramBox, summary, h('div', { className: 'grid-frame' }, grid), athena, picker, live);

function syncInputs(): void {
  search.value = filters.text ?? '';
  errorsOnly.checked = !!filters.errorsOnly;
  writesOnly.checked = !!filters.writesOnly;
  for (const [column, input] of columnInputs) {
    input.value = filters.columns?.[column]?.text ?? '';
    const picked = filters.columns?.[column]?.values;
    pickButtons.get(column)!.classList.toggle('active', picked !== undefined);
    pickButtons.get(column)!.title = picked
      ? `${COLUMN_LABEL[column]}: ${picked.join(', ')}`
      : `Pick ${COLUMN_LABEL[column]} values`;
  }
  fromInput.value = filters.since !== undefined ? timeText(filters.since) : '';
  toInput.value = filters.until !== undefined ? timeText(filters.until) : '';
  fromInput.removeAttribute('aria-invalid');
  toInput.removeAttribute('aria-invalid');
  const oldest = filters.order === 'oldest';
  sortButton.textContent = `Time (UTC) ${oldest ? '↑' : '↓'}`;
  sortButton.setAttribute('aria-label', `Time, UTC, ${oldest ? 'oldest' : 'newest'} first; press to reverse`);
  sortButton.parentElement?.setAttribute('aria-sort', oldest ? 'ascending' : 'descending');
}

function onMessage(m: HostMessage): void {
  switch (m.type) {
    case 'state':
      source = m.source;
      filters = m.filters;
      persist = m.persist;
      vscode.setState(persist);
      syncInputs();
      renderSource();
      query();
      return;
    case 'source':
      source = m.source;
      renderSource();
      return;
    case 'result': {
      seq = m.seq;
      total = m.total;
      indexed = m.indexed;
      histogram = m.histogram;
      rows = new Map();
      asked = new Set([0]);
      m.rows.forEach((r) => rows.set(r.row, r));
      grid.setAttribute('aria-rowcount', String(total + 1));
      if (selected !== undefined && selected >= total) select(undefined);
      openButton.disabled = selected === undefined;
      summary.dataset.seq = String(seq);
      summary.textContent =
        indexed === 0
          ? source?.loading
            ? 'Reading…'
            : 'No records.'
          : `${thousands(total)} of ${thousands(indexed)} records match · ${m.ms < 10 ? m.ms.toFixed(1) : Math.round(m.ms)} ms`;
      if (picking && m.facets[picking]) {
        facets = m.facets[picking] ?? [];
        renderPicker();
      }
      drawHistogram();
      renderRowsNow();
      return;
    }
    case 'rows':
      if (m.seq !== seq) return;
      m.rows.forEach((r) => rows.set(r.row, r));
      renderRows();
      return;
    case 'athena':
      if (m.bucket && !bucketInput.value) bucketInput.value = m.bucket;
      athenaError.textContent = m.error ?? '';
      athenaError.hidden = !m.error;
      createPre.textContent = m.createTable ?? '';
      selectPre.textContent = m.select ?? '';
      return;
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  if (isHostMessage(event.data)) onMessage(event.data);
});
document.addEventListener('pointerdown', (e) => {
  if (picking && !picker.contains(e.target as Node) && !pickButtons.get(picking)?.contains(e.target as Node))
    closePicker();
});
syncInputs();
vscode.postMessage({ type: 'ready' });
