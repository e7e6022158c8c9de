// Smoke test of what a person sees: the workbench with our extension, the GameLift entry
// in the activity bar, and its Fleets view after a click. Saves the screenshot the README
// shows (refreshed into docs/images/ with UPDATE_SCREENSHOTS=1).
import * as assert from 'assert';
import * as fs from 'fs';
import { getWorkbench, GAMELIFT_ACTIVITY, openGameLiftView, screenshot, treeItems } from './harness';

describe('Workbench smoke', () => {
  it('shows the GameLift entry in the activity bar', async () => {
    const { page } = await getWorkbench();
    assert.strictEqual(await page.locator(GAMELIFT_ACTIVITY).count(), 1);
  });

  it('opens the Fleets view from the activity bar and takes a screenshot', async () => {
    const sidebar = await openGameLiftView();
    const fleetsPane = sidebar.locator('.pane-header, .composite.title', { hasText: /Fleets/i }).first();
    await fleetsPane.waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(await fleetsPane.isVisible(), 'the Fleets view is not visible');
    // Give the tree a moment to load from the emulator, when it has something to show.
    const { page } = await getWorkbench();
    await page
      .locator('.part.sidebar [role="treeitem"], .part.sidebar .welcome-view-content')
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    console.log(`      tree rows: ${JSON.stringify(await treeItems())}`);
    const file = await screenshot('fleet-explorer', { docsImage: 'fleet-explorer.png' });
    assert.ok(fs.statSync(file).size > 10_000, `screenshot ${file} looks empty`);
  });
});
