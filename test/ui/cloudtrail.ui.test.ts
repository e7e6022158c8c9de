// What a person sees in a CloudTrail log: squiggles under the broken and suspicious values, and
// a hover that explains a problem and the field. Saves test-output/ui/cloudtrail-hover.png.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../host/paths';
import { getWorkbench, runCommand, screenshot } from './harness';

const FILE = path.join(REPO_ROOT, 'test', 'fixtures', 'cloudtrail-editor', 'gamelift-showcase.cloudtrail.json');

describe('CloudTrail log in the editor', () => {
  it('shows squiggles and a hover on a misspelt GameLift operation', async () => {
    const { page } = await getWorkbench();
    await runCommand('Go to File');
    await page.keyboard.type(FILE);
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: 'gamelift-showcase' })
      .first()
      .waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page
      .locator('.editor-group-container .tab', { hasText: 'gamelift-showcase' })
      .first()
      .waitFor({ timeout: 15_000 });

    // The language mode in the status bar says the file was recognised.
    await page.locator('.statusbar-item', { hasText: 'CloudTrail Log' }).first().waitFor({ timeout: 15_000 });

    // Bring the misspelt operation (line 81) and the trailing comma (line 99) into view.
    await runCommand('Go to Line/Column');
    await page.keyboard.type('81');
    await page.keyboard.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.squiggly-warning').first().waitFor({ state: 'attached', timeout: 20_000 });
    await editor.locator('.squiggly-error').first().waitFor({ state: 'attached', timeout: 20_000 });

    // Semantic colouring re-renders the line, so the span found may be replaced before it is
    // measured; look it up again until one stays long enough to be measured.
    const word = editor.locator('.view-line span', { hasText: 'DescribeFleetEvent' }).first();
    let box: { x: number; y: number; width: number; height: number } | null = null;
    for (let attempt = 0; attempt < 10 && !box; attempt++) {
      await word.waitFor({ state: 'visible', timeout: 10_000 });
      box = await word.boundingBox().catch(() => null);
      if (!box) await page.waitForTimeout(200);
    }
    assert.ok(box, 'the misspelt operation is not on screen');
    const { x, y, width, height } = box;
    // A mouse hover depends on pointer timing, and a stale hover may be showing; try the mouse,
    // then the keyboard (cursor on the word, Show or Focus Hover), until the hover on the word
    // shows the problem.
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    const problem = hover.getByText(/did you mean/).first();
    const showProblemHover = async (): Promise<void> => {
      for (let attempt = 0; attempt < 6; attempt++) {
        if (await problem.isVisible()) return;
        await page.keyboard.press('Escape');
        await page.mouse.move(5, 5);
        if (attempt % 2 === 0) {
          await page.mouse.move(x + width / 2, y + height / 2, { steps: 4 });
        } else {
          await page.mouse.click(x + width / 2, y + height / 2);
          await page.keyboard.press('Control+K');
          await page.keyboard.press('Control+I');
        }
        if (
          await problem.waitFor({ timeout: 6_000 }).then(
            () => true,
            () => false,
          )
        )
          return;
      }
      throw new Error('no hover showing the problem on DescribeFleetEvent');
    };
    await showProblemHover();
    // The problem and the field's explanation come from different providers and may render apart.
    await hover
      .getByText(/eventName/)
      .first()
      .waitFor({ timeout: 15_000 });
    const text = await hover.innerText();
    assert.match(text, /not an Amazon GameLift operation/);
    assert.match(text, /eventName/);
    await page.waitForTimeout(500); // let semantic colouring settle in the picture
    // The hover is in the picture when it shows both before and after the screenshot; the
    // workbench may close it a moment later (a repaint of the decorations), then it is shown and
    // taken again.
    let file = '';
    let held = false;
    for (let attempt = 0; attempt < 3 && !held; attempt++) {
      await showProblemHover();
      const before = await hover.isVisible();
      file = await screenshot('cloudtrail-hover');
      held = before && (await hover.isVisible());
    }
    assert.ok(held, 'the hover is in the screenshot');
    assert.ok(fs.statSync(file).size > 10_000, `screenshot ${file} looks empty`);
  });

  it('opens a .json.gz delivery as a read-only decompressed log', async () => {
    const { page } = await getWorkbench();
    const gz = path.join(
      REPO_ROOT,
      'test',
      'fixtures',
      'cloudtrail-editor',
      '111111111111_CloudTrail_eu-central-1_20171211T1505Z_A6kvhMoVeCsc7v8U.json.gz',
    );
    await runCommand('View: Close All Editors');
    await runCommand('Go to File');
    await page.keyboard.type(gz);
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: 'A6kvhMoVeCsc7v8U.json.gz' })
      .first()
      .waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    // The redirect replaces the .gz tab with the decompressed log (its name without .gz).
    const tab = page.locator('.editor-group-container .tab', { hasText: /A6kvhMoVeCsc7v8U\.json$/ }).first();
    await tab.waitFor({ timeout: 20_000 });
    await page.locator('.statusbar-item', { hasText: 'CloudTrail Log' }).first().waitFor({ timeout: 15_000 });
    await page.locator('.view-line', { hasText: '"Records"' }).first().waitFor({ timeout: 15_000 });
    // Typing is refused: the editor is read-only.
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.type('zzz');
    await page.waitForTimeout(500);
    assert.strictEqual(
      await page.locator('.view-line', { hasText: 'zzz' }).count(),
      0,
      'the decompressed log accepted typing',
    );
    const file = await screenshot('cloudtrail-gz-readonly');
    assert.ok(fs.statSync(file).size > 10_000, `screenshot ${file} looks empty`);
  });
});
