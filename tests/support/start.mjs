// @ts-check
/**
 * `npm start`: serves the demo article on 127.0.0.1 and opens Chromium with the built extension on it.
 * `npm start -- --screenshot out.png` (or no display at all) saves what a reader would see instead of opening
 * a window: the screenshot is taken once the journal club panel is on screen.
 */
import { existsSync } from 'node:fs';
import { launchWithExtension, waitForPanelFrame } from './browser.mjs';
import { startFixtureServer } from './server.mjs';

const args = process.argv.slice(2);
const shotIndex = args.indexOf('--screenshot');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const screenshot =
  shotIndex >= 0 ? (args[shotIndex + 1] ?? 'journal-club.png') : hasDisplay ? null : 'journal-club.png';
const dark = args.includes('--dark');

if (!existsSync('/usr/bin/chromium')) {
  console.error('Chromium is not installed at /usr/bin/chromium (Debian: apt-get install chromium).');
  process.exit(1);
}

const server = await startFixtureServer({ port: screenshot ? 0 : 5178 });
const browser = await launchWithExtension({ headless: Boolean(screenshot), colorScheme: dark ? 'dark' : 'light' });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
const url = `${server.origin}/demo-article.html`;
await page.goto(url);
console.log(`Demo article: ${url}`);

if (screenshot) {
  const frame = await waitForPanelFrame(page, browser.extensionId, 15_000);
  await frame.getByRole('complementary', { name: 'Journal club' }).waitFor({ timeout: 15_000 });
  await page.screenshot({ path: screenshot });
  console.log(`No window opened${hasDisplay ? '' : ' (no display)'}; saved what a reader sees to ${screenshot}`);
  await browser.close();
  await server.close();
} else {
  console.log('Close the browser window to stop.');
  browser.context.on('close', () => void server.close());
}
