import axe from 'axe-core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import '../../entrypoints/options/style.css';
import { MyClubDownloads } from '../../components/options/MyClubDownloads';
import { parseCatalog } from '../../utils/catalog/parse';
import type { DownloadFile } from '../../utils/catalog/publish/download';
import { DAY_PUBLISHED, EVERY_FIELD, FEWEST_FIELDS } from '../support/unit/publish-entries';

const host = document.createElement('main');
document.body.append(host);
document.documentElement.lang = 'en';
afterEach(() => render(null, host));

function draw(entries = [EVERY_FIELD, FEWEST_FIELDS, DAY_PUBLISHED]) {
  const offered: DownloadFile[] = [];
  render(<MyClubDownloads entries={entries} offer={(file) => offered.push(file)} />, host);
  return offered;
}

const button = (name: RegExp) =>
  [...host.querySelectorAll('button')].find((b) => name.test(b.textContent ?? '')) as HTMLButtonElement;

describe('MyClubDownloads (in Chromium)', () => {
  it('downloads the feed that a subscriber reads back into the same entries, and says so', async () => {
    const offered = draw();
    await act(() => button(/feed/).click());
    const [file] = offered;
    expect(file?.fileName).toBe('catalog.json');
    const read = parseCatalog(JSON.parse(new TextDecoder().decode(file?.bytes)), 'feed');
    expect(read.entries.map(({ id }) => id)).toEqual(['hostile-2021', 'plain-2020', 'day-2019']);
    expect(host.querySelector('[role="status"]')?.textContent).toBe('3 entries written to catalog.json.');
  });

  it('downloads the Markdown folder as a zip, and says how to build it', async () => {
    const offered = draw();
    await act(() => button(/Markdown/).click());
    const bytes = offered[0]?.bytes ?? new Uint8Array();
    expect(offered[0]?.fileName).toBe('club-catalog.zip');
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(new TextDecoder().decode(bytes)).toContain('club-catalog/01-hostile-2021.md');
    expect(host.querySelector('[role="status"]')?.textContent).toContain('npm run catalog -- build club-catalog');
  });

  it('names the entries the folder cannot carry', async () => {
    const heading = { ...FEWEST_FIELDS, id: 'heading', dois: ['10.1000/h'], summary: 'a\n## b' };
    const offered = draw([heading, DAY_PUBLISHED]);
    await act(() => button(/Markdown/).click());
    expect(offered[0]?.entries).toBe(1);
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('One entry was left out:entry "heading"');
  });

  it('offers nothing to download when there are no entries', () => {
    draw([]);
    expect(button(/feed/).disabled).toBe(true);
    expect(host.textContent).toContain('There are no entries to download yet.');
  });

  it('hands a real download to the browser from the page (an <a download> on an object URL)', async () => {
    const clicked: { download: string; href: string }[] = [];
    const listener = (event: MouseEvent) => {
      const link = event.target as HTMLAnchorElement;
      clicked.push({ download: link.download, href: link.href });
      event.preventDefault();
    };
    document.addEventListener('click', listener, true);
    render(<MyClubDownloads entries={[FEWEST_FIELDS]} />, host);
    await act(() => button(/feed/).click());
    document.removeEventListener('click', listener, true);
    const link = clicked.find(({ download }) => download === 'catalog.json');
    expect(link?.href).toMatch(/^blob:/);
    const text = await (await fetch(link?.href ?? '')).text();
    expect(JSON.parse(text).entries[0].id).toBe('plain-2020');
  });

  it('has no serious or critical axe violations', async () => {
    draw();
    await act(() => button(/feed/).click());
    const results = await axe.run(host);
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});
