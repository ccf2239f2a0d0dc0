import { beforeEach, describe, expect, it } from 'vitest';
import { handleRequest, type RequestSender } from '../../utils/background/handle-request';
import { parseSettings } from '../../utils/background/settings';
import { parseBackgroundRequest } from '../../utils/protocol/requests';
import { type BackgroundWorld, makeBackgroundWorld } from '../support/background-world';

const TAB = 7;
const page: RequestSender = { tabId: TAB, frameId: 0, fromExtensionPage: false, url: 'https://example.org/article' };
const panelPage: RequestSender = {
  tabId: TAB,
  frameId: 3,
  fromExtensionPage: true,
  url: 'chrome-extension://x/panel.html',
  panelBound: true,
};
const subFrame: RequestSender = { ...page, frameId: 2 };

let world: BackgroundWorld;
beforeEach(async () => {
  world = await makeBackgroundWorld({ name: 'reading-prefs-test' });
});

describe('side by side and the panel width', () => {
  it('starts side by side at 400 px, and tells the page only those two settings (and no club visibility)', async () => {
    await handleRequest({ type: 'settings-update', shareBase: 'page' }, panelPage, world.services);
    expect(await handleRequest({ type: 'reading-prefs' }, page, world.services)).toEqual({
      ok: true,
      value: { sideBySide: true, panelWidth: 400, clubVisibility: null },
    });
  });

  it('remembers a width dragged on the page without telling the page again, and keeps the other settings', async () => {
    await handleRequest({ type: 'settings-update', shareBase: 'page' }, panelPage, world.services);
    const reply = await handleRequest({ type: 'reading-prefs-update', panelWidth: 560 }, page, world.services);
    expect(reply).toEqual({ ok: true, value: { sideBySide: true, panelWidth: 560 } });
    expect(world.sent).toEqual([]);
    expect(await handleRequest({ type: 'settings' }, panelPage, world.services)).toEqual({
      ok: true,
      value: { shareBase: 'page', clubHighlights: true, openClubPdfs: false, sideBySide: true, panelWidth: 560 },
    });
  });

  it('passes a switch made in the panel on to the page of its tab', async () => {
    await handleRequest({ type: 'reading-prefs-update', sideBySide: false }, panelPage, world.services);
    expect(world.sent).toEqual([{ type: 'reading-prefs', prefs: { sideBySide: false, panelWidth: 400 } }]);
    expect(await handleRequest({ type: 'reading-prefs' }, page, world.services)).toEqual({
      ok: true,
      value: { sideBySide: false, panelWidth: 400, clubVisibility: null },
    });
  });

  it('keeps the share setting when side by side changes, and side by side when the share setting changes', async () => {
    await handleRequest(
      { type: 'reading-prefs-update', sideBySide: false, panelWidth: 480 },
      panelPage,
      world.services,
    );
    await handleRequest({ type: 'settings-update', shareBase: 'page' }, panelPage, world.services);
    expect(await handleRequest({ type: 'settings' }, panelPage, world.services)).toEqual({
      ok: true,
      value: { shareBase: 'page', clubHighlights: true, openClubPdfs: false, sideBySide: false, panelWidth: 480 },
    });
  });

  it('refuses both requests from a sub-frame, which may be another site', async () => {
    const read = await handleRequest({ type: 'reading-prefs' }, subFrame, world.services);
    const update = await handleRequest({ type: 'reading-prefs-update', sideBySide: false }, subFrame, world.services);
    expect(read.ok).toBe(false);
    expect(update.ok).toBe(false);
    expect((await handleRequest({ type: 'reading-prefs' }, page, world.services)).ok && world.sent).toEqual([]);
  });

  it.each([
    ['too narrow', { panelWidth: 100 }],
    ['too wide', { panelWidth: 5000 }],
    ['not whole', { panelWidth: 400.5 }],
    ['not a number', { panelWidth: '400' }],
    ['not a switch', { sideBySide: 'no' }],
  ])('refuses a width or switch that is %s', (_name, fields) => {
    expect(parseBackgroundRequest({ type: 'reading-prefs-update', ...fields })).toBeNull();
  });
});

describe('stored settings', () => {
  it.each([
    [
      'nothing stored',
      undefined,
      { shareBase: 'doi', clubHighlights: true, openClubPdfs: false, sideBySide: true, panelWidth: 400 },
    ],
    [
      'an older version’s record',
      { shareBase: 'page' },
      { shareBase: 'page', clubHighlights: true, openClubPdfs: false, sideBySide: true, panelWidth: 400 },
    ],
    [
      'a full record',
      { shareBase: 'doi', clubHighlights: false, openClubPdfs: true, sideBySide: false, panelWidth: 600 },
      { shareBase: 'doi', clubHighlights: false, openClubPdfs: true, sideBySide: false, panelWidth: 600 },
    ],
    [
      'a damaged record',
      { shareBase: 3, clubHighlights: 'no', openClubPdfs: 1, sideBySide: 'yes', panelWidth: 99_999 },
      { shareBase: 'doi', clubHighlights: true, openClubPdfs: false, sideBySide: true, panelWidth: 400 },
    ],
    [
      'not an object',
      'settings',
      { shareBase: 'doi', clubHighlights: true, openClubPdfs: false, sideBySide: true, panelWidth: 400 },
    ],
  ])('reads %s', (_name, stored, expected) => {
    expect(parseSettings(stored)).toEqual(expected);
  });
});
