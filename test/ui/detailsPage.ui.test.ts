// The details and timeline pages in a plain Chromium page (no workbench): the same HTML
// shell, CSP, page scripts and CSS as in VS Code, served from 127.0.0.1, with a recording
// stand-in for acquireVsCodeApi. Proves that hostile service strings render as text and run
// nothing, that the page never holds the presigned URL, that the countdown expires on its
// own, that keyboard users can reach everything, and saves light/dark screenshots.
// Runs with `npm run test:ui -- detailsPage`, or alone: `npx mocha --no-config out/test/ui/detailsPage.ui.test.js`.
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { HostMessage } from '../../src/details/protocol';
import { buildShellHtml, createNonce } from '../../src/panel/html';
import type { HostMessage as TimelineHostMessage } from '../../src/timeline/protocol';
import { buildTimelineViewModel } from '../../src/timeline/timelineModel';
import { buildDetailsViewModel, toPersistedEvent } from '../../src/details/viewModel';
import type { FleetEvent } from '../../src/gamelift/types';
import { CHROMIUM_BIN, REPO_ROOT, UI_OUTPUT_DIR } from '../host/paths';

// Browser globals used inside page.evaluate/addInitScript callbacks, which run in the page;
// this file is compiled without the DOM lib.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const window: any;
declare const document: any;
declare function getComputedStyle(el: unknown): { outlineStyle: string };
type HTMLElement = { tagName: string; getAttribute(name: string): string | null };

const REF = {
  target: { profile: 'local-dev', region: 'us-west-2', endpoint: 'http://127.0.0.1:4566' },
  fleetId: 'fleet-53ad679d-b5c0-4363-869c-fe66337bb388',
};
const NOW = Date.UTC(2026, 10, 21, 0, 15, 0);
const SIGNED_URL =
  'https://gamelift-logs.s3.us-west-2.amazonaws.com/fleet/e2.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261121&X-Amz-Signature=0123456789abcdef';

// Each payload would set window.__xss (or change the title, or pop a dialog) if it ever ran.
const HOSTILE_MESSAGE = [
  '<img src=x onerror="window.__xss=1">',
  '</script><script>window.__xss=2</script>',
  '<a href="javascript:window.__xss=3">click</a>',
  '" onmouseover="window.__xss=4" autofocus onfocus="window.__xss=5" x="',
  "' onmouseover='window.__xss=6' '",
  '<svg onload="document.title=\'pwned\'"></svg>',
  '<iframe srcdoc="<script>parent.__xss=7</script>"></iframe>',
  '{{constructor.constructor("window.__xss=8")()}} ${window.__xss=9}',
  '<style>body{display:none}</style>',
  'second line\twith a tab',
].join('\n');
const HOSTILE_CODE = '</script><script>window.__xss=10</script><img src=x onerror=window.__xss=11>';
const HOSTILE_RESOURCE = '"><svg onload="window.__xss=12">';

function event(id: string, code: string, minutesAgo: number, extra: Partial<FleetEvent> = {}): FleetEvent {
  return {
    eventId: id,
    eventCode: code,
    resourceId: REF.fleetId,
    message: `${code} for the fleet.`,
    eventTime: NOW - minutesAgo * 60_000,
    fetchedAt: NOW - 60_000,
    ...extra,
  };
}

const HOSTILE_EVENT = event('evt-hostile-"><img src=x onerror=window.__xss=13>', HOSTILE_CODE, 40, {
  message: HOSTILE_MESSAGE,
  resourceId: HOSTILE_RESOURCE,
  preSignedLogUrl: 'javascript:window.__xss=14',
  count: 2,
});
const CRASH_EVENT = event('evt-crash', 'SERVER_PROCESS_CRASHED', 50, {
  message:
    'Server process exited without calling ProcessEnding (exit code 139, SIGSEGV) while hosting game session gsess-7f3a.',
  preSignedLogUrl: SIGNED_URL,
  count: 7,
});
const LOADED: FleetEvent[] = [
  event('evt-9', 'FLEET_STATE_ERROR', 20, {
    message: 'Fleet fleet-53ad679d moved to ERROR after repeated activation failures.',
  }),
  HOSTILE_EVENT,
  CRASH_EVENT,
  event('evt-6', 'SERVER_PROCESS_SDK_INITIALIZATION_TIMEOUT', 70),
  event('evt-5', 'FLEET_STATE_ACTIVATING', 90),
  event('evt-4', 'INSTANCE_INTERRUPTED', 95),
  event('evt-3', 'FLEET_STATE_BUILDING', 110),
  event('evt-2', 'FLEET_STATE_DOWNLOADING', 125),
  event('evt-1', 'FLEET_CREATED', 140),
  event('evt-0', 'FLEET_VPC_PEERING_FAILED', 100, {
    message: 'VPC peering failed: CIDR 10.0.0.0/16 overlaps with the fleet VPC.',
  }),
];
const FLEET = { fleetId: REF.fleetId, name: '<img src=x onerror=window.__xss=15> arena-prod', status: 'ERROR' };

function detailsMessage(ev: FleetEvent, hostNow = NOW): HostMessage {
  const model = buildDetailsViewModel({
    ref: REF,
    event: ev,
    fleet: FLEET,
    loadedEvents: LOADED,
    pinned: false,
    customEndpoints: [REF.target.endpoint],
  });
  return {
    type: 'showDetails',
    model,
    hostNow,
    persist: { kind: 'details', ref: REF, event: toPersistedEvent(ev), pinned: false },
  };
}

// A few of VS Code's theme variables (values from its default Light/Dark Modern themes), so the
// page looks as it does in the workbench. The workbench sets these on <html> itself.
const THEMES: Record<'light' | 'dark', string> = {
  light: `--vscode-font-family: system-ui, "Ubuntu", "Droid Sans", sans-serif; --vscode-font-size: 13px; --vscode-font-weight: normal;
    --vscode-editor-font-family: "Droid Sans Mono", monospace; --vscode-editor-font-size: 13px;
    --vscode-foreground: #3b3b3b; --vscode-descriptionForeground: #717171; --vscode-editor-background: #ffffff;
    --vscode-editorWidget-background: #f8f8f8; --vscode-widget-border: #e5e5e5; --vscode-focusBorder: #005fb8;
    --vscode-button-background: #005fb8; --vscode-button-foreground: #ffffff; --vscode-button-hoverBackground: #0258a8; --vscode-button-border: #0000001a;
    --vscode-button-secondaryBackground: #e5e5e5; --vscode-button-secondaryForeground: #3b3b3b; --vscode-button-secondaryHoverBackground: #cccccc;
    --vscode-textCodeBlock-background: #f2f2f2; --vscode-textBlockQuote-border: #e5e5e5; --vscode-textLink-foreground: #005fb8;
    --vscode-editorError-foreground: #e51400; --vscode-editorWarning-foreground: #bf8803; --vscode-editorInfo-foreground: #1a85ff;
    --vscode-charts-red: #e51400; --vscode-charts-yellow: #bf8803; --vscode-charts-blue: #1a85ff; --vscode-charts-green: #388a34; --vscode-charts-purple: #652d90;
    --vscode-progressBar-background: #005fb8; --vscode-icon-foreground: #3b3b3b; --vscode-toolbar-hoverBackground: #b8b8b850;
    --vscode-editorHoverWidget-background: #f8f8f8; --vscode-editorHoverWidget-foreground: #3b3b3b; --vscode-editorHoverWidget-border: #c8c8c8; --vscode-widget-shadow: #00000029;
    --vscode-inputValidation-infoBackground: #d6ecf2; --vscode-inputValidation-infoBorder: #007acc; --vscode-inputValidation-warningBackground: #f6f5d2; --vscode-inputValidation-warningBorder: #b89500;
    --vscode-inputValidation-errorBackground: #f2dede; --vscode-inputValidation-errorBorder: #be1100; --vscode-disabledForeground: #61616180; --vscode-editorIndentGuide-background1: #d3d3d3;`,
  dark: `--vscode-font-family: system-ui, "Ubuntu", "Droid Sans", sans-serif; --vscode-font-size: 13px; --vscode-font-weight: normal;
    --vscode-editor-font-family: "Droid Sans Mono", monospace; --vscode-editor-font-size: 13px;
    --vscode-foreground: #cccccc; --vscode-descriptionForeground: #9d9d9d; --vscode-editor-background: #1f1f1f;
    --vscode-editorWidget-background: #202020; --vscode-widget-border: #313131; --vscode-focusBorder: #0078d4;
    --vscode-button-background: #0078d4; --vscode-button-foreground: #ffffff; --vscode-button-hoverBackground: #026ec1; --vscode-button-border: #ffffff12;
    --vscode-button-secondaryBackground: #313131; --vscode-button-secondaryForeground: #cccccc; --vscode-button-secondaryHoverBackground: #3c3c3c;
    --vscode-textCodeBlock-background: #2b2b2b; --vscode-textBlockQuote-border: #616161; --vscode-textLink-foreground: #4daafc;
    --vscode-editorError-foreground: #f14c4c; --vscode-editorWarning-foreground: #cca700; --vscode-editorInfo-foreground: #3794ff;
    --vscode-charts-red: #f14c4c; --vscode-charts-yellow: #cca700; --vscode-charts-blue: #3794ff; --vscode-charts-green: #89d185; --vscode-charts-purple: #b180d7;
    --vscode-progressBar-background: #0078d4; --vscode-icon-foreground: #cccccc; --vscode-toolbar-hoverBackground: #5a5d5e50;
    --vscode-editorHoverWidget-background: #202020; --vscode-editorHoverWidget-foreground: #cccccc; --vscode-editorHoverWidget-border: #454545; --vscode-widget-shadow: #0000005c;
    --vscode-inputValidation-infoBackground: #063b49; --vscode-inputValidation-infoBorder: #007acc; --vscode-inputValidation-warningBackground: #352a05; --vscode-inputValidation-warningBorder: #b89500;
    --vscode-inputValidation-errorBackground: #5a1d1d; --vscode-inputValidation-errorBorder: #be1100; --vscode-disabledForeground: #cccccc80; --vscode-editorIndentGuide-background1: #404040;`,
};

const STATIC_ROOTS = ['media', path.join('dist', 'webview')];

function startServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const page = /^\/page\/(details|timeline)$/.exec(url.pathname)?.[1];
    if (page) {
      const theme = url.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
      const html = buildShellHtml({
        cspSource: origin,
        nonce: createNonce(),
        title: `GameLift ${page}`,
        loadingText: 'Loading…',
        styleUris: [
          `${origin}/theme/${theme}.css`,
          `${origin}/dist/webview/codicons/codicon.css`,
          `${origin}/media/details-common.css`,
          `${origin}/media/${page}.css`,
        ],
        scriptUri: `${origin}/dist/webview/${page}.js`,
      });
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html);
      return;
    }
    const theme = /^\/theme\/(light|dark)\.css$/.exec(url.pathname)?.[1] as 'light' | 'dark' | undefined;
    if (theme) {
      res.writeHead(200, { 'Content-Type': 'text/css' });
      res.end(`html { ${THEMES[theme]} }`);
      return;
    }
    const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^[/\\]+/, '');
    if (!STATIC_ROOTS.some((r) => rel.startsWith(r + path.sep)) || rel.includes('..')) {
      res.writeHead(404).end();
      return;
    }
    const file = path.join(REPO_ROOT, rel);
    if (!fs.existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = file.endsWith('.css')
      ? 'text/css'
      : file.endsWith('.js')
        ? 'text/javascript'
        : file.endsWith('.ttf')
          ? 'font/ttf'
          : 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

// Runs in the page before its own scripts (init scripts are not subject to the page's CSP).
function fakeVsCodeApi(theme: string): void {
  const w = window as unknown as Record<string, unknown>;
  w.__posted = [];
  w.__dialogs = 0;
  w.__cspViolations = [];
  w.acquireVsCodeApi = () => ({
    postMessage: (m: unknown) => (w.__posted as unknown[]).push(m),
    setState: (s: unknown) => (w.__state = s),
    getState: () => w.__state,
  });
  document.addEventListener('securitypolicyviolation', (e: { violatedDirective: string; blockedURI: string }) =>
    (w.__cspViolations as string[]).push(`${e.violatedDirective} ${e.blockedURI}`),
  );
  document.addEventListener('DOMContentLoaded', () =>
    document.body.classList.add(theme === 'dark' ? 'vscode-dark' : 'vscode-light'),
  );
}

describe('Details page in Chromium (standalone)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let server: { origin: string; close(): Promise<void> };

  before(async () => {
    assert.ok(fs.existsSync(path.join(REPO_ROOT, 'dist', 'webview', 'details.js')), 'run npm run build first');
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_BIN, args: ['--no-sandbox', '--disable-gpu'] });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPage(
    name: 'details' | 'timeline',
    theme: 'light' | 'dark',
    viewport = { width: 1000, height: 900 },
  ): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport, colorScheme: theme });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', async (d) => {
      errors.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
    await page.addInitScript(fakeVsCodeApi, theme);
    await page.goto(`${server.origin}/page/${name}?theme=${theme}`);
    await page.waitForFunction(() =>
      ((window as unknown as { __posted: { type: string }[] }).__posted ?? []).some((m) => m.type === 'ready'),
    );
    return { page, errors };
  }

  async function post(page: Page, message: HostMessage | TimelineHostMessage): Promise<void> {
    await page.evaluate((m) => window.postMessage(m, '*'), message as unknown as Record<string, unknown>);
  }

  async function posted(page: Page): Promise<{ type: string; [k: string]: unknown }[]> {
    return page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted);
  }

  it('renders hostile Message, EventCode, ResourceId and fleet name as text and runs none of them', async () => {
    const { page, errors } = await openPage('details', 'dark');
    const titleBefore = await page.title();
    await post(page, detailsMessage(HOSTILE_EVENT));
    await page.locator('.message').waitFor();
    // Give any payload that could run (image errors, focus, load events) a chance to.
    await page.locator('.message').hover();
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);

    assert.strictEqual(await page.locator('.message').textContent(), HOSTILE_MESSAGE, 'message shown verbatim');
    const text = await page.locator('#app').innerText();
    assert.ok(text.includes(HOSTILE_CODE), 'event code shown as text');
    assert.ok(text.includes(HOSTILE_RESOURCE), 'resource ID shown as text');
    assert.ok(text.includes('arena-prod'), 'fleet name shown');
    assert.strictEqual(
      await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
      undefined,
      'a payload ran',
    );
    assert.strictEqual(await page.title(), titleBefore, 'the title changed');
    assert.strictEqual(
      await page.locator('#app img, #app iframe, #app svg[onload], #app a, #app style').count(),
      0,
      'markup from service text',
    );
    assert.strictEqual(await page.locator('script').count(), 1, 'only our own script');
    assert.strictEqual(await page.locator('[onerror], [onload], [onmouseover], [onfocus]').count(), 0);
    assert.ok(await page.locator('body').isVisible(), 'the <style> payload hid the page');
    assert.deepStrictEqual(errors, []);
    // The javascript: log link was refused, and says so.
    assert.match(text, /log link was refused/i);
    assert.strictEqual(await page.locator('button[data-action="openLog"]').count(), 0);
    // Unknown code: generic guidance.
    assert.match(text, /not known to this version/);
    await page.close();
  });

  it('never receives the presigned URL; Open and Copy go to the host as plain requests', async () => {
    const { page, errors } = await openPage('details', 'light');
    await post(page, detailsMessage(CRASH_EVENT));
    await page.locator('button[data-action="openLog"]').waitFor();
    const html = await page.content();
    assert.ok(!html.includes('X-Amz-Signature') && !html.includes('AKIAEXAMPLE'), 'the signed URL reached the page');
    assert.ok(html.includes('gamelift-logs.s3.us-west-2.amazonaws.com'), 'the host is shown');
    await page.locator('button[data-action="openLog"]').click();
    await page.locator('button[data-action="copyLogLink"]').click();
    await page.locator('button[data-action="openDocs"]').click();
    const types = (await posted(page)).map((m) => m.type);
    assert.deepStrictEqual(types.slice(-3), ['openLog', 'copyLogLink', 'openDocs']);
    assert.ok(
      (await posted(page)).every((m) => !JSON.stringify(m).includes('http')),
      'no URL in page messages',
    );
    // The state the page saves for a reload has no URL either.
    const state = await page.evaluate(() => JSON.stringify((window as unknown as { __state: unknown }).__state));
    assert.ok(state.includes('evt-crash') && !state.includes('X-Amz'), state);
    assert.deepStrictEqual(errors, []);
    await page.close();
  });

  it('counts down each second and offers a fresh link once the link expires', async () => {
    const { page, errors } = await openPage('details', 'light');
    // Host clock says the link has 2 seconds left.
    await post(page, detailsMessage(CRASH_EVENT, CRASH_EVENT.fetchedAt + 15 * 60_000 - 2000));
    const countdown = page.locator('.countdown');
    await countdown.waitFor();
    assert.match((await countdown.textContent()) ?? '', /^Expires in 0:0[0-2]$/);
    assert.strictEqual(
      await page.locator('[aria-live="polite"]').textContent(),
      'The log link expires in less than a minute.',
    );
    await page.locator('.expiry.expired').waitFor({ timeout: 10_000 });
    assert.match((await page.locator('.countdown').textContent()) ?? '', /^Expired/);
    assert.strictEqual(await page.locator('[aria-live="polite"]').textContent(), 'The log link has expired.');
    // Open log stays: the host renews an expired link first, without asking. Copy link goes.
    assert.match(
      (await page.locator('button[data-action="openLog"]').getAttribute('title')) ?? '',
      /a fresh link is fetched first/,
    );
    assert.strictEqual(await page.locator('button[data-action="copyLogLink"]').count(), 0, 'no Copy once expired');
    await page.locator('button[data-action="refreshLink"]').click();
    assert.strictEqual((await posted(page)).at(-1)?.type, 'refreshLink');
    await post(page, { type: 'busy', busy: true, label: 'Getting a fresh link…' });
    await page.locator('button[data-action="refreshLink"]:disabled').waitFor();
    await post(page, { type: 'busy', busy: false, label: '' });
    await post(page, { type: 'notice', level: 'warning', text: '<b>GameLift no longer returns this event</b>' });
    assert.strictEqual(
      await page.locator('.notice span:not(.codicon)').first().textContent(),
      '<b>GameLift no longer returns this event</b>',
    );
    assert.deepStrictEqual(errors, []);
    await page.close();
  });

  it('is keyboard reachable: real buttons in order, visible focus, Enter sends the action', async () => {
    const { page } = await openPage('details', 'dark');
    await post(page, detailsMessage(CRASH_EVENT));
    await page.locator('button[data-action="openLog"]').waitFor();
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el
          ? {
              tag: el.tagName,
              action: el.getAttribute('data-action') ?? '',
              outline: getComputedStyle(el).outlineStyle,
            }
          : undefined;
      });
      // Past the last button focus leaves the document for a moment.
      if (!info || info.tag === 'BODY') continue;
      assert.strictEqual(info.tag, 'BUTTON');
      assert.notStrictEqual(info.outline, 'none', `no visible focus on ${info.action}`);
      seen.push(info.action);
    }
    for (const action of [
      'newer',
      'older',
      'reveal',
      'copyJson',
      'keepOpen',
      'openLog',
      'copyLogLink',
      'refreshLink',
      'openDocs',
    ]) {
      assert.ok(seen.includes(action), `${action} not reachable by Tab (saw ${seen.join(', ')})`);
    }
    await page.locator('button[data-action="older"]').focus();
    await page.keyboard.press('Enter');
    assert.deepStrictEqual((await posted(page)).at(-1), { type: 'navigate', direction: 'older' });
    // Landmarks and labels for screen readers.
    assert.strictEqual(await page.locator('header').count(), 1);
    assert.strictEqual(await page.locator('main').count(), 1);
    assert.strictEqual(await page.locator('nav[aria-label="Event actions"]').count(), 1);
    assert.ok((await page.locator('section[aria-labelledby]').count()) >= 4);
    await page.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`renders the details panel in the ${theme} theme (screenshot)`, async () => {
      const { page, errors } = await openPage('details', theme, { width: 960, height: 1100 });
      await post(page, detailsMessage(CRASH_EVENT, CRASH_EVENT.fetchedAt + 4 * 60_000 + 27_000));
      await page.locator('button[data-action="openLog"]').waitFor();
      // Codicons must load (font-src allows the webview origin).
      await page.waitForFunction(() => document.fonts.check('16px codicon'));
      fs.mkdirSync(UI_OUTPUT_DIR, { recursive: true });
      const file = path.join(UI_OUTPUT_DIR, `details-page-${theme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      assert.ok(fs.statSync(file).size > 20_000);
      assert.deepStrictEqual(errors, []);
      assert.deepStrictEqual(
        await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
        [],
      );
      await page.close();
    });

    it(`renders the fleet timeline in the ${theme} theme (screenshot, hover, keyboard)`, async () => {
      const { page, errors } = await openPage('timeline', theme, { width: 1100, height: 560 });
      const model = buildTimelineViewModel(REF, FLEET, LOADED);
      await post(page, { type: 'showTimeline', model, hostNow: NOW, persist: { kind: 'timeline', ref: REF } });
      await page.locator('svg.chart .mark').first().waitFor();
      assert.strictEqual(await page.locator('svg.chart .mark').count(), LOADED.length);
      assert.strictEqual(await page.locator('svg.chart .lane').count(), model.lanes.length);
      assert.ok((await page.locator('svg.chart .segment').count()) >= 4, 'status band');
      // Hover the hostile mark: its tooltip shows the text, runs nothing.
      const hostileMark = page.locator(
        `svg.chart .mark[data-event-id="${HOSTILE_EVENT.eventId.replace(/"/g, '\\"')}"]`,
      );
      await hostileMark.hover();
      await page.locator('.tooltip:not([hidden])').waitFor();
      assert.ok(((await page.locator('.tooltip').textContent()) ?? '').includes('window.__xss=1'));
      assert.strictEqual(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined);
      // Keyboard: Tab lands on one mark, arrows move, Enter opens.
      await page.mouse.move(0, 0);
      await page.locator('button[data-action="refresh"]').focus();
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement?.getAttribute('data-event-id'));
      assert.ok(first, 'a mark takes focus');
      await page.keyboard.press('Home');
      const earliest = await page.evaluate(() => document.activeElement?.getAttribute('data-event-id'));
      assert.strictEqual(earliest, 'evt-1');
      await page.keyboard.press('ArrowRight');
      assert.strictEqual(await page.evaluate(() => document.activeElement?.getAttribute('data-event-id')), 'evt-2');
      await page.keyboard.press('Enter');
      assert.deepStrictEqual((await posted(page)).at(-1), { type: 'openEvent', eventId: 'evt-2' });
      await page.locator('.tooltip:not([hidden])').waitFor();
      fs.mkdirSync(UI_OUTPUT_DIR, { recursive: true });
      const file = path.join(UI_OUTPUT_DIR, `timeline-page-${theme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      assert.ok(fs.statSync(file).size > 15_000);
      assert.deepStrictEqual(errors, []);
      assert.deepStrictEqual(
        await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
        [],
      );
      await page.close();
    });
  }

  it('draws a million events as one bar per pixel column, the evidence ringed, and opens the most telling', async () => {
    const { page, errors } = await openPage('timeline', 'dark', { width: 1100, height: 560 });
    const million: FleetEvent[] = [];
    for (let i = 0; i < 1_000_000; i++)
      million.push(
        event(
          `m-${i}`,
          i % 50 === 0 ? 'SERVER_PROCESS_CRASHED' : 'GAME_SESSION_ACTIVATION_TIMEOUT',
          (i / 1_000_000) * 40 * 24 * 60,
        ),
      );
    const model = buildTimelineViewModel(REF, FLEET, million, {
      headline: 'Server processes keep crashing',
      evidenceEventIds: new Set(['m-500000']),
    });
    await post(page, { type: 'showTimeline', model, hostNow: NOW, persist: { kind: 'timeline', ref: REF } });
    await page.locator('svg.chart .mark.group').first().waitFor();
    const width = await page.locator('svg.chart').evaluate((el) => (el as { clientWidth: number }).clientWidth);
    const perLane = await page
      .locator('svg.chart .lane')
      .evaluateAll((lanes) =>
        lanes.map((l) => (l as { querySelectorAll(s: string): { length: number } }).querySelectorAll('.mark').length),
      );
    for (const n of perLane) assert.ok(n > 0 && n <= width, `${n} marks in a lane of a ${width}-pixel chart`);
    assert.strictEqual(await page.locator('svg.chart .mark.evidence').count(), 1, 'the evidence is ringed');
    assert.ok(((await page.locator('.diagnosis').textContent()) ?? '').includes('Server processes keep crashing'));
    // The evidence's bar opens the evidence (the most telling event of its column).
    const ringed = page.locator('svg.chart .mark.evidence');
    await ringed.hover();
    await page.locator('.tooltip:not([hidden])').waitFor();
    assert.match((await page.locator('.tooltip').textContent()) ?? '', /events.*cited by the diagnosis/s);
    await ringed.click();
    assert.deepStrictEqual((await posted(page)).at(-1), { type: 'openEvent', eventId: 'm-500000' });
    fs.mkdirSync(UI_OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(UI_OUTPUT_DIR, 'timeline-page-million.png'), fullPage: true });
    assert.deepStrictEqual(errors, []);
    await page.close();
  });
});
