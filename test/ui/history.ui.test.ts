// The CloudTrail history view in the real workbench: "Open CloudTrail folder…" from the Command
// Palette on a generated folder of deliveries (with one hostile record), the virtual table, a
// filter, the pick list, and screenshots in the dark, light and high-contrast themes. Service
// text must render as text: a record whose user name and event name carry markup runs nothing.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { writeDeliveries } from '../emulator/cloudtrail/deliveries';
import type { Frame, Locator, Page } from 'playwright-core';
import { closeAllEditors, getWorkbench, runCommand, screenshot, setTheme, THEMES, webviewFrame } from './harness';

const HOSTILE_USER = '<img src=x onerror="window.__xss=1;top.__xss=1">';
const HOSTILE_NAME = '</script><script>window.__xss=2</script>';

describe('CloudTrail history view in the workbench', function () {
  this.timeout(180_000);
  let folder: string;
  let records: number;

  before(async () => {
    const { workspace } = await getWorkbench();
    folder = path.join(workspace, 'trail-copy');
    fs.rmSync(folder, { recursive: true, force: true });
    const trail = writeDeliveries({ dir: folder, records: 20_000, seed: 18 });
    const hostile = {
      eventVersion: '1.09',
      userIdentity: { type: 'IAMUser', userName: HOSTILE_USER, arn: `arn:aws:iam::111122223333:user/x` },
      eventTime: '2026-11-01T00:00:30Z',
      eventSource: 'gamelift.amazonaws.com',
      eventName: HOSTILE_NAME,
      awsRegion: 'us-west-2',
      sourceIPAddress: '"><svg onload=alert(1)>',
      readOnly: false,
      eventID: '00000000-0000-4000-8000-000000000bad',
      recipientAccountId: '111122223333',
    };
    fs.writeFileSync(path.join(folder, 'hostile.json.gz'), gzipSync(JSON.stringify({ Records: [hostile] })));
    records = trail.records + 1;
  });

  after(async () => {
    await setTheme('light');
    await closeAllEditors();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      await screenshot(`history-failure-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 40)}`);
  });

  it('opens a folder from the Command Palette and shows every record in the virtual table', async () => {
    const { page } = await getWorkbench();
    await closeAllEditors();
    await runCommand('GameLift: Open CloudTrail folder…');
    // The workbench's own open dialog (a quick input taking a path).
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    const widget = page.locator('.quick-input-widget');
    // Under load the dialog may still be filling in its start folder when we type: type again
    // until it lists the trail folder's content, then its button takes the folder.
    for (let attempt = 0; ; attempt++) {
      await input.fill(`${folder}/`);
      try {
        await widget.locator('.monaco-list-row', { hasText: 'AWSLogs' }).first().waitFor({ timeout: 10_000 });
        if ((await input.inputValue()) === `${folder}/`) break;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
    await widget.locator('.monaco-button', { hasText: 'Read CloudTrail logs' }).click();
    const frame = await webviewFrame(page, '.grid .rows .row');
    await frame
      .locator('.summary', { hasText: `of ${records.toLocaleString('en-US')} records match` })
      .waitFor({ timeout: 60_000 });
    const shown = await frame.locator('.grid .rows .row').count();
    assert.ok(shown > 5 && shown < 100, `only the visible rows are in the page (${shown})`);
    assert.match(await frame.locator('.summary').innerText(), new RegExp(`^${records.toLocaleString('en-US')} of`));
  });

  it('shows hostile record text as text and runs none of it', async () => {
    const { page } = await getWorkbench();
    const frame = await webviewFrame(page, '.grid .rows .row');
    await frame.locator('input.search').fill('onerror');
    await frame.locator('.summary', { hasText: /^1 of / }).waitFor();
    const row = frame.locator('.grid .rows .row').first();
    assert.ok((await row.innerText()).includes(HOSTILE_USER));
    assert.ok((await row.innerText()).includes(HOSTILE_NAME));
    assert.strictEqual(await frame.locator('#app img, #app script, #app svg[onload]').count(), 0);
    assert.strictEqual(await frame.evaluate(() => (globalThis as unknown as { __xss?: unknown }).__xss), undefined);
    assert.strictEqual(await page.evaluate(() => (globalThis as unknown as { __xss?: unknown }).__xss), undefined);
    await frame.locator('input.search').fill('');
    await frame.locator('.summary', { hasText: `${records.toLocaleString('en-US')} of` }).waitFor();
  });

  it('filters by a pick list with counts and by errors only', async () => {
    const { page } = await getWorkbench();
    const frame = await webviewFrame(page, '.grid .rows .row');
    await clearFilters(frame);
    await frame.locator('button[data-action="pick-eventName"]').click();
    const first = frame.locator('.picker .pick').first();
    await first.waitFor();
    const value = (await first.locator('.pick-value').innerText()).trim();
    const count = Number((await first.locator('.pick-count').innerText()).replace(/,/g, ''));
    assert.ok(count > 0 && count < records, `${value}: ${count}`);
    const picked = await afterResult(frame, () => first.locator('input').check());
    assert.match(picked, new RegExp(`^${count.toLocaleString('en-US')} of`));
    const names = await frame.locator('.grid .rows .row .cell:nth-child(3)').allInnerTexts();
    assert.ok(names.length > 0 && names.every((n) => n === value), names.join(','));
    await frame.locator('button[data-action="pickClose"]').click();
    await clearFilters(frame);
    const failed = await afterResult(frame, () => frame.locator('input[data-action="errorsOnly"]').check());
    const matches = Number(failed.split(' of')[0].replace(/,/g, ''));
    assert.ok(matches > 0 && matches < records, failed);
    const errors = await frame.locator('.grid .rows .row .cell:last-child').allInnerTexts();
    assert.ok(errors.length > 0 && errors.every((e) => e.length > 0), `errors only: ${errors.join(',')}`);
    await clearFilters(frame);
  });

  it('narrows to a time range dragged over the histogram, and a click clears it', async () => {
    const { page } = await getWorkbench();
    const frame = await webviewFrame(page, 'svg.histogram .bar');
    await clearFilters(frame);
    const chart = frame.locator('svg.histogram');
    const from = frame.locator('input[aria-label="From, UTC"]');
    // Under load a drag can land before the page has laid the chart out, or lose its moves: drag
    // again over a box measured afresh until the page takes the range.
    let narrowed = '';
    for (let attempt = 1; !narrowed; attempt++) {
      const box = await settledBox(page, chart);
      const y = box.y + box.height / 2;
      const answer = afterResult(
        frame,
        async () => {
          await page.mouse.move(box.x + box.width * 0.25, y);
          await page.mouse.down();
          await page.mouse.move(box.x + box.width * 0.4, y, { steps: 5 });
          await page.mouse.up();
        },
        20_000,
      );
      const text = await answer.catch((err: unknown) => {
        if (attempt >= 3) throw err;
        return '';
      });
      if (text && (await from.inputValue()) !== '') narrowed = text;
      else assert.ok(attempt < 3, `the drag did not register a range: ${text}`);
    }
    const shown = Number(narrowed.split(' of')[0].replace(/,/g, ''));
    // The drag covers 15 % of the time axis over an even load: about that share of the records.
    assert.ok(shown > records * 0.05 && shown < records * 0.3, `${shown} of ${records}`);
    const cleared = await afterResult(frame, () => chart.click({ position: { x: 10, y: 10 } }));
    assert.match(cleared, new RegExp(`^${records.toLocaleString('en-US')} of`));
    assert.strictEqual(await from.inputValue(), '');
  });

  it('opens the selected record in its delivery file', async () => {
    const { page } = await getWorkbench();
    const frame = await webviewFrame(page, '.grid .rows .row');
    await frame.locator('.grid .rows .row').first().click();
    await frame.locator('button[data-action="open"]:not([disabled])').click();
    // The decompressed view of a delivery is named like the log without ".gz".
    await page
      .locator('.tab', { hasText: /_CloudTrail_.*\.json$/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot('history-open-record');
    await page
      .locator('.tab', { hasText: /^CloudTrail folder/ })
      .first()
      .click();
    // Focus inside the page again (the page may have been shown afresh), as a user clicking a row.
    const back = await webviewFrame(page, '.grid .rows .row');
    await back.locator('.grid .rows .row').first().click();
  });

  for (const theme of ['dark', 'light', 'high-contrast'] as const) {
    it(`looks native in the ${theme} theme`, async () => {
      const { page } = await getWorkbench();
      await setTheme(theme);
      const frame = await webviewFrame(page, '.grid .rows .row');
      await frame.locator('.grid .rows .row').first().waitFor();
      const bodyClass = await frame.evaluate(
        () => (globalThis as unknown as { document: { body: { className: string } } }).document.body.className,
      );
      assert.ok(bodyClass.split(' ').includes(THEMES[theme].bodyClass), bodyClass);
      await frame.locator('.grid .rows .row').nth(2).click();
      await page.waitForTimeout(300);
      await screenshot(`history-${theme}`);
    });
  }
});

/** The number of the result the page shows (its summary carries it). */
async function resultSeq(frame: Frame): Promise<number> {
  return Number((await frame.locator('.summary').getAttribute('data-seq')) ?? -1);
}

/**
 * Does `action` and waits for the page to show a result newer than the one before it; returns its
 * summary. The page renders summary, histogram and rows of a result together, so what the caller
 * reads next belongs to that result, not to the one the action replaced.
 */
async function afterResult(frame: Frame, action: () => Promise<unknown>, timeout = 30_000): Promise<string> {
  const before = await resultSeq(frame);
  await action();
  await frame.waitForFunction(
    (n) => {
      const doc = (
        globalThis as unknown as { document: { querySelector(s: string): { dataset: { seq?: string } } | null } }
      ).document;
      return Number(doc.querySelector('.summary')?.dataset.seq ?? -1) > n;
    },
    before,
    { timeout },
  );
  return frame.locator('.summary').innerText();
}

/** Clears every filter and waits for the result of all records, whatever an earlier step left. */
async function clearFilters(frame: Frame): Promise<void> {
  const all = await afterResult(frame, () => frame.locator('button[data-action="clear"]').click());
  assert.match(all, /^([\d,]+) of \1 records match/);
}

/** The element's box once two measurements a frame apart agree (layout has settled). */
async function settledBox(
  page: Page,
  locator: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = await locator.boundingBox();
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(50);
    const now = await locator.boundingBox();
    if (
      last &&
      now &&
      Math.abs(now.x - last.x) < 0.5 &&
      Math.abs(now.y - last.y) < 0.5 &&
      Math.abs(now.width - last.width) < 0.5
    )
      return now;
    last = now;
  }
  throw new Error(`the box never settled: ${JSON.stringify(last)}`);
}
