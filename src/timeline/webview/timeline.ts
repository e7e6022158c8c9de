// Page script of the fleet timeline: an SVG built with createElementNS/textContent (no
// charting library). Time runs left to right; a status band on top shows the fleet's status
// reconstructed from FLEET_STATE_* events; below it one lane per category with a mark per
// event, shaped and coloured by severity (a busy lane: one bar per pixel column, as tall as its
// events are many, coloured by the worst), the diagnosis' evidence ringed. Marks are keyboard navigable (roving tabindex,
// arrows move, Enter opens), show a tooltip on hover/focus, and open the event's details.
import { button, h, icon, replaceChildrenKeepingFocus, svg } from '../../panel/webview/lib/dom';
import { vscodeApi } from '../../panel/webview/lib/vscodeApi';
import {
  isHostMessage,
  type ChangeMarkView,
  type ChangesLaneView,
  type HostMessage,
  type PageMessage,
  type PersistedState,
  type TimelineMarkView,
  type TimelineViewModel,
} from '../protocol';
import { groupSeverity, mergeColumns } from '../laneMarks';
import { axisTicks } from '../timeTicks';

const vscode = vscodeApi<PageMessage, PersistedState>();
const app = document.getElementById('app') as HTMLElement;

let model: TimelineViewModel | undefined;
/** The mark that holds the roving tabindex, by event ID (survives re-renders). */
let focusedId: string | undefined;

const LABEL_WIDTH = 190;
const RIGHT_PAD = 24;
const BAND_HEIGHT = 24;
const LANE_HEIGHT = 40;
const AXIS_HEIGHT = 30;
const TOP = 8;
const MARK_SIZE = 7;

const SEVERITY_LABEL: Record<string, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

const tooltip = h('div', { className: 'tooltip', attrs: { role: 'tooltip', id: 'mark-tooltip', hidden: '' } });
document.body.appendChild(tooltip);

function localTime(ms: number, withDate: boolean): string {
  const d = new Date(ms);
  return withDate
    ? d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
    : d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

function tickLabel(ms: number, dateLabels: boolean): string {
  const d = new Date(ms);
  return dateLabels
    ? d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
    : d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

function markShape(severity: string, x: number, y: number): SVGElement {
  const s = MARK_SIZE;
  if (severity === 'error') {
    return svg('polygon', { points: `${x},${y - s - 1} ${x + s + 1},${y} ${x},${y + s + 1} ${x - s - 1},${y}` });
  }
  if (severity === 'warning') {
    return svg('polygon', { points: `${x},${y - s} ${x + s},${y + s - 1} ${x - s},${y + s - 1}` });
  }
  return svg('circle', { cx: x, cy: y, r: s - 1 });
}

function groupLines(mark: TimelineMarkView): (HTMLElement | undefined)[] {
  const g = mark.group!;
  const counts = [
    g.errors > 0 ? `${g.errors} error${g.errors === 1 ? '' : 's'}` : undefined,
    g.warnings > 0 ? `${g.warnings} warning${g.warnings === 1 ? '' : 's'}` : undefined,
    g.evidence > 0 ? `${g.evidence} cited by the diagnosis` : undefined,
  ].filter((c): c is string => c !== undefined);
  return [
    h('strong', { text: `${g.events.toLocaleString()} events` }),
    counts.length > 0 ? h('div', { className: 'tt-meta', text: counts.join(' · ') }) : undefined,
    h('div', { className: 'tt-time', text: `${localTime(g.start, true)} – ${localTime(g.end, true)}` }),
    h(
      'div',
      { className: 'tt-message' },
      'Most telling: ',
      h('code', { text: mark.eventCode }),
      ` ${localTime(mark.time, true)}`,
    ),
    h('div', { className: 'tt-hint', text: 'Click or press Enter to open that event.' }),
  ];
}

function showTooltip(mark: TimelineMarkView, anchor: SVGGraphicsElement): void {
  const lines = mark.group
    ? groupLines(mark)
    : [
        h('strong', { text: mark.title }),
        h(
          'div',
          { className: 'tt-meta' },
          h('span', { className: `badge sev-${mark.severity}`, text: SEVERITY_LABEL[mark.severity] ?? mark.severity }),
          ' ',
          h('code', { text: mark.eventCode }),
        ),
        h('div', { className: 'tt-time', text: `${localTime(mark.time, true)} · ${mark.timeUtc}` }),
        mark.evidence ? h('div', { className: 'tt-evidence', text: 'Evidence of the fleet’s diagnosis.' }) : undefined,
        mark.count !== undefined && mark.count > 1 ? h('div', { text: `Count: ${mark.count}` }) : undefined,
        mark.message
          ? h('div', {
              className: 'tt-message',
              text: mark.message.length > 400 ? `${mark.message.slice(0, 400)}…` : mark.message,
            })
          : undefined,
        h('div', { className: 'tt-hint', text: 'Click or press Enter to open the details.' }),
      ];
  placeTooltip(lines, anchor);
}

function placeTooltip(lines: readonly (HTMLElement | undefined)[], anchor: SVGGraphicsElement): void {
  tooltip.replaceChildren(...lines.filter((l): l is HTMLElement => l !== undefined));
  tooltip.hidden = false;
  const box = anchor.getBoundingClientRect();
  const tipBox = tooltip.getBoundingClientRect();
  let left = box.left + box.width / 2 - tipBox.width / 2 + window.scrollX;
  left = Math.max(
    8 + window.scrollX,
    Math.min(left, window.scrollX + document.documentElement.clientWidth - tipBox.width - 8),
  );
  let top = box.bottom + 8 + window.scrollY;
  if (box.bottom + 8 + tipBox.height > document.documentElement.clientHeight)
    top = box.top - tipBox.height - 8 + window.scrollY;
  tooltip.style.left = `${left}px`;
  tooltip.style.top = `${top}px`;
}

function showChangeTooltip(mark: ChangeMarkView, anchor: SVGGraphicsElement): void {
  const lines = [
    h('strong', { text: mark.eventName }),
    h(
      'div',
      { className: 'tt-meta' },
      h('span', { className: 'badge', text: 'CloudTrail' }),
      mark.errorCode ? h('span', { className: 'badge sev-error', text: `Failed: ${mark.errorCode}` }) : undefined,
    ),
    h('div', { text: `By ${mark.who || 'unknown'}` }),
    h('div', { className: 'tt-time', text: `${localTime(mark.time, true)} · ${mark.timeUtc}` }),
    h('div', { className: 'tt-hint', text: 'Click or press Enter to open the CloudTrail record.' }),
  ];
  placeTooltip(lines, anchor);
}

function hideTooltip(): void {
  tooltip.hidden = true;
}

/** A mark the keyboard can reach: an event, or a change on the Changes lane. */
interface ChartMark {
  readonly id: string;
  readonly time: number;
  readonly el: SVGGElement;
  readonly lane: number;
  readonly index: number;
  readonly open: () => void;
}

/** A mark's tooltip on hover and focus, its place in the roving focus, and what a click opens. */
function wireMark(
  mg: SVGElement,
  eventId: string,
  setRoving: (id: string) => void,
  tooltip: () => void,
  open: () => void,
): void {
  mg.addEventListener('mouseenter', tooltip);
  mg.addEventListener('mouseleave', hideTooltip);
  mg.addEventListener('focus', () => {
    focusedId = eventId;
    setRoving(eventId);
    tooltip();
  });
  mg.addEventListener('blur', hideTooltip);
  mg.addEventListener('click', open);
}

/** The Changes lane: one square per CloudTrail write call (outlined red when it failed). */
function renderChangesLane(
  lane: ChangesLaneView,
  x: (t: number) => number,
  y: number,
  width: number,
  plotLeft: number,
  allMarks: ChartMark[],
  setRoving: (id: string | undefined) => void,
): SVGGElement {
  const n = lane.marks.length;
  const g = svg('g', { class: 'lane changes', role: 'list', 'aria-label': `Changes: ${n} call${n === 1 ? '' : 's'}` });
  g.append(svg('rect', { x: 0, y, width, height: LANE_HEIGHT, class: 'lane-bg changes-bg', 'aria-hidden': 'true' }));
  g.append(svg('text', { x: 8, y: y + LANE_HEIGHT / 2 + 4, class: 'lane-label', 'aria-hidden': 'true' }, 'Changes'));
  const note = lane.error
    ? lane.error
    : n === 0
      ? lane.loading
        ? 'Reading CloudTrail…'
        : `No write calls on this fleet in this range${lane.outside > 0 ? ` (${lane.outside} earlier)` : ''}`
      : lane.outside > 0
        ? `${lane.outside} earlier not shown`
        : '';
  if (note) {
    const noteX = n === 0 ? plotLeft : 8;
    const noteY = n === 0 ? y + LANE_HEIGHT / 2 + 4 : y + LANE_HEIGHT - 4;
    g.append(
      svg('text', { x: noteX, y: noteY, class: lane.error ? 'muted-label lane-error' : 'muted-label small' }, note),
    );
  }
  lane.marks.forEach((mark, index) => {
    const mx = x(mark.time);
    const my = y + LANE_HEIGHT / 2;
    const label = `${mark.eventName} by ${mark.who || 'unknown'}, ${localTime(mark.time, true)}${mark.errorCode ? `, failed: ${mark.errorCode}` : ''}`;
    const mg = svg('g', {
      class: `mark change${mark.errorCode ? ' failed' : ''}`,
      role: 'button',
      tabindex: -1,
      'aria-label': label,
      'aria-describedby': 'mark-tooltip',
      'data-change-id': mark.eventId,
    });
    const s = MARK_SIZE - 1;
    mg.append(svg('circle', { cx: mx, cy: my, r: MARK_SIZE + 5, class: 'hit' }));
    mg.append(svg('rect', { x: mx - s, y: my - s, width: 2 * s, height: 2 * s, rx: 1 }));
    const open = () => vscode.postMessage({ type: 'openChange', eventId: mark.eventId });
    wireMark(mg, mark.eventId, setRoving, () => showChangeTooltip(mark, mg), open);
    g.append(mg);
    allMarks.push({ id: mark.eventId, time: mark.time, el: mg, lane: 0, index, open });
  });
  return g;
}

function renderChart(m: TimelineViewModel, width: number): SVGSVGElement {
  const plotLeft = LABEL_WIDTH;
  const plotRight = Math.max(plotLeft + 120, width - RIGHT_PAD);
  const x = (t: number) => plotLeft + ((t - m.start) / (m.end - m.start)) * (plotRight - plotLeft);
  // The Changes lane (CloudTrail write calls) comes first, right under the status band.
  const laneCount = m.lanes.length + (m.changes ? 1 : 0);
  const lanesTop = TOP + BAND_HEIGHT + 12;
  const height = lanesTop + laneCount * LANE_HEIGHT + AXIS_HEIGHT;
  const root = svg('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    class: 'chart',
    role: 'group',
    'aria-label': 'Fleet events over time',
  });

  // Grid and axis.
  const { ticks, dateLabels } = axisTicks(m.start, m.end, Math.max(2, Math.floor((plotRight - plotLeft) / 110)));
  const grid = svg('g', { class: 'grid', 'aria-hidden': 'true' });
  const axisY = lanesTop + laneCount * LANE_HEIGHT;
  for (const t of ticks) {
    const tx = x(t);
    grid.append(svg('line', { x1: tx, x2: tx, y1: TOP, y2: axisY, class: 'gridline' }));
    grid.append(
      svg('text', { x: tx, y: axisY + 18, class: 'tick-label', 'text-anchor': 'middle' }, tickLabel(t, dateLabels)),
    );
  }
  grid.append(svg('line', { x1: plotLeft, x2: plotRight, y1: axisY, y2: axisY, class: 'axis' }));
  root.append(grid);

  // Status band.
  const band = svg('g', { class: 'status-band', role: 'list', 'aria-label': 'Fleet status over time' });
  band.append(
    svg('text', { x: 8, y: TOP + BAND_HEIGHT / 2 + 4, class: 'lane-label', 'aria-hidden': 'true' }, 'Fleet status'),
  );
  if (m.statusBand.length === 0) {
    band.append(
      svg(
        'text',
        { x: plotLeft, y: TOP + BAND_HEIGHT / 2 + 4, class: 'muted-label' },
        'No fleet state changes among the loaded events',
      ),
    );
  }
  for (const seg of m.statusBand) {
    const x1 = x(seg.start);
    const x2 = Math.max(x1 + 2, x(seg.end));
    const g = svg('g', {
      role: 'listitem',
      'aria-label': `${seg.changes ? `${seg.changes} status changes, ending ` : ''}${seg.status} from ${localTime(seg.start, true)}${seg.open ? ' onwards' : ` to ${localTime(seg.end, true)}`}`,
    });
    const rect = svg('rect', {
      x: x1,
      y: TOP,
      width: x2 - x1,
      height: BAND_HEIGHT,
      rx: 3,
      class: `segment tone-${seg.tone}`,
    });
    // Narrow segments have no room for a label; the native tooltip names the status.
    rect.append(svg('title', {}, seg.changes ? `${seg.changes} changes, ending ${seg.status}` : seg.status));
    g.append(rect);
    if (x2 - x1 > seg.status.length * 8.5 + 12) {
      g.append(
        svg(
          'text',
          { x: x1 + 6, y: TOP + BAND_HEIGHT / 2 + 4, class: `segment-label tone-${seg.tone}`, 'aria-hidden': 'true' },
          seg.status,
        ),
      );
    }
    band.append(g);
  }
  root.append(band);

  // Lanes and marks.
  const allMarks: ChartMark[] = [];
  const first = m.changes ? 1 : 0;
  if (m.changes) root.append(renderChangesLane(m.changes, x, lanesTop, width, plotLeft, allMarks, setRoving));
  m.lanes.forEach((lane, categoryIndex) => {
    const laneIndex = categoryIndex + first;
    const y = lanesTop + laneIndex * LANE_HEIGHT;
    const g = svg('g', {
      class: 'lane',
      role: 'list',
      'aria-label': `${lane.label}: ${lane.eventCount} event${lane.eventCount === 1 ? '' : 's'}`,
    });
    g.append(
      svg('rect', {
        x: 0,
        y,
        width,
        height: LANE_HEIGHT,
        class: laneIndex % 2 === 0 ? 'lane-bg even' : 'lane-bg odd',
        'aria-hidden': 'true',
      }),
    );
    g.append(svg('text', { x: 8, y: y + LANE_HEIGHT / 2 + 4, class: 'lane-label', 'aria-hidden': 'true' }, lane.label));
    // A busy lane: at most one mark per pixel column.
    const shown = lane.grouped ? mergeColumns(lane.marks, (t) => Math.floor(x(t))) : lane.marks;
    shown.forEach((mark, index) => {
      const mx = x(mark.time);
      const my = y + LANE_HEIGHT / 2;
      const severity = mark.group ? groupSeverity(mark.group) : mark.severity;
      const label = mark.group
        ? `${mark.group.events} events, ${mark.group.errors} errors, ${localTime(mark.group.start, true)} to ${localTime(mark.group.end, true)}`
        : `${mark.title}, ${SEVERITY_LABEL[mark.severity] ?? mark.severity}, ${localTime(mark.time, true)}${mark.evidence ? ', evidence of the diagnosis' : ''}`;
      const evidence = mark.group ? mark.group.evidence > 0 : mark.evidence === true;
      const mg = svg('g', {
        class: `mark sev-${severity}${mark.group ? ' group' : ''}${evidence ? ' evidence' : ''}`,
        role: 'button',
        tabindex: -1,
        'aria-label': label,
        'aria-describedby': 'mark-tooltip',
        'data-event-id': mark.eventId,
      });
      if (mark.group) {
        // A bar from the group's first to its last event, taller the more events it holds.
        const x1 = x(mark.group.start);
        // The target reaches 3 pixels out, but never past halfway to a neighbour, and a bar at
        // least 2 pixels wide never covers the next one: bars side by side in a busy lane each
        // get their own pointer.
        const prev = shown[index - 1];
        const next = shown[index + 1];
        const prevEnd = prev ? x(prev.group?.end ?? prev.time) : -Infinity;
        const nextStart = next ? x(next.group?.start ?? next.time) : Infinity;
        const w = Math.max(1, Math.min(Math.max(2, x(mark.group.end) - x1), nextStart - x1));
        const barHeight = Math.min(LANE_HEIGHT - 8, 6 + 5 * Math.log10(mark.group.events));
        const left = Math.max(x1 - 3, (prevEnd + x1) / 2);
        const right = Math.min(x1 + w + 3, (x1 + w + nextStart) / 2);
        mg.append(
          svg('rect', { x: left, y: y + 2, width: Math.max(1, right - left), height: LANE_HEIGHT - 4, class: 'hit' }),
        );
        mg.append(svg('rect', { x: x1, y: my - barHeight / 2, width: w, height: barHeight, class: 'bar' }));
        if (evidence) mg.append(svg('circle', { cx: x1 + w / 2, cy: my, r: MARK_SIZE + 2, class: 'evidence-ring' }));
      } else {
        // A larger transparent target makes small marks easy to hit.
        mg.append(svg('circle', { cx: mx, cy: my, r: MARK_SIZE + 5, class: 'hit' }));
        if (evidence) mg.append(svg('circle', { cx: mx, cy: my, r: MARK_SIZE + 3, class: 'evidence-ring' }));
        mg.append(markShape(mark.severity, mx, my));
      }
      const open = () => vscode.postMessage({ type: 'openEvent', eventId: mark.eventId });
      wireMark(mg, mark.eventId, setRoving, () => showTooltip(mark, mg), open);
      g.append(mg);
      allMarks.push({ id: mark.eventId, time: mark.time, el: mg, lane: laneIndex, index, open });
    });
    root.append(g);
  });

  function setRoving(eventId: string | undefined): void {
    for (const item of allMarks) item.el.setAttribute('tabindex', item.id === eventId ? '0' : '-1');
  }
  const start = allMarks.find((a) => a.id === focusedId) ?? allMarks[allMarks.length - 1];
  setRoving(start?.id);

  root.addEventListener('keydown', (e: KeyboardEvent) => {
    const current = allMarks.find((a) => a.el === document.activeElement);
    if (!current) return;
    const laneMarks = (lane: number) => allMarks.filter((a) => a.lane === lane);
    let next: ChartMark | undefined;
    switch (e.key) {
      case 'ArrowRight':
        next = laneMarks(current.lane)[current.index + 1];
        break;
      case 'ArrowLeft':
        next = laneMarks(current.lane)[current.index - 1];
        break;
      case 'ArrowUp':
      case 'ArrowDown': {
        const lane = current.lane + (e.key === 'ArrowUp' ? -1 : 1);
        const candidates = laneMarks(lane);
        next = candidates.reduce<ChartMark | undefined>(
          (best, c) => (!best || Math.abs(c.time - current.time) < Math.abs(best.time - current.time) ? c : best),
          undefined,
        );
        break;
      }
      case 'Home':
        next = allMarks.slice().sort((a, b) => a.time - b.time)[0];
        break;
      case 'End':
        next = allMarks.slice().sort((a, b) => b.time - a.time)[0];
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        current.open();
        return;
      case 'Escape':
        hideTooltip();
        return;
      default:
        return;
    }
    e.preventDefault();
    if (next) next.el.focus();
  });
  return root;
}

function legend(withEvidence: boolean): HTMLElement {
  const item = (cls: string, shape: string, text: string) => {
    const s = svg('svg', {
      width: 16,
      height: 16,
      viewBox: '0 0 16 16',
      'aria-hidden': 'true',
      class: `legend-mark ${cls}`,
    });
    s.append(
      shape === 'circle'
        ? svg('circle', { cx: 8, cy: 8, r: 5 })
        : shape === 'triangle'
          ? svg('polygon', { points: '8,2 14,13 2,13' })
          : shape === 'square'
            ? svg('rect', { x: 3, y: 3, width: 10, height: 10, rx: 1 })
            : svg('polygon', { points: '8,1 15,8 8,15 1,8' }),
    );
    return h('li', {}, s, h('span', { text }));
  };
  const tone = (t: string, text: string) =>
    h('li', {}, h('span', { className: `swatch tone-${t}`, attrs: { 'aria-hidden': 'true' } }), h('span', { text }));
  return h(
    'ul',
    { className: 'legend', attrs: { 'aria-label': 'Legend' } },
    legendTitle('Events:'),
    item('sev-error', 'diamond', 'Error'),
    item('sev-warning', 'triangle', 'Warning'),
    item('sev-info', 'circle', 'Info'),
    item('change', 'square', 'Change (CloudTrail)'),
    legendTitle('Status:'),
    tone('progress', 'In progress'),
    tone('ok', 'Active'),
    tone('error', 'Error'),
    tone('ended', 'Ended'),
    withEvidence ? evidenceItem() : undefined,
  );
}

function evidenceItem(): HTMLElement {
  const s = svg('svg', { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': 'true', class: 'legend-mark' });
  s.append(svg('circle', { cx: 8, cy: 8, r: 6, class: 'evidence-ring' }));
  return h('li', {}, s, h('span', { text: 'Diagnosis evidence' }));
}

function legendTitle(text: string): HTMLElement {
  return h('li', { className: 'legend-title', text });
}

function render(): void {
  if (!model) return;
  const m = model;
  const name = m.fleet.name ? `${m.fleet.name} (${m.fleet.fleetId})` : m.fleet.fleetId;
  const facts = [
    m.fleet.region,
    m.fleet.profile ? `profile ${m.fleet.profile}` : undefined,
    `${m.eventCount.toLocaleString()} loaded event${m.eventCount === 1 ? '' : 's'}`,
    m.untimedCount > 0 ? `${m.untimedCount} without a time` : undefined,
  ]
    .filter((s): s is string => s !== undefined)
    .join(' · ');
  const header = h(
    'header',
    { className: 'header' },
    h('div', { className: 'title-row' }, icon('graph-line', 'title-icon'), h('h1', { text: `Timeline of ${name}` })),
    h('p', { className: 'subtitle', text: facts }),
    m.diagnosisHeadline !== undefined
      ? h('p', { className: 'diagnosis' }, icon('pulse'), ' Diagnosis: ', h('span', { text: m.diagnosisHeadline }))
      : undefined,
    h(
      'nav',
      { className: 'toolbar', attrs: { 'aria-label': 'Timeline actions' } },
      button({
        label: 'Refresh',
        icon: 'refresh',
        action: 'refresh',
        title: 'Read the loaded events again (load more in the explorer first)',
        onClick: () => vscode.postMessage({ type: 'refreshTimeline' }),
      }),
      h('span', { className: 'spacer' }),
      legend(m.diagnosisHeadline !== undefined),
    ),
  );
  const chartHost = h('div', { className: 'chart-host' });
  const hint = h('p', {
    className: 'hint muted',
    text: 'Tab to the marks, move with the arrow keys, press Enter to open an event.',
  });
  const drawable = m.eventCount > 0 || (m.changes?.marks.length ?? 0) > 0;
  const body = !drawable
    ? h(
        'p',
        { className: 'empty' },
        icon('info'),
        ' No events are loaded for this fleet yet. Expand the fleet in the GameLift explorer (or load more), then press Refresh.',
      )
    : h('div', {}, chartHost, hint);
  app.setAttribute('aria-busy', 'false');
  replaceChildrenKeepingFocus(app, header, h('main', { className: 'content' }, body));
  if (drawable) drawChart(chartHost);
}

function drawChart(chartHost: HTMLElement): void {
  if (!model) return;
  const hadFocus = chartHost.contains(document.activeElement);
  const width = Math.max(420, chartHost.clientWidth || document.documentElement.clientWidth - 40);
  chartHost.replaceChildren(renderChart(model, width));
  if (hadFocus && focusedId) chartHost.querySelector<SVGGElement>('.mark[tabindex="0"]')?.focus();
}

function onHostMessage(message: HostMessage): void {
  model = message.model;
  vscode.setState(message.persist);
  render();
}

window.addEventListener('message', (event: MessageEvent) => {
  if (isHostMessage(event.data)) onHostMessage(event.data);
});
let lastWidth = 0;
new ResizeObserver(() => {
  const host = document.querySelector<HTMLElement>('.chart-host');
  if (!host || Math.abs(host.clientWidth - lastWidth) < 4) return;
  lastWidth = host.clientWidth;
  hideTooltip();
  drawChart(host);
}).observe(document.body);
vscode.postMessage({ type: 'ready' });
