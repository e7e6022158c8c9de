// Renders the Marketplace icon media/icon.png (128×128) from the activity-bar glyph
// media/gamelift.svg: the glyph in white on a rounded violet square, drawn by Chromium
// (playwright-core, GAMELIFT_CHROMIUM or /usr/bin/chromium). Run after changing the SVG:
// node scripts/render-icon.mjs
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 128;
const glyph = readFileSync(join(root, 'media', 'gamelift.svg'), 'utf8')
  .replace(/<!--[\s\S]*?-->/g, '')
  .replace(/width="24" height="24"/, 'width="92" height="92"');

const html = `<!doctype html>
<html><body style="margin:0;background:transparent">
<div style="width:${SIZE}px;height:${SIZE}px;border-radius:26px;color:#fff;display:flex;align-items:center;
  justify-content:center;background:linear-gradient(135deg,#4a2bb0 0%,#7c3aed 55%,#a855f7 100%)">${glyph}</div>
</body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.GAMELIFT_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(html);
  const out = join(root, 'media', 'icon.png');
  await page.screenshot({ path: out, omitBackground: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
