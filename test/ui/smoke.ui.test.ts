// Smoke test of what a person sees: the workbench with our extension, the GameLift entry
// in the activity bar, its Fleets view after a click (listing the emulator's fleets when
// the emulator is built), and a CloudTrail log open beside it. Saves the screenshot the
// README shows (refreshed into docs/images/ with UPDATE_SCREENSHOTS=1).
import * as assert from 'assert';
import * as fs from 'fs';
import {
  DEFAULT_SIDE_BAR_WIDTH,
  getWorkbench,
  GAMELIFT_ACTIVITY,
  openGameLiftView,
  resizeSideBar,
  runCommand,
  screenshot,
  SIDEBAR_TREE_ITEM,
  treeItems,
} from './harness';

const CLOUDTRAIL_FILE = '111122223333_CloudTrail_us-west-2_20261120T1005Z_Gm7qLx2Rv9TbNc4W.json';

describe('Workbench smoke', () => {
  it('shows the GameLift entry in the activity bar', async () => {
    const { page } = await getWorkbench();
    assert.strictEqual(await page.locator(GAMELIFT_ACTIVITY).count(), 1);
  });

  it('opens the Fleets view from the activity bar', async () => {
    const sidebar = await openGameLiftView();
    const title = sidebar.locator('.composite.title, .pane-header', { hasText: /Fleets/i }).first();
    await title.waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(await title.isVisible(), 'the Fleets view is not visible');
  });

  it('lists the fleets of the local endpoint', async function () {
    const { page, emulator } = await getWorkbench();
    if (!emulator) this.skip();
    await page.locator(SIDEBAR_TREE_ITEM).first().waitFor({ state: 'visible', timeout: 30_000 });
    const labels = await treeItems();
    assert.ok(labels.length >= 2, `expected the default scenario's fleets, got ${JSON.stringify(labels)}`);
  });

  it('takes the README screenshot: fleet events beside a CloudTrail log', async () => {
    const { page, emulator } = await getWorkbench();
    await openGameLiftView();
    if (emulator) {
      // Expand the first fleet with the keyboard (a click may run the row's command).
      const firstFleet = page.locator(SIDEBAR_TREE_ITEM).first();
      await firstFleet.click();
      await page.keyboard.press('ArrowRight');
      await page.locator(`${SIDEBAR_TREE_ITEM}[aria-level="2"]`).first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1_500);
    }
    await runCommand('Go to File');
    await page.keyboard.type(CLOUDTRAIL_FILE);
    // The row and the tab of this very file (a looser 'CloudTrail' also matches files opened by
    // earlier tests, from the quick-open history, before the search has found this one).
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: CLOUDTRAIL_FILE })
      .first()
      .waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page
      .locator('.editor-group-container .tab', { hasText: CLOUDTRAIL_FILE })
      .first()
      .waitFor({ timeout: 15_000 });
    await resizeSideBar(DEFAULT_SIDE_BAR_WIDTH); // the picture shows what a user sees
    await page.mouse.move(900, 700); // no hover tooltip in the picture
    await page.waitForTimeout(1_500);
    const file = await screenshot('fleet-explorer', { docsImage: 'fleet-explorer.png' });
    assert.ok(fs.statSync(file).size > 10_000, `screenshot ${file} looks empty`);
  });
});
