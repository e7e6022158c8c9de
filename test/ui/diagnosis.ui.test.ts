// The fleet diagnosis and a GameLift Log document in the real workbench (VS Code server in
// headless Chromium), fed by the local endpoint: "Diagnose fleet" with a pasted fleet ARN opens
// the panel for the CRLF installer failure, and its log-line evidence opens the installer log at
// that line. Saves screenshots of both in the dark, light and high-contrast themes.
import * as assert from 'assert';
import { DEFAULT_TEST_ACCOUNT } from '../emulator/credentials';
import { DIAGNOSIS_FLEETS, DIAGNOSIS_REGION } from '../emulator/fixtures';
import {
  closeAllEditors,
  getWorkbench,
  openGameLiftView,
  runCommand,
  screenshot,
  setTheme,
  THEMES,
  webviewFrame,
} from './harness';

const FLEET_ID = DIAGNOSIS_FLEETS.installerCrlf;
const FLEET_ARN = `arn:aws:gamelift:${DIAGNOSIS_REGION}:${DEFAULT_TEST_ACCOUNT.accountId}:fleet/${FLEET_ID}`;

describe('Fleet diagnosis and log documents in the workbench', function () {
  this.timeout(180_000);

  before(async () => {
    const { emulator } = await getWorkbench();
    assert.ok(emulator, 'the UI run has the local endpoint');
    await openGameLiftView();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      await screenshot(`diagnosis-failure-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 40)}`);
  });

  after(async () => {
    // Leave the shared workbench as the other UI tests expect it: default theme, no editors.
    await setTheme('light');
    await closeAllEditors();
  });

  for (const theme of ['dark', 'light', 'high-contrast'] as const) {
    it(`shows the diagnosis panel and the log at its line in the ${theme} theme (screenshots)`, async () => {
      const { page } = await getWorkbench();
      await setTheme(theme);
      await closeAllEditors();

      // Diagnose fleet from the palette, with a pasted ARN (its Region is used).
      await runCommand('GameLift: Diagnose fleet');
      const widget = page.locator('.quick-input-widget');
      // The fleet pick replaces the palette: type only once it is there, or the first keys are lost.
      await widget.locator('.quick-input-title', { hasText: 'diagnose fleet' }).waitFor({ timeout: 30_000 });
      await page.keyboard.type(FLEET_ARN);
      await widget.locator('.monaco-list-row', { hasText: FLEET_ID }).first().waitFor({ timeout: 30_000 });
      await widget
        .locator('.monaco-list-row', { hasText: FLEET_ARN.slice(0, 30) })
        .first()
        .waitFor();
      await page.keyboard.press('Enter');

      const frame = await webviewFrame(page, '.evidence-log button');
      const headline = (await frame.locator('h2.headline').innerText()).trim();
      assert.match(headline, /install/i, headline);
      const bodyClass = await frame.evaluate(
        () => (globalThis as unknown as { document: { body: { className: string } } }).document.body.className,
      );
      assert.ok(bodyClass.split(' ').includes(THEMES[theme].bodyClass), bodyClass);
      const pageText = await frame.locator('main').innerText();
      assert.doesNotMatch(pageText, /X-Amz-|Signature=/, 'no presigned URL on the page');
      await screenshot(`diagnosis-workbench-${theme}`);

      // The log line of the evidence opens the installer log, read-only, at that line.
      const open = frame.locator('.evidence-log button[data-action^="log:"]').first();
      const action = (await open.getAttribute('data-action')) ?? '';
      const line = Number(action.split(':').pop());
      assert.ok(line > 0, action);
      await open.click();
      const tab = page.locator('.tabs-container .tab', { hasText: /FLEET_CREATION.*\.log/ }).first();
      await tab.waitFor({ timeout: 30_000 });
      const editor = page.locator('.editor-instance .monaco-editor').first();
      await editor.locator('.view-line', { hasText: 'bad interpreter' }).first().waitFor({ timeout: 30_000 });
      // The cursor is on the evidence's line (the status bar says so).
      await page
        .locator('.statusbar-item', { hasText: new RegExp(`Ln ${line},`) })
        .first()
        .waitFor({ timeout: 30_000 });
      await page.locator('.statusbar-item', { hasText: 'GameLift Log' }).first().waitFor({ timeout: 30_000 });
      await screenshot(`log-workbench-${theme}`);
    });
  }
});
