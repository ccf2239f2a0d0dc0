// @ts-check
/**
 * `npm start`: serves the demo article on 127.0.0.1 and opens Chromium with the built extension on it.
 * `npm start -- --screenshot out.png` (or no display at all) saves what a reader would see instead of opening
 * a window: the screenshot is taken once the journal club panel is on screen, at 1280 × 800, where the article
 * sits side by side with the panel. `--narrow` makes the window 900 × 800, too narrow for side by side: the
 * panel lies over the article's right edge. `--dark` shows the dark scheme.
 */
import { existsSync } from 'node:fs';
import { launchWithExtension, waitForPanelFrame } from './browser.mjs';
import { startFixtureServer } from './server.mjs';

const args = process.argv.slice(2);
const shotIndex = args.indexOf('--screenshot');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const dark = args.includes('--dark');
const narrow = args.includes('--narrow');
const defaultShot = narrow ? 'journal-club-narrow.png' : 'journal-club.png';
/** The file after `--screenshot`, unless what follows is another flag (`--screenshot --narrow`). */
const named = shotIndex >= 0 ? args[shotIndex + 1] : undefined;
const screenshot =
  shotIndex >= 0 ? (named && !named.startsWith('--') ? named : defaultShot) : hasDisplay ? null : defaultShot;
/** Wide enough for side by side, or (`--narrow`) too narrow for it (see utils/page/side-by-side/wide-enough.ts). */
const viewport = narrow ? { width: 900, height: 800 } : { width: 1280, height: 800 };

if (!existsSync('/usr/bin/chromium')) {
  console.error('Chromium is not installed at /usr/bin/chromium (Debian: apt-get install chromium).');
  process.exit(1);
}

const server = await startFixtureServer({ port: screenshot ? 0 : 5178 });
const browser = await launchWithExtension({ headless: Boolean(screenshot), colorScheme: dark ? 'dark' : 'light' });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.setViewportSize(viewport);
const url = `${server.origin}/demo-article.html`;
await page.goto(url);
console.log(`Demo article: ${url}`);

if (screenshot) {
  const frame = await waitForPanelFrame(page, browser.extensionId, 15_000);
  await frame.getByRole('complementary', { name: 'Journal club' }).waitFor({ timeout: 15_000 });
  // The page has made room for the panel (or, narrow, left it over the article) by now; one more frame painted.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: screenshot });
  const view = narrow ? 'the panel over the article, 900 × 800' : 'side by side, 1280 × 800';
  console.log(
    `No window opened${hasDisplay ? '' : ' (no display)'}; saved what a reader sees (${view}) to ${screenshot}`,
  );
  await browser.close();
  await server.close();
} else {
  console.log('Close the browser window to stop.');
  browser.context.on('close', () => void server.close());
}
