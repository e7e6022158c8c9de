// What a person sees in the Fleets view: a fleet expanded into its event categories (with
// counts and severity icons) and one category expanded into its events. Saves
// test-output/ui/explorer-expanded-fleet.png.
import * as assert from 'assert';
import * as fs from 'fs';
import type { Locator } from 'playwright-core';
import { EVENT_CATEGORIES } from '../../src/gamelift/eventCatalog';
import { getWorkbench, openGameLiftView, screenshot, SIDEBAR_TREE_ITEM, waitForTreeItem } from './harness';

async function expand(row: Locator): Promise<void> {
  if ((await row.getAttribute('aria-expanded')) === 'true') return;
  await row.click();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.press('ArrowRight');
}

describe('Fleet explorer (UI)', () => {
  it('shows a fleet expanded into event categories and events', async function () {
    const { page, emulator } = await getWorkbench();
    if (!emulator) this.skip();
    await openGameLiftView();
    const fleet = await waitForTreeItem('arena-staging');
    await expand(fleet);
    const categoryLabels = EVENT_CATEGORIES.map((c) => c.label);
    const level2 = page.locator(`${SIDEBAR_TREE_ITEM}[aria-level="2"]`);
    await level2.first().waitFor({ timeout: 30_000 });
    const names = await level2.locator('.label-name').allInnerTexts();
    const categories = names.filter((n) => categoryLabels.includes(n.trim()));
    assert.ok(categories.length >= 1, `category rows under the fleet, got ${JSON.stringify(names)}`);
    const firstCategory = level2.filter({ has: page.locator('.label-name', { hasText: categories[0] }) }).first();
    const count = (await firstCategory.locator('.label-description').first().innerText()).trim();
    assert.match(count, /^\d+$/, 'a category shows its count');
    await expand(firstCategory);
    const events = page.locator(`${SIDEBAR_TREE_ITEM}[aria-level="3"]`);
    await events.first().waitFor({ timeout: 30_000 });
    assert.strictEqual(await events.count(), Number(count), 'the category lists as many events as its count');
    assert.ok((await events.first().locator('.codicon').count()) > 0, 'events have a severity icon');
    await page.mouse.move(900, 700); // no hover tooltip in the picture
    await page.waitForTimeout(800);
    const file = await screenshot('explorer-expanded-fleet');
    assert.ok(fs.statSync(file).size > 10_000, `screenshot ${file} looks empty`);
  });
});
