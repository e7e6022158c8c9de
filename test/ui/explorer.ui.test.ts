// What a person sees in the Fleets view: every fleet's name, status and instance counts readable
// at the default side-bar width, a fleet expanded into its event categories (with counts and
// severity icons) and one category expanded into its events. Saves
// test-output/ui/explorer-default-width.png and explorer-expanded-fleet.png.
import * as assert from 'assert';
import * as fs from 'fs';
import type { Locator } from 'playwright-core';
import { EVENT_CATEGORIES } from '../../src/gamelift/eventCatalog';
import {
  DEFAULT_SIDE_BAR_WIDTH,
  getWorkbench,
  openGameLiftView,
  resizeSideBar,
  runCommand,
  screenshot,
  SIDEBAR_TREE_ITEM,
  waitForTreeItem,
} from './harness';

// Browser globals used inside row.evaluate, which runs in the page (this file compiles without the DOM lib).
interface PageNode {
  readonly textContent: string | null;
  getBoundingClientRect(): { right: number };
  querySelector(selector: string): PageNode | null;
}
declare const document: {
  createTreeWalker(root: PageNode, whatToShow: number): { nextNode(): PageNode | null };
  createRange(): {
    setStart(node: PageNode, offset: number): void;
    setEnd(node: PageNode, offset: number): void;
  } & PageNode;
};
declare const NodeFilter: { readonly SHOW_TEXT: number };

/**
 * Where a row's label ends, where its description's first `chars` characters end, and
 * where the row clips its text (the container whose overflow shows "…"), in page pixels.
 */
async function rowGeometry(
  row: Locator,
  chars: number,
): Promise<{ text: string; name: number; lead: number; clip: number }> {
  return row.evaluate((row, n) => {
    const el = row as unknown as PageNode;
    const container = el.querySelector('.monaco-icon-label-container')!;
    const name = el.querySelector('.label-name')!;
    const description = el.querySelector('.label-description');
    const textNode = description && document.createTreeWalker(description, NodeFilter.SHOW_TEXT).nextNode();
    let lead = 0;
    if (textNode) {
      const range = document.createRange();
      range.setStart(textNode, 0);
      range.setEnd(textNode, Math.min(n, textNode.textContent!.length));
      lead = range.getBoundingClientRect().right;
    }
    return {
      text: `${name.textContent} ${description?.textContent ?? ''}`,
      name: name.getBoundingClientRect().right,
      lead,
      clip: container.getBoundingClientRect().right,
    };
  }, chars);
}

async function expand(row: Locator): Promise<void> {
  if ((await row.getAttribute('aria-expanded')) === 'true') return;
  await row.click();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.press('ArrowRight');
}

describe('Fleet explorer (UI)', () => {
  it("shows every fleet's name and status in full at the default side-bar width", async function () {
    const { page, emulator } = await getWorkbench();
    if (!emulator) this.skip();
    await openGameLiftView();
    await resizeSideBar(DEFAULT_SIDE_BAR_WIDTH);
    const collapseAll = page.locator('.part.sidebar .action-label[aria-label="Collapse All"]').first();
    if (await collapseAll.isVisible()) await collapseAll.click();
    const fleets = emulator.state.fleetsOf('111122223333', 'us-west-2').filter((f) => f.name);
    assert.ok(fleets.length >= 5, 'the default scenario has named fleets');
    const cut: string[] = [];
    for (const fleet of fleets) {
      const row = await waitForTreeItem(fleet.name!);
      // The counts arrive with the capacity read that follows the listing.
      const { ACTIVE, DESIRED } = fleet.capacity;
      const counts = fleet.kind === 'anywhere' || ACTIVE + DESIRED === 0 ? '' : ` · ${ACTIVE}/${DESIRED}`;
      await row.locator('.label-description', { hasText: counts }).first().waitFor({ timeout: 15_000 });
      // The status leads the description; it may be shown in words other than the API's.
      const description = (await row.locator('.label-description').first().innerText()).trim();
      const status = description.split(' · ')[0];
      assert.equal(
        status.toUpperCase().replace(/ /g, '_'),
        fleet.status,
        `${fleet.name}: status first in "${description}"`,
      );
      const g = await rowGeometry(row, status.length);
      // Room for the ellipsis when more text follows the status.
      const room = description.length > status.length ? 12 : 0;
      if (g.name > g.clip || g.lead > g.clip - room)
        cut.push(`${g.text} (name ends ${g.name}, status ${g.lead}, clip ${g.clip})`);
      // The active/desired instances after the status ("Active · 4/4") fit too.
      const whole = await rowGeometry(row, description.length);
      if (whole.lead > whole.clip) cut.push(`${g.text} (description ends ${whole.lead}, clip ${whole.clip})`);
    }
    await page.mouse.move(900, 700); // no hover tooltip in the picture
    await page.waitForTimeout(500);
    await screenshot('explorer-default-width');
    assert.deepEqual(cut, [], `rows whose name or status is cut at ${DEFAULT_SIDE_BAR_WIDTH} px:\n${cut.join('\n')}`);
  });

  it('shows a fleet expanded into event categories and events', async function () {
    const { page, emulator } = await getWorkbench();
    if (!emulator) this.skip();
    await openGameLiftView();
    // Earlier tests may have left other fleets expanded; the tree only renders the rows that
    // fit on screen, so start from a collapsed tree.
    const collapseAll = page.locator('.part.sidebar .action-label[aria-label="Collapse All"]').first();
    if (await collapseAll.isVisible()) await collapseAll.click();
    const fleet = await waitForTreeItem('arena-staging');
    await expand(fleet);
    const categoryLabels = EVENT_CATEGORIES.map((c) => c.label);
    const level2 = page.locator(`${SIDEBAR_TREE_ITEM}[aria-level="2"]`);
    await level2.first().waitFor({ timeout: 30_000 });
    const names = await level2.locator('.label-name').allInnerTexts();
    const categories = names.filter((n) => categoryLabels.includes(n.trim()));
    assert.ok(categories.length >= 1, `category rows under the fleet, got ${JSON.stringify(names)}`);
    // Expand the smallest category so all its events fit on screen at once.
    const rows = await Promise.all(
      categories.map(async (label) => {
        // By the exact name: the fleet's Diagnosis row ("Server processes crash…") comes first.
        const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
        const row = level2.filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
        return { row, count: (await row.locator('.label-description').first().innerText()).trim() };
      }),
    );
    for (const { count: shown } of rows) assert.match(shown, /^\d+$/, 'a category shows its count');
    const { row: firstCategory, count } = rows.reduce((a, b) => (Number(b.count) < Number(a.count) ? b : a));
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
  it('"Fetch fleet events" takes a pasted ARN in the quick pick and reveals that fleet', async function () {
    const { page, emulator } = await getWorkbench();
    if (!emulator) this.skip();
    const accountId = '111122223333';
    const fleet = emulator.state.fleetsOf(accountId, 'eu-west-1').find((f) => f.name)!;
    await openGameLiftView();
    await runCommand('GameLift: Fetch fleet events');
    const widget = page.locator('.quick-input-widget');
    await widget.waitFor({ state: 'visible', timeout: 10_000 });
    // Fill rather than type: keystrokes sent before the quick input has focus are lost, and a
    // truncated ARN is (rightly) refused.
    await widget.locator('input').first().fill(fleet.fleetArn);
    await widget
      .locator('.monaco-list-row', { hasText: `Use "${fleet.fleetArn}` })
      .first()
      .waitFor({ timeout: 10_000 });
    assert.match(
      await widget.locator('.monaco-list-row').first().innerText(),
      /eu-west-1/,
      "the pasted ARN's region is recognised",
    );
    await page.keyboard.press('Enter');
    // Time range: pick "All events".
    await widget.locator('.monaco-list-row', { hasText: 'All events' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.type('All events');
    await page.keyboard.press('Enter');
    // Limit: a bad value is refused while typing, then 3 is accepted.
    await widget.locator('input').first().waitFor({ timeout: 10_000 });
    await page.keyboard.type('abc');
    await widget
      .locator('.quick-input-message', { hasText: /whole number/ })
      .first()
      .waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    const row = await waitForTreeItem(fleet.name!, 60_000);
    await page
      .locator(`${SIDEBAR_TREE_ITEM}[aria-selected="true"]`, {
        has: page.locator('.label-name', { hasText: fleet.name! }),
      })
      .first()
      .waitFor({ timeout: 30_000 });
    assert.strictEqual(await row.getAttribute('aria-expanded'), 'true', 'the fetched fleet is expanded');
    await page.waitForTimeout(500);
    await screenshot('explorer-fetched-fleet');
  });
});
