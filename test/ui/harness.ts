// Harness for UI tests (`test/ui/*.ui.test.ts`, mocha BDD in plain Node): one VS Code
// server + one headless Chromium for the whole run, showing the workbench with our
// extension loaded and the emulator's default scenario behind it. Tests call
// `getWorkbench()` (started lazily, shared) and the helpers below; the runner
// (`npm run test:ui`) shuts it down at the end.
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import type { EmulatorHandle } from '../host/emulator';
import { REPO_ROOT, UI_OUTPUT_DIR } from '../host/paths';
import { type HostSession, startHostSession, waitForWorkbench } from '../host/session';

export interface Workbench {
  page: Page;
  /** The in-process emulator (undefined until test/emulator is built). */
  emulator: EmulatorHandle | undefined;
  /** Copy of test/fixtures/demo-workspace opened as the workspace folder. */
  workspace: string;
  session: HostSession;
}

/** The activity-bar entry of our view container. */
export const GAMELIFT_ACTIVITY = '.activitybar .action-item a[aria-label^="GameLift"]';
export const SIDEBAR_TREE_ITEM = '.part.sidebar [role="treeitem"]';

let starting: Promise<Workbench> | undefined;

export function getWorkbench(): Promise<Workbench> {
  starting ??= (async () => {
    const session = await startHostSession({ label: 'ui' });
    try {
      await waitForWorkbench(session.page);
      // The container appears once the extension's contributions are read.
      await session.page.waitForSelector(GAMELIFT_ACTIVITY, { timeout: 120_000 });
    } catch (err) {
      await session.stop();
      throw err;
    }
    return { page: session.page, emulator: session.emulator, workspace: session.run.workspace, session };
  })();
  return starting;
}

export async function shutdownWorkbench(): Promise<void> {
  const current = starting;
  starting = undefined;
  if (!current) return;
  try {
    await (await current).session.stop();
  } catch {
    // Starting failed; it already cleaned up after itself.
  }
}

/**
 * Reloads the workbench page (same server, workspace and emulator): a fresh extension host
 * and tree, for a test file that must not see what earlier files left behind. Call it in
 * `before()`; it costs a workbench start (about 10 s).
 */
export async function reloadWorkbench(): Promise<void> {
  const { page, session } = await getWorkbench();
  await page.goto(session.workbenchUrl, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await waitForWorkbench(page);
  await page.waitForSelector(GAMELIFT_ACTIVITY, { timeout: 120_000 });
}

/** Opens the GameLift container in the side bar (without toggling it closed when already open). */
export async function openGameLiftView(): Promise<Locator> {
  const { page } = await getWorkbench();
  const entry = page.locator(GAMELIFT_ACTIVITY);
  const sidebar = page.locator('.part.sidebar');
  const title = sidebar.locator('.composite.title', { hasText: /GameLift/i });
  // The entry can look selected while the side bar is hidden (restored layout), and a click
  // on a selected entry hides the side bar: click, and click again if it didn't show.
  if (!(await title.isVisible())) {
    await entry.click();
    try {
      await title.waitFor({ state: 'visible', timeout: 10_000 });
    } catch {
      await entry.click();
    }
  }
  await title.waitFor({ state: 'visible', timeout: 30_000 });
  return sidebar;
}

/** VS Code's default side-bar width in a window this size (`sideBar.size`: 300, or a quarter of a narrow window). */
export const DEFAULT_SIDE_BAR_WIDTH = 300;

/** Drags the side bar's edge until the side bar is `width` pixels wide (wider or narrower). */
export async function resizeSideBar(width: number): Promise<void> {
  const { page } = await getWorkbench();
  for (let attempt = 0; attempt < 3; attempt++) {
    const box = await page.locator('.part.sidebar').boundingBox();
    if (!box || Math.abs(box.width - width) < 1) return;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width + 1, y);
    await page.mouse.down();
    await page.mouse.move(box.x + width + 1, y, { steps: 5 });
    await page.mouse.up();
  }
}

/** Runs a command through the palette by its title, e.g. "GameLift: Refresh". */
export async function runCommand(title: string): Promise<void> {
  const { page } = await getWorkbench();
  const widget = page.locator('.quick-input-widget');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    try {
      await widget.waitFor({ state: 'visible', timeout: 10_000 });
    } catch (err) {
      // F1 is lost when a webview that is still loading has the focus (its page forwards
      // keybindings only once its script runs): give the focus back to the workbench and retry.
      if (attempt > 2) throw err;
      await page.evaluate(() =>
        (
          globalThis as unknown as { document: { activeElement: { blur?(): void } | null } }
        ).document.activeElement?.blur?.(),
      );
      continue;
    }
    await page.keyboard.type(title);
    try {
      await widget.locator('.monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
      break;
    } catch (err) {
      // The palette closes when something takes the focus while it opens, such as a webview
      // re-rendering after a theme change on a busy machine: open it once more. A palette
      // that stayed open without the command is a real failure.
      if (attempt > 2 || (await widget.isVisible())) throw err;
    }
  }
  await page.keyboard.press('Enter');
}

/** Labels of the rows currently rendered in the side bar's trees. */
export async function treeItems(): Promise<string[]> {
  const { page } = await getWorkbench();
  const rows = page.locator(SIDEBAR_TREE_ITEM);
  const labels: string[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const name = row.locator('.label-name').first();
    labels.push(((await name.count()) > 0 ? await name.innerText() : await row.innerText()).trim());
  }
  return labels;
}

/** Waits for a side-bar tree row whose label matches, and returns it. */
export async function waitForTreeItem(label: string | RegExp, timeoutMs = 30_000): Promise<Locator> {
  const { page } = await getWorkbench();
  const row = page.locator(SIDEBAR_TREE_ITEM, { has: page.locator('.label-name', { hasText: label }) }).first();
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  return row;
}

/** Content of the active webview (e.g. the event details panel). */
export async function activeWebview(): Promise<FrameLocator> {
  const { page } = await getWorkbench();
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** Picks `item` from a tree row's context menu, as a mouse user would (Enter when the click was dropped). */
export async function contextMenuPick(row: Locator, item: string): Promise<void> {
  const { page } = await getWorkbench();
  await row.click({ button: 'right' });
  const entry = page.locator('.context-view .action-item', { hasText: item }).first();
  await entry.waitFor();
  await entry.click();
  // A click that lands while the menu is still settling is dropped; the item is highlighted
  // then, so Enter chooses it as a keyboard user would.
  const menu = page.locator('.context-view .monaco-menu').first();
  if (
    !(await menu.waitFor({ state: 'hidden', timeout: 2_000 }).then(
      () => true,
      () => false,
    ))
  ) {
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: 10_000 });
  }
}

export async function closeAllEditors(): Promise<void> {
  await runCommand('View: Close All Editors');
}

/**
 * Saves a PNG of the whole workbench under test-output/ui/<name>.png. With
 * `docsImage` and UPDATE_SCREENSHOTS=1 it also refreshes docs/images/<docsImage>.
 */
export async function screenshot(name: string, opts: { docsImage?: string } = {}): Promise<string> {
  const { page } = await getWorkbench();
  fs.mkdirSync(UI_OUTPUT_DIR, { recursive: true });
  const file = path.join(UI_OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  if (opts.docsImage && process.env.UPDATE_SCREENSHOTS === '1') {
    const target = path.join(REPO_ROOT, 'docs', 'images', opts.docsImage);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
    console.log(`      (updated ${path.relative(REPO_ROOT, target)})`);
  }
  return file;
}

export const THEMES = {
  dark: { id: 'Dark 2026', workbenchClass: 'vs-dark', bodyClass: 'vscode-dark' },
  light: { id: 'Light 2026', workbenchClass: 'vs', bodyClass: 'vscode-light' },
  'high-contrast': { id: 'Default High Contrast', workbenchClass: 'hc-black', bodyClass: 'vscode-high-contrast' },
} as const;

/** Switches the colour theme as a user does: Command Palette → "Preferences: Color Theme" → pick. */
export async function setTheme(theme: keyof typeof THEMES): Promise<void> {
  const { page } = await getWorkbench();
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const widget = page.locator('.quick-input-widget');
  await widget.waitFor({ state: 'visible' });
  await page.keyboard.type('Preferences: Color Theme');
  // "Browse Color Themes in Marketplace" sorts first, so pick the row by its exact title.
  await widget
    .locator('.monaco-list-row', { hasText: /^Preferences: Color Theme/ })
    .first()
    .click();
  await widget.locator('.monaco-list-row', { hasText: 'Dark 2026' }).first().waitFor();
  await page.keyboard.type(THEMES[theme].id);
  await widget.locator('.monaco-list-row', { hasText: THEMES[theme].id }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.monaco-workbench.${THEMES[theme].workbenchClass}`).waitFor({ timeout: 30_000 });
}

/** The frame that holds our page inside the webview (the inner `#active-frame`). */
export async function webviewFrame(page: Page, selector: string): Promise<Frame> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame.name() !== 'active-frame' && !frame.url().includes('fake.html')) continue;
      try {
        if ((await frame.locator(selector).count()) > 0) return frame;
      } catch {
        // Frame went away while we looked.
      }
    }
    if (Date.now() > deadline) throw new Error(`no webview frame shows ${selector}`);
    await page.waitForTimeout(200);
  }
}
