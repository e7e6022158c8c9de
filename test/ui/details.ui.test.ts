// The event details panel and the fleet timeline in the real workbench (VS Code server in
// headless Chromium), fed by the local endpoint: events whose Message, EventCode and
// ResourceId carry script payloads are clicked in the tree and must render as text and run
// nothing inside the webview frame. Saves screenshots in the light and dark themes.
import * as assert from 'assert';
import { waitForWorkbench } from '../host/session';
import {
  closeAllEditors,
  contextMenuPick,
  getWorkbench,
  openGameLiftView,
  runCommand,
  screenshot,
  setTheme,
  THEMES,
  waitForTreeItem,
  webviewFrame,
} from './harness';

const FLEET_ID = 'fleet-fd544dea-987b-455f-957c-f0ce1696497d'; // arena-staging in the default scenario
const FLEET_NAME = 'arena-staging';

// Each payload would set __xss (or the title, or open a dialog) in the webview frame if it ran.
const HOSTILE_MESSAGE = [
  'Server process crashed: <img src=x onerror="window.__xss=1;top.__xss=1">',
  '</script><script>window.__xss=2</script>',
  '<a href="javascript:window.__xss=3">open</a> "><svg onload="document.title=\'pwned\'">',
  `' onfocus='window.__xss=4' autofocus x='`,
].join('\n');
const HOSTILE_RESOURCE = '"><img src=x onerror="window.__xss=5">';
const HOSTILE_CODE = '</script><script>window.__xss=6</script>';

async function expand(label: string | RegExp): Promise<void> {
  const { page } = await getWorkbench();
  const row = await waitForTreeItem(label);
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
  // Move away so the row's hover (the fleet tooltip) does not cover the rows below.
  await page.mouse.move(900, 700);
  await page.keyboard.press('Escape');
}

async function collapse(label: RegExp): Promise<void> {
  const { page } = await getWorkbench();
  const row = await waitForTreeItem(label);
  if ((await row.getAttribute('aria-expanded')) === 'true') await row.click();
  await page.mouse.move(900, 700);
  await page.keyboard.press('Escape');
}

describe('Event details in the workbench', function () {
  this.timeout(120_000);

  before(async () => {
    const { emulator } = await getWorkbench();
    assert.ok(emulator, 'the UI run has the local endpoint');
    const now = emulator.now();
    emulator.state.addEvent(FLEET_ID, {
      eventCode: 'SERVER_PROCESS_CRASHED',
      message: HOSTILE_MESSAGE,
      resourceId: HOSTILE_RESOURCE,
      hasLog: true,
      count: 3,
      eventTime: now - 60_000,
    });
    emulator.state.addEvent(FLEET_ID, {
      eventCode: HOSTILE_CODE,
      message: HOSTILE_MESSAGE,
      resourceId: HOSTILE_RESOURCE,
      eventTime: now - 120_000,
    });
    await openGameLiftView();
    await runCommand('GameLift: Refresh');
  });

  afterEach(async function () {
    // A picture of the workbench when something went wrong.
    if (this.currentTest?.state === 'failed')
      await screenshot(`details-failure-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 40)}`);
  });

  after(async () => {
    // Leave the shared workbench as the other UI tests expect it: default theme, no editors.
    await setTheme('light');
    await closeAllEditors();
    // Collapse what we expanded (the tree remembers nested expansion).
    await expand(new RegExp(FLEET_NAME));
    for (const label of [/^Server process$/, /^Other fleet events$/, new RegExp(FLEET_NAME)]) await collapse(label);
  });

  it('renders hostile Message, EventCode and ResourceId as text and runs none of them', async () => {
    const { page } = await getWorkbench();
    await closeAllEditors();
    await expand(new RegExp(FLEET_NAME));
    await expand(/^Server process$/);
    const row = await waitForTreeItem(/Server process crashed/);
    await row.click();
    const frame = await webviewFrame(page, '.message');
    const message = frame.locator('.message');
    await message.waitFor();
    await message.hover();
    await page.waitForTimeout(500);
    assert.strictEqual(await message.textContent(), HOSTILE_MESSAGE);
    assert.ok(((await frame.locator('#app').innerText()) ?? '').includes(HOSTILE_RESOURCE));
    assert.strictEqual(await frame.locator('#app img, #app svg[onload], #app a, #app script').count(), 0);
    assert.strictEqual(
      await frame.evaluate(() => (globalThis as unknown as { __xss?: unknown }).__xss),
      undefined,
      'a payload ran in the webview',
    );
    assert.notStrictEqual(
      await frame.evaluate(() => (globalThis as unknown as { document: { title: string } }).document.title),
      'pwned',
    );
    // The endpoint's log link is allowed (configured endpoint) and offered.
    await frame.locator('button[data-action="openLog"]').waitFor();
    assert.match(await frame.locator('.countdown').innerText(), /^Expires in 1[45]:\d\d$/);

    // The second event: a hostile EventCode lands in "Other" and is shown as text.
    await expand(/^Other/);
    await (await waitForTreeItem(/script/)).click();
    await frame.locator('h1', { hasText: 'script' }).waitFor();
    const codeText = await frame.locator('.subtitle code').first().textContent();
    assert.strictEqual(codeText, HOSTILE_CODE);
    assert.strictEqual(await frame.evaluate(() => (globalThis as unknown as { __xss?: unknown }).__xss), undefined);
    assert.strictEqual(
      await page.evaluate(() => (globalThis as unknown as { __xss?: unknown }).__xss),
      undefined,
      'a payload reached the workbench',
    );
  });

  it('"Open in browser" hands the browser the signed link, which the endpoint accepts', async () => {
    const { page, session, emulator } = await getWorkbench();
    await closeAllEditors();
    await expand(new RegExp(FLEET_NAME));
    await expand(/^Server process$/);
    await (await waitForTreeItem(/Server process crashed/)).click();
    const frame = await webviewFrame(page, 'button[data-action="openLogInBrowser"]');
    const popup = session.context.waitForEvent('page', { timeout: 30_000 });
    // (Open log opens it in the editor: test/integration/eventLogs.test.ts.)
    await frame.locator('button[data-action="openLogInBrowser"]').click();
    const opened = await popup;
    const url = new URL(opened.url());
    await opened.close();
    // Give the workbench its focus back (quick inputs close when their window is not focused).
    await page.bringToFront();
    // code-server forwards localhost links through its own /proxy/<port>/ path; desktop VS Code opens them as they are.
    const pathname = url.pathname.replace(/^\/proxy\/\d+/, '');
    assert.match(pathname, new RegExp(`^/logs/${FLEET_ID}/`));
    assert.ok(url.searchParams.get('X-Amz-Signature'), 'the signature reached the browser');
    const direct = await fetch(`${emulator!.url}${pathname}${url.search}`);
    assert.strictEqual(direct.status, 200, await direct.text());
  });

  it('keeps a pinned panel across a window reload, without its log link', async () => {
    const { page } = await getWorkbench();
    await setTheme('dark');
    await closeAllEditors();
    await expand(new RegExp(FLEET_NAME));
    await expand(/^Server process$/);
    await (await waitForTreeItem(/Server process crashed/)).click();
    const frame = await webviewFrame(page, 'button[data-action="keepOpen"]');
    await frame.locator('button[data-action="keepOpen"]').click();
    await page
      .locator('.tab', { hasText: /^SERVER_PROCESS_CRASHED$/ })
      .first()
      .waitFor();

    // Reload through VS Code so it saves the open editors (and the page's state) first.
    // Wait for the reload itself: before it starts, the old page (and its webview) still
    // answers, and a frame found then detaches mid-read.
    const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 });
    await runCommand('Developer: Reload Window');
    await reloaded;
    await page.waitForLoadState('domcontentloaded');
    await waitForWorkbench(page);
    // VS Code brings the panel back and our serializer re-renders it from the saved state
    // (the webview may still be settling: find its frame again if it is replaced).
    let restored = await webviewFrame(page, '.message');
    for (let attempt = 0; ; attempt++) {
      try {
        assert.strictEqual(await restored.locator('.message').textContent({ timeout: 10_000 }), HOSTILE_MESSAGE);
        break;
      } catch (err) {
        if (attempt >= 3 || !/detached/i.test(String(err))) throw err;
        restored = await webviewFrame(page, '.message');
      }
    }
    assert.match(await restored.locator('#app').innerText(), /not kept when the window reloaded/);
    await restored.locator('button[data-action="refreshLink"]').waitFor();
    // The saved state never held the presigned URL, so nothing in the page has a signature.
    assert.ok(!(await restored.content()).includes('X-Amz-Signature'));
    // Getting a fresh link brings Open back.
    await restored.locator('button[data-action="refreshLink"]').click();
    await restored.locator('button[data-action="openLog"]').waitFor({ timeout: 30_000 });
    await screenshot('details-workbench-restored');
  });

  for (const theme of ['dark', 'light', 'high-contrast'] as const) {
    it(`looks native in the ${theme} theme (details and timeline screenshots)`, async () => {
      const { page } = await getWorkbench();
      await setTheme(theme);
      await closeAllEditors();
      await expand(new RegExp(FLEET_NAME));
      await expand(/^Server process$/);
      await (await waitForTreeItem(/Server process crashed/)).click();
      const frame = await webviewFrame(page, 'button[data-action="openLog"]');
      const bodyClass = await frame.evaluate(
        () => (globalThis as unknown as { document: { body: { className: string } } }).document.body.className,
      );
      assert.ok(bodyClass.split(' ').includes(THEMES[theme].bodyClass), bodyClass);
      await screenshot(`details-workbench-${theme}`);

      // The fleet timeline from the fleet's context menu.
      await contextMenuPick(await waitForTreeItem(new RegExp(FLEET_NAME)), 'Show fleet timeline');
      const timeline = await webviewFrame(page, 'svg.chart .mark');
      assert.ok((await timeline.locator('svg.chart .mark').count()) >= 3);
      // A redraw (more events, a resize) replaces the marks and hides the tooltip of the one
      // hovered: hover a mark looked up afresh until the tooltip shows.
      const tooltip = timeline.locator('.tooltip:not([hidden])');
      for (let attempt = 1; ; attempt++) {
        if (attempt > 1) await page.mouse.move(900, 700);
        await timeline.locator('svg.chart .mark.sev-error').first().hover();
        const shown = await tooltip.waitFor({ timeout: 5_000 }).then(
          () => true,
          (err: unknown) => {
            if (attempt >= 3) throw err;
            return false;
          },
        );
        if (shown) break;
      }
      assert.strictEqual(
        await timeline.evaluate(() => (globalThis as unknown as { __xss?: unknown }).__xss),
        undefined,
      );
      await screenshot(`timeline-workbench-${theme}`);
    });
  }
});
