// The fleet overview in the real workbench, opened the way a user does (the fleet row's context
// menu, its inline action), for the EC2 multi-location fleet and the rolling-back container fleet
// of local-dev / ap-southeast-2: every section drawn, the failed location and the rollback standing
// out. Saves overview-ec2-<theme>.png and overview-container-<theme>.png in three themes (test
// output only: the .vsix, which ships the README's images, has a 1 MB budget).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import { OVERVIEW_FLEETS, OVERVIEW_REGION } from '../emulator/fixtures';
import {
  closeAllEditors,
  contextMenuPick,
  getWorkbench,
  openGameLiftView,
  reloadWorkbench,
  screenshot,
  setTheme,
  SIDEBAR_TREE_ITEM,
  THEMES,
  waitForTreeItem,
  webviewFrame,
} from './harness';

const EC2_NAME = 'arena-global';

/** The user settings file of the UI run; the Region setting is application-scoped, so it lives here. */
async function userSettingsFile(): Promise<string> {
  const { session } = await getWorkbench();
  return path.join(session.run.userData, 'User', 'settings.json');
}

async function writeRegions(regions: readonly string[]): Promise<void> {
  const file = await userSettingsFile();
  const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(file, JSON.stringify({ ...settings, 'gamelift.regions': regions }, null, 2));
}

/** Waits until the overview page whose title holds `fleet` (name or ID) shows every one of its sections settled. */
async function overviewFrame(fleet: string, sections: readonly string[]): Promise<Frame> {
  const { page } = await getWorkbench();
  const frame = await webviewFrame(page, `h1:has-text("${fleet}")`);
  for (const id of sections) {
    await frame.locator(`section[data-section="${id}"] .card-body`).first().waitFor();
    await frame.locator(`section[data-section="${id}"] .busy`).waitFor({ state: 'detached', timeout: 30_000 });
  }
  // Nothing the page got from the service ran as markup.
  assert.strictEqual(await frame.locator('section .section-error').count(), 0, 'no section failed');
  return frame;
}

async function bodyClass(frame: Frame): Promise<string[]> {
  const name = await frame.evaluate(
    () => (globalThis as unknown as { document: { body: { className: string } } }).document.body.className,
  );
  return name.split(' ');
}

describe('Fleet overview in the workbench', function () {
  this.timeout(180_000);
  let savedRegions: unknown;

  before(async () => {
    const file = await userSettingsFile();
    savedRegions = (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)['gamelift.regions'];
    await writeRegions([OVERVIEW_REGION]);
    // A fresh extension host and tree: earlier files leave fetched fleets, Regions and expansions behind.
    await reloadWorkbench();
    await openGameLiftView();
    try {
      await waitForTreeItem(EC2_NAME, 60_000);
    } catch (err) {
      await screenshot('overview-failure-before');
      throw err;
    }
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      await screenshot(`overview-failure-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 40)}`);
  });

  after(async () => {
    // Leave the shared workbench as the other UI tests expect it: default theme, no editors, its Regions.
    await setTheme('light');
    await closeAllEditors();
    await writeRegions(Array.isArray(savedRegions) ? (savedRegions as string[]) : ['us-west-2']);
  });

  for (const theme of ['dark', 'light', 'high-contrast'] as const) {
    it(`shows an EC2 multi-location fleet and a container fleet in the ${theme} theme`, async () => {
      const { page } = await getWorkbench();
      await setTheme(theme);
      await closeAllEditors();

      // EC2, from the fleet row's context menu: the ap-south-1 location in ERROR stands out.
      await contextMenuPick(await waitForTreeItem(EC2_NAME), 'Show fleet overview');
      const ec2 = await overviewFrame(EC2_NAME, ['attributes', 'runtime', 'locations', 'computes']);
      assert.ok((await bodyClass(ec2)).includes(THEMES[theme].bodyClass));
      const failed = ec2.locator('section[data-section="locations"] tr.attention', { hasText: 'ap-south-1' });
      assert.strictEqual(await failed.locator('.status.tone-error').count(), 1, 'ap-south-1 shows its ERROR');
      assert.ok((await ec2.locator('section[data-section="runtime"] td.mono').count()) > 0, 'launch paths shown');
      // The locations and computes in the picture, below the attributes.
      await failed.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.mouse.move(5, 400); // no hover in the picture
      await screenshot(`overview-ec2-${theme}`);

      // Container, from the row's inline action: the rolling-back deployment and the log group.
      await closeAllEditors();
      // Container fleets are named after their container group; this one is the one updating.
      const row = page.locator(SIDEBAR_TREE_ITEM, { hasText: /game-server-group\s*Updating/ }).first();
      await row.hover();
      await row.locator('.action-label[aria-label="Show fleet overview"]').click();
      const container = await overviewFrame(OVERVIEW_FLEETS.containerRollback, [
        'attributes',
        'locations',
        'computes',
        'deployments',
        'logs',
      ]);
      assert.ok(
        (await container.locator('section[data-section="deployments"] tr.attention').count()) > 0,
        'the rollback stands out',
      );
      assert.ok(
        (await container.locator('section[data-section="logs"]').innerText()).includes('CloudWatch Logs'),
        'the log destination is shown',
      );
      await container
        .locator('section[data-section="deployments"] tr.attention')
        .first()
        .evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.mouse.move(5, 400);
      await screenshot(`overview-container-${theme}`);
    });
  }
});
