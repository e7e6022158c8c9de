// Page script of the event details panel. Renders the view model the host posts (after our
// `ready`), with every service string set through textContent; runs the log-link countdown;
// turns button presses into protocol messages. Holds no URL: the host opens and copies links.
import { describeExpiry } from '../expiry';
import {
  isHostMessage,
  type DetailsViewModel,
  type HostMessage,
  type LogLinkView,
  type PageMessage,
  type PersistedState,
} from '../protocol';
import { formatRelative } from '../../common/timeFormat';
import { button, h, icon, replaceChildrenKeepingFocus } from '../../panel/webview/lib/dom';
import { HostClock, vscodeApi } from '../../panel/webview/lib/vscodeApi';

const vscode = vscodeApi<PageMessage, PersistedState>();
const clock = new HostClock();
const app = document.getElementById('app') as HTMLElement;

let model: DetailsViewModel | undefined;
let busyLabel = '';
let notice: { level: 'info' | 'warning' | 'error'; text: string } | undefined;
// Parts that the one-second tick updates in place.
let countdownEl: HTMLElement | undefined;
let countdownBar: HTMLElement | undefined;
let relativeEl: HTMLElement | undefined;
let renderedExpired: boolean | undefined;
// The polite live region: only written when its text changes (at most about once a minute).
const live = h('div', {
  className: 'visually-hidden',
  attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' },
});
document.body.appendChild(live);

const SEVERITY_LABEL: Record<string, string> = { error: 'Error', warning: 'Warning', info: 'Info' };
const SEVERITY_ICON: Record<string, string> = { error: 'error', warning: 'warning', info: 'info' };

function localTime(ms: number): string {
  const d = new Date(ms);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `${d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })}${zone ? ` (${zone})` : ''}`;
}

function field(
  label: string,
  value: Node | string | undefined,
  options: { mono?: boolean; copyable?: boolean } = {},
): HTMLElement[] {
  if (value === undefined || value === '') return [];
  const dd = h('dd', { className: options.mono ? 'mono' : undefined }, value);
  return [h('dt', { text: label }), dd];
}

function renderHeader(m: DetailsViewModel): HTMLElement {
  const e = m.event;
  const nav = m.navigation;
  const position =
    nav.position !== undefined ? `Event ${nav.position} of ${nav.total} loaded` : 'Not among the loaded events';
  return h(
    'header',
    { className: 'header' },
    h(
      'div',
      { className: 'title-row' },
      h('span', { className: `severity-icon sev-${e.severity}` }, icon(SEVERITY_ICON[e.severity] ?? 'info')),
      h('h1', { text: e.title }),
      h('span', { className: `badge sev-${e.severity}`, text: SEVERITY_LABEL[e.severity] ?? e.severity }),
      m.pinned
        ? undefined
        : h('span', {
            className: 'badge preview',
            text: 'Preview',
            attrs: { title: 'This panel follows the selection. Keep it open to stop it following.' },
          }),
    ),
    h(
      'p',
      { className: 'subtitle' },
      h('code', { text: e.eventCode }),
      ' · ',
      e.categoryLabel,
      ' · ',
      m.fleet.name ?? m.fleet.fleetId,
    ),
    h(
      'nav',
      { className: 'toolbar', attrs: { 'aria-label': 'Event actions' } },
      button({
        label: 'Newer',
        icon: 'arrow-up',
        action: 'newer',
        title: nav.newer ? `Newer event: ${nav.newer.title}` : 'No newer event loaded',
        disabled: !nav.newer,
        onClick: () => vscode.postMessage({ type: 'navigate', direction: 'newer' }),
      }),
      button({
        label: 'Older',
        icon: 'arrow-down',
        action: 'older',
        title: nav.older ? `Older event: ${nav.older.title}` : 'No older event loaded',
        disabled: !nav.older,
        onClick: () => vscode.postMessage({ type: 'navigate', direction: 'older' }),
      }),
      h('span', { className: 'position', text: position }),
      h('span', { className: 'spacer' }),
      button({
        label: 'Reveal in explorer',
        icon: 'list-tree',
        action: 'reveal',
        onClick: () => vscode.postMessage({ type: 'reveal' }),
      }),
      button({
        label: 'Copy JSON',
        icon: 'json',
        action: 'copyJson',
        title: 'Copy the event as JSON',
        onClick: () => vscode.postMessage({ type: 'copyJson' }),
      }),
      m.pinned
        ? undefined
        : button({
            label: 'Keep open',
            icon: 'pin',
            action: 'keepOpen',
            title: 'Keep this panel open for this event; the next event opens a new preview',
            onClick: () => vscode.postMessage({ type: 'keepOpen' }),
          }),
    ),
  );
}

function renderNotice(): HTMLElement | undefined {
  if (!notice) return undefined;
  const iconName = notice.level === 'error' ? 'error' : notice.level === 'warning' ? 'warning' : 'info';
  return h(
    'div',
    { className: `notice notice-${notice.level}`, attrs: { role: notice.level === 'error' ? 'alert' : 'status' } },
    icon(iconName),
    h('span', { text: notice.text }),
    button({
      label: 'Dismiss',
      icon: 'close',
      action: 'dismissNotice',
      variant: 'icon',
      onClick: () => {
        notice = undefined;
        render();
      },
    }),
  );
}

function freshLinkButton(primary: boolean): HTMLButtonElement {
  const busy = busyLabel !== '';
  return button({
    label: busy ? busyLabel : 'Get a fresh link',
    icon: busy ? 'loading' : 'refresh',
    action: 'refreshLink',
    variant: primary ? 'primary' : 'secondary',
    title: 'Ask GameLift for this event again to get a new link valid for 15 minutes',
    disabled: busy,
    onClick: () => vscode.postMessage({ type: 'refreshLink' }),
  });
}

/** Opens the log in the editor; the host renews an expired link first, without asking. */
function openLogButton(expired: boolean): HTMLButtonElement {
  return button({
    label: 'Open log',
    icon: 'go-to-file',
    action: 'openLog',
    variant: 'primary',
    title: expired
      ? 'Open the log in the editor (a fresh link is fetched first)'
      : 'Download the log and open it in the editor',
    onClick: () => vscode.postMessage({ type: 'openLog' }),
  });
}

function openInBrowserButton(): HTMLButtonElement {
  return button({
    label: 'Open in browser',
    icon: 'link-external',
    action: 'openLogInBrowser',
    title: 'Open the log link in your browser',
    onClick: () => vscode.postMessage({ type: 'openLogInBrowser' }),
  });
}

function renderLog(log: LogLinkView): HTMLElement {
  const section = h(
    'section',
    { className: 'card', attrs: { 'aria-labelledby': 'log-heading', 'aria-busy': busyLabel ? 'true' : 'false' } },
    h('h2', { text: 'Log', attrs: { id: 'log-heading' } }),
  );
  countdownEl = undefined;
  countdownBar = undefined;
  renderedExpired = undefined;
  const line = (iconName: string, text: string) =>
    h('p', { className: 'log-line' }, icon(iconName), h('span', { text }));
  switch (log.state) {
    case 'none':
      section.append(line('circle-slash', 'This event has no log.'));
      break;
    case 'gone':
      section.append(
        line(
          'warning',
          'GameLift no longer returns this event (it may be past the retention period), so no fresh link can be fetched.',
        ),
      );
      break;
    case 'stale':
      section.append(
        line('history', 'The log link was not kept when the window reloaded (it is only valid for 15 minutes).'),
        h('div', { className: 'actions' }, openLogButton(true), freshLinkButton(false)),
      );
      break;
    case 'available': {
      if (log.refusedReason) {
        section.append(
          line('shield', `The log link was refused: ${log.refusedReason}. It will not be opened or copied.`),
          h('p', { className: 'muted' }, 'Host: ', h('code', { text: log.host })),
        );
        break;
      }
      const expiry = describeExpiry(log.expiresAt, clock.now());
      renderedExpired = expiry.expired;
      countdownEl = h('span', { className: 'countdown', text: expiry.clockText, attrs: { 'aria-hidden': 'true' } });
      countdownBar = h('div', { className: 'expiry-fill' });
      const bar = h('div', { className: 'expiry-bar', attrs: { 'aria-hidden': 'true' } }, countdownBar);
      const expiresAtText = `Valid until ${new Date(expiry.expiresAt).toLocaleTimeString()}`;
      section.append(
        h('p', { className: 'log-line' }, icon('file'), h('span', {}, 'Log file on ', h('code', { text: log.host }))),
        h(
          'p',
          { className: `expiry ${expiry.expired ? 'expired' : ''}` },
          icon(expiry.expired ? 'clock' : 'watch'),
          countdownEl,
          h('span', { className: 'muted', text: ` · ${expiresAtText}` }),
        ),
        bar,
      );
      const actions = h('div', { className: 'actions' }, openLogButton(expiry.expired), openInBrowserButton());
      if (!expiry.expired)
        actions.append(
          button({
            label: 'Copy link',
            icon: 'copy',
            action: 'copyLogLink',
            title: 'Copy the presigned link (it works for anyone who has it until it expires)',
            onClick: () => vscode.postMessage({ type: 'copyLogLink' }),
          }),
        );
      actions.append(freshLinkButton(false));
      section.append(actions);
      updateCountdown();
      break;
    }
  }
  return section;
}

function renderGuidance(m: DetailsViewModel): HTMLElement {
  return h(
    'section',
    { className: 'card', attrs: { 'aria-labelledby': 'guide-heading' } },
    h('h2', { text: 'What it means', attrs: { id: 'guide-heading' } }),
    h('p', { text: m.guidance.explanation }),
    h('h3', { text: 'What to do', attrs: { id: 'steps-heading' } }),
    h(
      'ol',
      { className: 'steps', attrs: { 'aria-labelledby': 'steps-heading' } },
      ...m.guidance.nextSteps.map((s) => h('li', { text: s })),
    ),
    h(
      'div',
      { className: 'actions' },
      button({
        label: 'AWS guide to fleet events',
        icon: 'book',
        action: 'openDocs',
        variant: 'secondary',
        title: 'Open the GameLift developer guide page on fleet events in your browser',
        onClick: () => vscode.postMessage({ type: 'openDocs' }),
      }),
    ),
  );
}

function renderFields(m: DetailsViewModel): HTMLElement {
  const e = m.event;
  const f = m.fleet;
  relativeEl = e.eventTime !== undefined ? h('span', { text: formatRelative(e.eventTime, clock.now()) }) : undefined;
  const severity = h(
    'span',
    {},
    h('span', { className: `badge sev-${e.severity}`, text: SEVERITY_LABEL[e.severity] ?? e.severity }),
    ' ',
    h('span', { className: 'muted', text: e.severityReason }),
  );
  return h(
    'section',
    { className: 'card', attrs: { 'aria-labelledby': 'fields-heading' } },
    h('h2', { text: 'Event', attrs: { id: 'fields-heading' } }),
    h(
      'dl',
      { className: 'fields' },
      ...field('Event ID', e.eventId, { mono: true }),
      ...field(
        'Event code',
        h(
          'span',
          {},
          h('code', { text: e.eventCode }),
          e.knownCode ? '' : ' (not known to this version of the extension)',
        ),
      ),
      ...field('Category', e.categoryLabel),
      ...field('Severity', severity),
      ...field('Resource ID', e.resourceId, { mono: true }),
      ...field('Time (UTC)', e.eventTimeUtc, { mono: true }),
      ...field('Local time', e.eventTime !== undefined ? localTime(e.eventTime) : undefined),
      ...field('Relative', relativeEl),
      ...field('Count', e.count !== undefined ? String(e.count) : undefined),
    ),
    h('h3', { text: 'Fleet' }),
    h(
      'dl',
      { className: 'fields' },
      ...field('Name', f.name),
      ...field('Fleet ID', f.fleetId, { mono: true }),
      ...field('Status', f.status),
      ...field('Region', f.region, { mono: true }),
      ...field('Profile', f.profile ?? 'default credential chain'),
      ...field('Endpoint', f.endpoint, { mono: true }),
    ),
  );
}

/** The fleet's diagnosis headline, when the fleet is not healthy. */
function renderDiagnosis(m: DetailsViewModel): HTMLElement | undefined {
  const d = m.diagnosis;
  if (!d) return undefined;
  const level = d.verdict === 'failed' ? 'error' : 'warning';
  return h(
    'div',
    { className: `notice notice-${level} diagnosis-banner`, attrs: { role: 'status' } },
    icon(d.verdict === 'failed' ? 'error' : d.verdict === 'stuck' ? 'watch' : 'warning'),
    h('span', {}, h('strong', { text: `Fleet diagnosis (${d.verdict}): ` }), h('span', { text: d.headline })),
    button({
      label: 'Open diagnosis',
      icon: 'pulse',
      action: 'openDiagnosis',
      title: 'The evidence and what to do, for the whole fleet',
      onClick: () => vscode.postMessage({ type: 'openDiagnosis' }),
    }),
  );
}

function render(): void {
  if (!model) return;
  const m = model;
  const message = h(
    'section',
    { className: 'card', attrs: { 'aria-labelledby': 'message-heading' } },
    h('h2', { text: 'Message', attrs: { id: 'message-heading' } }),
    m.event.message
      ? h('p', { className: 'message', text: m.event.message })
      : h('p', { className: 'muted', text: 'GameLift sent no message with this event.' }),
  );
  app.setAttribute('aria-busy', 'false');
  replaceChildrenKeepingFocus(
    app,
    renderHeader(m),
    h(
      'main',
      { className: 'content' },
      renderNotice(),
      renderDiagnosis(m),
      message,
      renderLog(m.log),
      renderGuidance(m),
      renderFields(m),
    ),
  );
}

/** Runs every second: countdown text and bar, relative time; re-renders when the link expires. */
function updateCountdown(): void {
  if (!model) return;
  if (relativeEl && model.event.eventTime !== undefined)
    relativeEl.textContent = formatRelative(model.event.eventTime, clock.now());
  const log = model.log;
  if (log.state !== 'available' || log.refusedReason) {
    if (live.textContent !== '') live.textContent = '';
    return;
  }
  const expiry = describeExpiry(log.expiresAt, clock.now());
  if (renderedExpired !== undefined && expiry.expired !== renderedExpired) {
    render();
    return;
  }
  if (countdownEl) countdownEl.textContent = expiry.clockText;
  if (countdownBar) countdownBar.style.width = `${Math.round((expiry.remainingMs / log.validityMs) * 1000) / 10}%`;
  if (live.textContent !== expiry.spokenText) live.textContent = expiry.spokenText;
}

function onHostMessage(message: HostMessage): void {
  switch (message.type) {
    case 'showDetails': {
      const changedEvent = model?.event.eventId !== message.model.event.eventId;
      clock.sync(message.hostNow);
      model = message.model;
      if (changedEvent) notice = undefined;
      vscode.setState(message.persist);
      render();
      if (changedEvent) window.scrollTo(0, 0);
      return;
    }
    case 'logLink':
      clock.sync(message.hostNow);
      if (model) model = { ...model, log: message.log };
      vscode.setState(message.persist);
      render();
      return;
    case 'busy':
      busyLabel = message.busy ? message.label : '';
      render();
      return;
    case 'notice':
      notice = { level: message.level, text: message.text };
      render();
      return;
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  if (isHostMessage(event.data)) onHostMessage(event.data);
});
setInterval(updateCountdown, 1000);
// Keyboard shortcuts that do not clash with VS Code's: Alt+Up/Down for newer/older.
window.addEventListener('keydown', (e) => {
  if (!e.altKey || e.ctrlKey || e.metaKey) return;
  if (e.key === 'ArrowUp' && model?.navigation.newer) vscode.postMessage({ type: 'navigate', direction: 'newer' });
  else if (e.key === 'ArrowDown' && model?.navigation.older)
    vscode.postMessage({ type: 'navigate', direction: 'older' });
  else return;
  e.preventDefault();
});
vscode.postMessage({ type: 'ready' });
