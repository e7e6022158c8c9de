// Page script of the fleet diagnosis: the verdict and headline, the phase strip, the evidence
// (each event with Details and Reveal, each log line with Open at line), the runtime
// configuration beside a launch-path finding, next steps, hints and further findings. Every
// service string goes in through textContent; buttons become protocol messages; no URL here.
import { button, h, icon, replaceChildrenKeepingFocus } from '../../panel/webview/lib/dom';
import { vscodeApi } from '../../panel/webview/lib/vscodeApi';
import {
  isHostMessage,
  type DiagnosisViewModel,
  type EvidenceView,
  type HostMessage,
  type PageMessage,
  type PersistedState,
  type RuntimeView,
} from '../protocol';

const vscode = vscodeApi<PageMessage, PersistedState>();
const app = document.getElementById('app') as HTMLElement;

const VERDICT: Record<string, { icon: string; label: string }> = {
  failed: { icon: 'error', label: 'Failed' },
  stuck: { icon: 'watch', label: 'Stuck' },
  degraded: { icon: 'warning', label: 'Degraded' },
  healthy: { icon: 'pass', label: 'Healthy' },
};

const PHASE_ICON: Record<string, string> = {
  done: 'pass',
  current: 'circle-large-outline',
  stopped: 'error',
  todo: 'circle-outline',
};
const PHASE_WORD: Record<string, string> = {
  done: 'reached',
  current: 'in progress',
  stopped: 'stopped here',
  todo: 'not reached',
};

function header(title: string, facts: string, actions: HTMLElement[], verdict?: string): HTMLElement {
  const v = verdict ? VERDICT[verdict] : undefined;
  return h(
    'header',
    { className: 'header' },
    h(
      'div',
      { className: 'title-row' },
      v ? h('span', { className: `verdict-icon verdict-${verdict}` }, icon(v.icon)) : icon('pulse', 'title-icon'),
      h('h1', { text: title }),
      v ? h('span', { className: `badge verdict-badge verdict-${verdict}`, text: v.label }) : undefined,
    ),
    h('p', { className: 'subtitle', text: facts }),
    h('nav', { className: 'toolbar', attrs: { 'aria-label': 'Diagnosis actions' } }, ...actions),
  );
}

function phaseStrip(m: DiagnosisViewModel): HTMLElement {
  return h(
    'ol',
    { className: 'phases', attrs: { 'aria-label': 'Creation phases' } },
    ...m.phase.steps.map((s) =>
      h(
        'li',
        { className: `phase phase-${s.state}`, attrs: { 'aria-label': `${s.name}, ${PHASE_WORD[s.state]}` } },
        icon(PHASE_ICON[s.state]),
        h('span', { text: s.name }),
      ),
    ),
  );
}

function evidenceItem(e: EvidenceView): HTMLElement {
  const kindIcon = e.kind === 'event' ? 'symbol-event' : e.kind === 'log' ? 'output' : 'settings-gear';
  const meta: string[] = [];
  if (e.kind === 'log')
    meta.push(`line ${e.line ?? '?'}${e.file ? ` of ${e.file}` : ''}`, `log of ${e.eventCode ?? 'an event'}`);
  else if (e.eventCode) meta.push(e.eventCode);
  if (e.eventTimeUtc) meta.push(e.eventTimeUtc);
  const actions: HTMLElement[] = [];
  if (e.kind === 'log' && e.eventId && e.line !== undefined) {
    const eventId = e.eventId;
    const line = e.line;
    actions.push(
      button({
        label: `Open at line ${line}`,
        icon: 'go-to-file',
        action: `log:${eventId}:${e.file ?? ''}:${line}`,
        title: 'Open the log in the editor at this line',
        onClick: () => vscode.postMessage({ type: 'openLogLine', eventId, line, ...(e.file ? { file: e.file } : {}) }),
      }),
    );
  }
  if (e.eventId) {
    const eventId = e.eventId;
    actions.push(
      button({
        label: 'Details',
        icon: 'info',
        action: `details:${e.kind}:${eventId}:${e.line ?? ''}`,
        title: 'Show the event’s details',
        onClick: () => vscode.postMessage({ type: 'openEvent', eventId }),
      }),
      button({
        label: 'Reveal',
        icon: 'list-tree',
        action: `reveal:${e.kind}:${eventId}:${e.line ?? ''}`,
        title: e.inTree ? 'Select the event in the Fleets view' : 'Not among the events loaded in the Fleets view',
        onClick: () => vscode.postMessage({ type: 'revealEvent', eventId }),
      }),
    );
  }
  return h(
    'li',
    { className: `evidence evidence-${e.kind}` },
    h('span', { className: 'evidence-icon' }, icon(kindIcon)),
    h(
      'div',
      { className: 'evidence-body' },
      h(e.kind === 'log' ? 'code' : 'span', { className: 'evidence-text', text: e.text }),
      meta.length > 0 ? h('div', { className: 'evidence-meta muted', text: meta.join(' · ') }) : undefined,
    ),
    actions.length > 0 ? h('div', { className: 'evidence-actions' }, ...actions) : undefined,
  );
}

/** A titled card section, labelled by its heading. */
function card(id: string, title: string, content: HTMLElement, extraClass?: string): HTMLElement {
  return h(
    'section',
    { className: extraClass ? `card ${extraClass}` : 'card', attrs: { 'aria-labelledby': `${id}-heading` } },
    h('h2', { text: title, attrs: { id: `${id}-heading` } }),
    content,
  );
}

function runtimeCard(r: RuntimeView): HTMLElement {
  const rows = r.launchPaths.map((l) =>
    h(
      'li',
      { className: 'launch-path' },
      h(
        'div',
        { className: 'launch-path-line' },
        icon(l.found === false || l.problems.length > 0 ? 'error' : l.found ? 'pass' : 'circle-outline'),
        h('code', { text: l.launchPath }),
        l.parameters ? h('code', { className: 'muted', text: l.parameters }) : undefined,
        h('span', { className: 'muted', text: `× ${l.concurrentExecutions}` }),
      ),
      l.found !== undefined
        ? h('div', { className: 'muted', text: l.found ? 'Found in the build.' : 'Not found in the build.' })
        : undefined,
      ...l.problems.map((p) => h('div', { className: 'problem', text: p })),
      l.suggestion ? h('div', {}, 'Did you mean ', h('code', { text: l.suggestion }), '?') : undefined,
    ),
  );
  const limits = [
    r.maxConcurrentGameSessionActivations !== undefined
      ? `At most ${r.maxConcurrentGameSessionActivations} game sessions activating at once`
      : undefined,
    r.gameSessionActivationTimeoutSeconds !== undefined
      ? `Game session activation timeout ${r.gameSessionActivationTimeoutSeconds} s`
      : undefined,
  ].filter((x): x is string => x !== undefined);
  return h(
    'section',
    { className: `card runtime${r.besideFinding ? ' beside' : ''}`, attrs: { 'aria-labelledby': 'runtime-heading' } },
    h('h2', { text: 'Runtime configuration', attrs: { id: 'runtime-heading' } }),
    r.launchPaths.length > 0
      ? h('ul', { className: 'launch-paths' }, ...rows)
      : h('p', { className: 'muted', text: 'No server processes are configured.' }),
    ...limits.map((l) => h('p', { className: 'muted', text: l })),
  );
}

function list(tag: 'ol' | 'ul', items: readonly string[], className: string): HTMLElement {
  return h(tag, { className }, ...items.map((s) => h('li', { text: s })));
}

function renderDiagnosis(m: DiagnosisViewModel): void {
  const name = m.fleet.name ? `${m.fleet.name} (${m.fleet.fleetId})` : m.fleet.fleetId;
  const facts = [
    m.fleet.region,
    m.fleet.profile ? `profile ${m.fleet.profile}` : undefined,
    m.phase.status,
    `made ${m.atUtc}`,
  ]
    .filter((s): s is string => !!s)
    .join(' · ');
  const top = header(
    `Diagnosis of ${name}`,
    facts,
    [
      button({
        label: 'Copy as Markdown',
        icon: 'markdown',
        action: 'copyMarkdown',
        variant: 'primary',
        title: 'Copy the diagnosis for a support case or an issue (no log links or secrets)',
        onClick: () => vscode.postMessage({ type: 'copyMarkdown' }),
      }),
      button({
        label: 'Diagnose again',
        icon: 'refresh',
        action: 'rediagnose',
        title: 'Read the fleet again',
        onClick: () => vscode.postMessage({ type: 'rediagnose' }),
      }),
    ],
    m.verdict,
  );
  const finding = h(
    'section',
    { className: `card finding verdict-border-${m.verdict}`, attrs: { 'aria-labelledby': 'headline' } },
    h('h2', { className: 'headline', text: m.headline, attrs: { id: 'headline' } }),
    m.cause
      ? h(
          'p',
          { className: 'cause' },
          h('strong', { text: m.cause.guess ? 'Likely cause (a guess): ' : 'Cause: ' }),
          h('span', { text: m.cause.text }),
        )
      : undefined,
    phaseStrip(m),
  );
  const evidence = card(
    'evidence',
    'Evidence',
    m.evidence.length > 0
      ? h('ul', { className: 'evidence-list' }, ...m.evidence.map(evidenceItem))
      : h('p', { className: 'muted', text: 'No evidence beyond the fleet’s status.' }),
  );
  const runtime = m.runtime ? runtimeCard(m.runtime) : undefined;
  const steps = m.nextSteps.length > 0 ? card('steps', 'What to do', list('ol', m.nextSteps, 'steps')) : undefined;
  const hints =
    m.hints.length > 0
      ? card('hints', 'Hints (not proven by the events)', list('ul', m.hints, 'steps'), 'hints')
      : undefined;
  const also =
    m.also.length > 0
      ? card(
          'also',
          'Also found',
          h(
            'ul',
            { className: 'also' },
            ...m.also.map((f) =>
              h(
                'li',
                {},
                h('span', {
                  className: `badge verdict-badge verdict-${f.verdict}`,
                  text: VERDICT[f.verdict]?.label ?? f.verdict,
                }),
                ' ',
                h('span', { text: f.headline }),
              ),
            ),
          ),
        )
      : undefined;
  const gaps =
    m.gaps.length > 0
      ? h(
          'div',
          { className: 'notice notice-warning', attrs: { role: 'status' } },
          icon('warning'),
          h('span', {}, ...m.gaps.map((g) => h('div', { text: g }))),
        )
      : undefined;
  const read = h('p', {
    className: 'muted footer',
    text: `Read ${m.read.events} event${m.read.events === 1 ? '' : 's'}${m.read.complete ? '' : ' (not all of the fleet’s history)'} and ${m.read.logs} log${m.read.logs === 1 ? '' : 's'}.`,
  });
  const body = runtime?.classList.contains('beside')
    ? h(
        'div',
        { className: 'content' },
        finding,
        gaps,
        h('div', { className: 'beside-grid' }, evidence, runtime),
        steps,
        hints,
        also,
        read,
      )
    : h('div', { className: 'content' }, finding, gaps, evidence, steps, hints, runtime, also, read);
  app.setAttribute('aria-busy', 'false');
  replaceChildrenKeepingFocus(app, top, h('main', {}, body));
}

function renderProgress(fleetLabel: string, text: string): void {
  app.setAttribute('aria-busy', 'true');
  replaceChildrenKeepingFocus(
    app,
    header(`Diagnosis of ${fleetLabel}`, 'Reading what the diagnosis needs', [
      button({
        label: 'Cancel',
        icon: 'close',
        action: 'cancel',
        onClick: () => vscode.postMessage({ type: 'cancel' }),
      }),
    ]),
    h('main', {}, h('p', { className: 'progress', attrs: { role: 'status' } }, icon('loading'), h('span', { text }))),
  );
}

function renderFailure(fleetLabel: string, message: string): void {
  app.setAttribute('aria-busy', 'false');
  replaceChildrenKeepingFocus(
    app,
    header(`Diagnosis of ${fleetLabel}`, 'The fleet could not be diagnosed', [
      button({
        label: 'Try again',
        icon: 'refresh',
        action: 'rediagnose',
        variant: 'primary',
        onClick: () => vscode.postMessage({ type: 'rediagnose' }),
      }),
    ]),
    h(
      'main',
      {},
      h(
        'div',
        { className: 'notice notice-error', attrs: { role: 'alert' } },
        icon('error'),
        h('span', { text: message }),
      ),
    ),
  );
}

function onHostMessage(message: HostMessage): void {
  vscode.setState(message.persist);
  switch (message.type) {
    case 'showDiagnosis':
      renderDiagnosis(message.model);
      return;
    case 'progress':
      renderProgress(message.fleetLabel, message.text ?? 'Reading…');
      return;
    case 'failed':
      renderFailure(message.fleetLabel, message.message);
      return;
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  if (isHostMessage(event.data)) onHostMessage(event.data);
});
vscode.postMessage({ type: 'ready' });
