// Page script of the fleet overview: a header with the fleet and "Refresh all", then one card per
// section, each drawn from its own `section` message (loading, ready with its data, or its error
// with Retry), so a slow or failed section never holds up another. Service text goes in through
// textContent only (the DOM helpers); statuses show as a word, a codicon and a theme colour.
import { button, h, icon, replaceChildrenKeepingFocus } from '../../panel/webview/lib/dom';
import { vscodeApi } from '../../panel/webview/lib/vscodeApi';
import type { FleetInfoView } from '../../panel/fleetInfo';
import {
  isHostMessage,
  type AttributesView,
  type ComputesView,
  type DeploymentsView,
  type FieldView,
  type HostMessage,
  type LocationsView,
  type LogsView,
  type PageMessage,
  type PersistedState,
  type RuntimeView,
  type SectionId,
  type SectionState,
  type StatusView,
  type Tone,
} from '../protocol';

const vscode = vscodeApi<PageMessage, PersistedState>();
const app = document.getElementById('app') as HTMLElement;

const TITLES: Record<SectionId, string> = {
  attributes: 'Attributes',
  runtime: 'Runtime configuration',
  locations: 'Capacity and status per location',
  computes: 'Computes',
  deployments: 'Deployments',
  logs: 'Log configuration',
};

const TONE_ICONS: Record<Tone, string> = {
  ok: 'pass',
  progress: 'sync',
  warning: 'warning',
  error: 'error',
  ended: 'circle-slash',
  unknown: 'question',
};

let fleet: FleetInfoView | undefined;
let order: readonly SectionId[] = [];
const states = new Map<SectionId, SectionState>();
const cards = new Map<SectionId, HTMLElement>();
/** The computes table's text filter (over the loaded rows; kept across redraws). */
let computeText = '';

function post(message: PageMessage): void {
  vscode.postMessage(message);
}

function statusBadge(s: StatusView): HTMLElement {
  return h(
    'span',
    { className: `status tone-${s.tone}`, attrs: { title: s.status } },
    icon(TONE_ICONS[s.tone]),
    h('span', { text: s.label }),
  );
}

function fieldList(fields: readonly FieldView[]): HTMLElement {
  const list = h('dl', { className: 'fields' });
  for (const f of fields) {
    list.append(h('dt', { text: f.label }), h('dd', { className: f.mono ? 'mono' : '', text: f.value }));
  }
  return list;
}

function table(caption: string, headers: readonly string[], rows: readonly HTMLTableRowElement[]): HTMLElement {
  const head = h('tr', {}, ...headers.map((t) => h('th', { text: t, attrs: { scope: 'col' } })));
  return h(
    'div',
    { className: 'table-host' },
    h(
      'table',
      {},
      h('caption', { className: 'visually-hidden', text: caption }),
      h('thead', {}, head),
      h('tbody', {}, ...rows),
    ),
  );
}

function cell(text: string | number | undefined, className = ''): HTMLTableCellElement {
  return h('td', { className, text: text === undefined ? '' : String(text) });
}

function empty(text: string): HTMLElement {
  return h('p', { className: 'empty muted' }, icon('info'), h('span', { text }));
}

// ---------- sections ----------

function attributesBody(v: AttributesView): HTMLElement {
  return fieldList(v.fields);
}

function runtimeBody(v: RuntimeView): HTMLElement {
  const rows = v.processes.map((p) =>
    h('tr', {}, cell(p.launchPath, 'mono'), cell(p.parameters ?? '', 'mono'), cell(p.concurrentExecutions, 'num')),
  );
  return h(
    'div',
    {},
    rows.length > 0
      ? table('Server processes', ['Launch path', 'Parameters', 'Concurrent'], rows)
      : empty('The runtime configuration launches no server processes.'),
    v.fields.length > 0 ? fieldList(v.fields) : undefined,
  );
}

function locationsBody(v: LocationsView): HTMLElement {
  const groups = v.locations.some((l) => l.containerGroups);
  const headers = [
    'Location',
    'Status',
    ...(v.hasCounts ? ['Desired', 'Min', 'Max', 'Active', 'Pending', 'Idle', 'Terminating'] : []),
    ...(groups ? ['Game server groups'] : []),
    'Notes',
  ];
  const rows = v.locations.map((l) => {
    const n = l.instances;
    const notes = [
      l.stoppedActions.length > 0 ? `Stopped: ${l.stoppedActions.join(', ')}` : '',
      l.updateStatus ? `Update: ${l.updateStatus}` : '',
      l.capacityError ?? '',
    ].filter((t) => t);
    const g = l.containerGroups;
    const row = h(
      'tr',
      { className: l.status && (l.status.tone === 'error' || l.status.tone === 'warning') ? 'attention' : '' },
      h(
        'td',
        {},
        h('span', { className: 'mono', text: l.location }),
        l.home ? h('span', { className: 'tag', text: 'home' }) : undefined,
      ),
      h('td', {}, l.status ? statusBadge(l.status) : h('span', { className: 'muted', text: 'unknown' })),
      ...(v.hasCounts
        ? [n?.desired, n?.minimum, n?.maximum, n?.active, n?.pending, n?.idle, n?.terminating].map((x) =>
            cell(x ?? '–', 'num'),
          )
        : []),
      ...(groups ? [cell(g ? `${g.active} active · ${g.idle} idle · ${g.pending} pending` : '')] : []),
      h('td', { className: l.capacityError ? 'error-text' : '', text: notes.join(' · ') }),
    );
    return row;
  });
  return h(
    'div',
    {},
    v.multiLocation
      ? undefined
      : h(
          'p',
          { className: 'muted note' },
          icon('info'),
          h('span', { text: 'This Region has no multi-location fleets: only the home Region is shown.' }),
        ),
    table('Locations', headers, rows),
  );
}

function locationOptions(current: string | undefined): string[] {
  const locations = states.get('locations');
  const known =
    locations?.state === 'ready' && locations.view.kind === 'locations'
      ? locations.view.locations.map((l) => l.location)
      : [];
  return current && !known.includes(current) ? [...known, current] : known;
}

function select(
  label: string,
  action: string,
  options: ReadonlyArray<readonly [string, string]>,
  value: string,
  onChange: (value: string) => void,
): HTMLElement {
  const el = h('select', { attrs: { 'data-action': action, 'aria-label': label } });
  for (const [v, text] of options) {
    const option = h('option', { text, attrs: { value: v } });
    option.selected = v === value;
    el.append(option);
  }
  el.addEventListener('change', () => onChange(el.value));
  return h('label', { className: 'control' }, h('span', { text: label }), el);
}

function computeMatches(text: string, name: string, rowText: string): boolean {
  const needle = text.trim().toLowerCase();
  return needle === '' || name.toLowerCase().includes(needle) || rowText.toLowerCase().includes(needle);
}

function computesBody(v: ComputesView): HTMLElement {
  const filterTo = (change: { location?: string; status?: string }) => {
    const next = { ...v.filter, ...change };
    post({
      type: 'filterComputes',
      filter: {
        ...(next.location ? { location: next.location } : {}),
        ...(next.status === 'ACTIVE' || next.status === 'IMPAIRED' ? { status: next.status } : {}),
      },
    });
  };
  const controls = h(
    'div',
    { className: 'controls' },
    select(
      'Location',
      'computeLocation',
      [['', 'All locations'], ...locationOptions(v.filter.location).map((l) => [l, l] as const)],
      v.filter.location ?? '',
      (location) => filterTo({ location }),
    ),
    v.statusFilter
      ? select(
          'Status',
          'computeStatus',
          [
            ['', 'Any status'],
            ['ACTIVE', 'Active'],
            ['IMPAIRED', 'Impaired'],
          ],
          v.filter.status ?? '',
          (status) => filterTo({ status }),
        )
      : undefined,
  );
  const search = h('input', {
    attrs: {
      type: 'search',
      'data-action': 'computeText',
      'aria-label': 'Filter the loaded computes by name, address or instance',
      placeholder: 'Filter loaded computes',
    },
  });
  search.value = computeText;
  controls.append(h('label', { className: 'control grow' }, h('span', { text: 'Find' }), search));

  const rows = v.computes.map((c) => {
    const text = [c.status.label, c.location, c.address, c.instance, ...(c.containers ?? [])].join(' ');
    const row = h(
      'tr',
      { className: c.attention ? 'attention' : '', attrs: { 'data-text': text, 'data-name': c.name } },
      cell(c.name, 'mono'),
      h('td', {}, statusBadge(c.status)),
      cell(c.location, 'mono'),
      cell(c.address, 'mono'),
      cell(c.instance),
      cell(c.created),
      cell(c.containers?.join(', ')),
    );
    row.hidden = !computeMatches(computeText, c.name, text);
    return row;
  });
  const count = h('span', { className: 'muted' });
  const refreshCount = () => {
    const shown = rows.filter((r) => !r.hidden).length;
    count.textContent =
      shown === rows.length
        ? `${rows.length} loaded${v.hasMore ? ', more to load' : ''}`
        : `${shown} of ${rows.length} loaded match`;
  };
  search.addEventListener('input', () => {
    computeText = search.value;
    for (const row of rows) {
      row.hidden = !computeMatches(
        computeText,
        row.getAttribute('data-name') ?? '',
        row.getAttribute('data-text') ?? '',
      );
    }
    refreshCount();
  });
  refreshCount();
  const footer = h(
    'div',
    { className: 'footer' },
    count,
    v.hasMore
      ? button({
          label: v.loadingMore ? 'Loading…' : 'Load more',
          icon: v.loadingMore ? 'loading' : 'more',
          action: 'loadMoreComputes',
          disabled: v.loadingMore,
          onClick: () => post({ type: 'loadMoreComputes' }),
        })
      : undefined,
    v.moreError ? h('span', { className: 'error-text', attrs: { role: 'alert' }, text: v.moreError }) : undefined,
  );
  return h(
    'div',
    {},
    controls,
    rows.length > 0
      ? table('Computes', ['Name', 'Status', 'Location', 'Address', 'Instance', 'Created', 'Containers'], rows)
      : empty(
          v.filter.location || v.filter.status
            ? 'No computes match this filter.'
            : 'The fleet has no computes right now.',
        ),
    footer,
  );
}

function deploymentsBody(v: DeploymentsView): HTMLElement {
  if (v.deployments.length === 0) return empty('The fleet has no deployments.');
  const latest = v.latest;
  const rows = v.deployments.map((d) =>
    h(
      'tr',
      { className: d.status.tone === 'error' || d.rollback ? 'attention' : '' },
      cell(d.deploymentId, 'mono'),
      h('td', {}, statusBadge(d.status)),
      cell(d.created),
    ),
  );
  return h(
    'div',
    {},
    latest
      ? h(
          'div',
          { className: 'latest' },
          h(
            'h3',
            {},
            h('span', { text: 'Latest deployment ' }),
            h('span', { className: 'mono', text: latest.deploymentId }),
            ' ',
            statusBadge(latest.status),
          ),
          latest.locations.length > 0
            ? h(
                'ul',
                { className: 'location-states', attrs: { 'aria-label': 'Status per location' } },
                ...latest.locations.map((l) =>
                  h('li', {}, h('span', { className: 'mono', text: l.location }), ' ', statusBadge(l.status)),
                ),
              )
            : undefined,
          fieldList(latest.fields),
        )
      : undefined,
    h('h3', { text: 'Newest first' }),
    table('Deployments', ['Deployment', 'Status', 'Started'], rows),
  );
}

function logsBody(v: LogsView): HTMLElement {
  return h(
    'div',
    {},
    fieldList(v.fields),
    v.destination === 'cloudwatch'
      ? h(
          'div',
          { className: 'footer' },
          button({
            label: 'Open container logs',
            icon: 'output',
            action: 'openLogs',
            title: 'Pick a log stream, or all of them, and open its lines in the editor',
            onClick: () => post({ type: 'containerLogs', action: 'open' }),
          }),
          button({
            label: 'Search logs…',
            icon: 'search',
            action: 'searchLogs',
            title: 'Run a CloudWatch Logs filter pattern across the log group',
            onClick: () => post({ type: 'containerLogs', action: 'search' }),
          }),
        )
      : undefined,
    v.advice
      ? h(
          'p',
          { className: `advice ${v.destination === 'none' ? 'tone-warning' : ''}` },
          icon(v.destination === 'none' ? 'warning' : 'info'),
          h('span', { text: v.advice }),
        )
      : undefined,
  );
}

function sectionBody(state: SectionState): HTMLElement {
  switch (state.state) {
    case 'loading':
      return h(
        'p',
        { className: 'muted busy' },
        icon('loading', 'codicon-modifier-spin'),
        h('span', { text: 'Loading…' }),
      );
    case 'error':
      return h(
        'div',
        { className: 'section-error', attrs: { role: 'alert' } },
        icon('error'),
        h('span', { className: 'message', text: state.message }),
        button({
          label: 'Retry',
          icon: 'refresh',
          action: `retry-${state.id}`,
          variant: 'primary',
          onClick: () => post({ type: 'refresh', section: state.id }),
        }),
      );
    case 'ready': {
      const v = state.view;
      switch (v.kind) {
        case 'attributes':
          return attributesBody(v);
        case 'runtime':
          return runtimeBody(v);
        case 'locations':
          return locationsBody(v);
        case 'computes':
          return computesBody(v);
        case 'deployments':
          return deploymentsBody(v);
        case 'logs':
          return logsBody(v);
      }
    }
  }
}

function renderSection(id: SectionId): void {
  const card = cards.get(id);
  const state = states.get(id);
  if (!card || !state) return;
  const headingId = `heading-${id}`;
  card.setAttribute('aria-busy', String(state.state === 'loading'));
  replaceChildrenKeepingFocus(
    card,
    h(
      'div',
      { className: 'card-head' },
      h('h2', { text: TITLES[id], attrs: { id: headingId } }),
      h('span', {
        className: 'muted when',
        text: state.state === 'ready' ? `Read ${state.loadedAt}` : '',
      }),
      button({
        label: `Refresh ${TITLES[id].toLowerCase()}`,
        icon: 'refresh',
        action: `refresh-${id}`,
        variant: 'icon',
        disabled: state.state === 'loading',
        onClick: () => post({ type: 'refresh', section: id }),
      }),
    ),
    h('div', { className: 'card-body' }, sectionBody(state)),
  );
}

function renderAll(): void {
  if (!fleet) return;
  const f = fleet;
  const name = f.name ? `${f.name} (${f.fleetId})` : f.fleetId;
  const facts = [
    f.region,
    f.profile ? `profile ${f.profile}` : undefined,
    f.endpoint ? `endpoint ${f.endpoint}` : undefined,
  ]
    .filter((s): s is string => s !== undefined)
    .join(' · ');
  const header = h(
    'header',
    { className: 'header' },
    h('div', { className: 'title-row' }, icon('dashboard', 'title-icon'), h('h1', { text: `Overview of ${name}` })),
    h('p', { className: 'subtitle', text: facts }),
    h(
      'nav',
      { className: 'toolbar', attrs: { 'aria-label': 'Overview actions' } },
      button({
        label: 'Refresh all',
        icon: 'refresh',
        action: 'refreshAll',
        title: 'Read every section again',
        onClick: () => post({ type: 'refresh' }),
      }),
    ),
  );
  cards.clear();
  const main = h('main', { className: 'content' });
  for (const id of order) {
    const card = h('section', { className: 'card', attrs: { 'aria-labelledby': `heading-${id}`, 'data-section': id } });
    cards.set(id, card);
    main.append(card);
  }
  app.setAttribute('aria-busy', 'false');
  replaceChildrenKeepingFocus(app, header, main);
  for (const id of order) renderSection(id);
}

function onHostMessage(message: HostMessage): void {
  if (message.type === 'overview') {
    fleet = message.fleet;
    order = message.sections;
    vscode.setState(message.persist);
    renderAll();
    return;
  }
  states.set(message.section.id, message.section);
  renderSection(message.section.id);
  // The computes' location choices come from the locations section.
  if (message.section.id === 'locations' && states.get('computes')?.state === 'ready') renderSection('computes');
}

window.addEventListener('message', (event: MessageEvent) => {
  if (isHostMessage(event.data)) onHostMessage(event.data);
});
vscode.postMessage({ type: 'ready' });
