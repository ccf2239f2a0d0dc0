import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type ClubService, type MemberName, solidClub } from './club-e2e';
import { type DevtoolsTarget, FirefoxDevtools } from './firefox-devtools';
import { findPassage } from './page-text';
import { freePort } from './solid/solid-server';

/**
 * The club in Firefox ESR: one profile per member with the Firefox build (`.output/firefox-mv2`), driven by
 * puppeteer-core over WebDriver BiDi as the other Firefox tests are, plus the devtools server for what BiDi will
 * not reach (the options page, the panel frame: see firefox-devtools.ts), and the real Community Solid Server set
 * up by the owner for Alice and Bob as in the Chromium story (club-e2e.ts).
 */
export const FIREFOX = '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = fileURLToPath(new URL('../../.output/firefox-mv2/', import.meta.url));
export const firefoxReady = existsSync(FIREFOX) && existsSync(`${FIREFOX_BUILD}manifest.json`);
/** What is missing when {@link firefoxReady} is false. */
export const firefoxMissing = existsSync(FIREFOX) ? FIREFOX_BUILD : FIREFOX;
const ADDON_ID = 'journal-club-reader@researchimpact.example';

export interface FirefoxMember {
  browser: Browser;
  devtools: FirefoxDevtools;
  /** The extension's own documents (background page, options page). */
  extension: Map<string, DevtoolsTarget>;
}

/** A Firefox profile with the build installed and the devtools server on a free loopback port. */
export async function launchFirefoxMember(): Promise<FirefoxMember> {
  const port = await freePort();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    args: ['--start-debugger-server', String(port)],
    extraPrefsFirefox: {
      'devtools.debugger.remote-enabled': true,
      // The parent process's console, for the trusted click on the options page.
      'devtools.chrome.enabled': true,
      'devtools.debugger.prompt-connection': false,
    },
  });
  try {
    await browser.installExtension(FIREFOX_BUILD);
    const devtools = await FirefoxDevtools.connect(port);
    const extension = await devtools.extensionTargets(ADDON_ID);
    return { browser, devtools, extension };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** The newest target whose address contains `part` (other than `stale`, one a reload replaces), once there is one. */
export function targetWith(
  targets: Map<string, DevtoolsTarget>,
  part: string,
  stale?: DevtoolsTarget,
): Promise<DevtoolsTarget> {
  return until(`a document at …${part}`, () =>
    [...targets.values()].reverse().find((target) => target.url.includes(part) && target.actor !== stale?.actor),
  );
}

/**
 * What `check` gives once it gives something (not undefined, null, false or ''), tried every 200 ms; for the
 * setup, where vitest's `expect.poll` may not run.
 */
async function until<T>(what: string, check: () => T | Promise<T>, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}; last: ${String(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Script run in an extension page before a test's own: finds controls as a reader names them (their label, the
 * button's accessible name), and types into a field as the keyboard would (the value, then an `input` event).
 */
export const PAGE_HELPERS = `
  const nameOf = (element) => (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
  const byLabel = (root, text) => {
    const label = [...root.querySelectorAll('label')].find((label) => label.textContent.trim().startsWith(text));
    if (!label?.control) throw new Error('no field labelled ' + text);
    return label.control;
  };
  const button = (root, name) => [...root.querySelectorAll('button')].find((element) => nameOf(element) === name);
  const type = (field, value) => {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const section = (heading) => [...document.querySelectorAll('section')].find(
    (element) => element.querySelector('h2, h3')?.textContent.trim() === heading);
`;

/**
 * Connects a member as a reader does: the options page opened, "A Solid pod" chosen in "Your club", the club's
 * container, the issuer and the client credentials typed, "My club" or "Only me" chosen, and Connect clicked with
 * a trusted click (the permission for the sites is asked in that click).
 */
export async function connectToSolidClub(
  member: FirefoxMember,
  service: ClubService,
  name: MemberName,
  visibility: 'club' | 'only-me',
): Promise<void> {
  const solid = service.solid;
  const account = solid?.accounts[name];
  if (!solid || !account || !service.clubContainer) throw new Error('no Solid club');
  const background = await targetWith(member.extension, '_generated_background_page.html');
  // What the popup's "Catalogs…" and the add-on manager's Preferences do.
  await member.devtools.evaluate(background, 'await browser.runtime.openOptionsPage();');
  const options = await targetWith(member.extension, '/options.html');
  const fields = {
    'Club container address': service.clubContainer,
    'Your Solid server (identity provider)': solid.baseUrl,
    'Client id': account.clientId,
    'Client secret': account.clientSecret,
  };
  const connect = await member.devtools.evaluate<{ x: number; y: number }>(
    options,
    `${PAGE_HELPERS}
     // The section draws its form once the background has said the reader is not connected yet.
     let kind = null;
     for (let tries = 0; !kind; tries++) {
       try { kind = byLabel(section('Your club'), 'A Solid pod'); } catch (error) { if (tries > 100) throw error; }
       await new Promise((resolve) => setTimeout(resolve, 100));
     }
     const club = section('Your club');
     kind.click();
     await new Promise((resolve) => setTimeout(resolve, 100));
     for (const [label, value] of Object.entries(${JSON.stringify(fields)})) type(byLabel(club, label), value);
     byLabel(club, ${JSON.stringify(visibility === 'club' ? 'My club' : 'Only me')}).click();
     await new Promise((resolve) => setTimeout(resolve, 100));
     const connect = button(club, 'Connect');
     connect.scrollIntoView({ block: 'center' });
     const box = connect.getBoundingClientRect();
     return { x: box.left + box.width / 2, y: box.top + box.height / 2 };`,
  );
  await member.devtools.trustedClick(options, connect.x, connect.y);
  const said = () =>
    member.devtools.evaluate<{ connected: boolean; text: string }>(
      options,
      `return { connected: !!document.querySelector('p.club__connected'),
                text: document.querySelector('section.club')?.innerText ?? '' };`,
    );
  await until('the options page to say connected', async () => (await said()).connected, 30_000).catch(
    async (error) => {
      throw new Error(`${error.message}\n"Your club" says: ${(await said()).text}`);
    },
  );
}

/** The Solid club with Alice ("My club") and Bob ("Only me") connected, each in a Firefox profile of their own. */
export async function startFirefoxClub(): Promise<{
  service: ClubService;
  members: Record<MemberName, FirefoxMember>;
  close(): Promise<void>;
}> {
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer().catch(() => undefined);
  };
  try {
    const service = await solidClub();
    closers.push(service.stop);
    const members = {} as Record<MemberName, FirefoxMember>;
    for (const name of ['alice', 'bob'] as const) {
      const member = await launchFirefoxMember();
      closers.push(async () => {
        member.devtools.close();
        await member.browser.close();
      });
      await connectToSolidClub(member, service, name, name === 'alice' ? 'club' : 'only-me');
      members[name] = member;
    }
    return { service, members, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Scrolls to the passage and selects it as a reader's keyboard would: all but its last character by script, the last by a real
 * Shift+ArrowRight (the extension offers only selections the reader's own input made).
 */
export async function selectPassageIn(page: Page, passage: string): Promise<void> {
  await page.evaluate(
    `(() => {
      const range = (${findPassage})(${JSON.stringify(passage)});
      if (!range) throw new Error('passage not on the page');
      // In view first, as a reader scrolls to it: the toolbar is drawn beside the selection.
      range.startContainer.parentElement.scrollIntoView({ block: 'center' });
      range.setEnd(range.endContainer, range.endOffset - 1);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    })()`,
  );
  await page.keyboard.down('Shift');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.up('Shift');
}
