import { describe, expect, it, vi } from 'vitest';
import { APPROVED_SITES_KEY, CATALOG_CHOICES_KEY, createFeedTrust } from '../../utils/background/feed-trust';
import { mapSessionArea } from '../support/session-area';

describe('the reader’s approved feed sites and catalog choices', () => {
  it('approves the sites of the feeds already subscribed once, when no list was ever stored', async () => {
    const local = new Map<string, unknown>();
    let seeded = 0;
    const trust = createFeedTrust(mapSessionArea(local), async () => {
      seeded++;
      return ['https://club.example/*', 'https://club.example/*'];
    });
    expect(await trust.approvedSites()).toEqual(['https://club.example/*']);
    await trust.setApprovedSites([]);
    expect(await trust.approvedSites()).toEqual([]);
    expect(seeded).toBe(1);
  });

  it('never lets a slow first seeding overwrite a site approved meanwhile', async () => {
    const local = new Map<string, unknown>();
    const seeding: { finish?: (sites: string[]) => void } = {};
    const trust = createFeedTrust(mapSessionArea(local), () => new Promise((resolve) => (seeding.finish = resolve)));
    const overview = trust.approvedSites();
    await vi.waitFor(() => expect(seeding.finish).toBeDefined());
    await trust.setApprovedSites(['http://127.0.0.1/*']);
    seeding.finish?.([]);
    expect(await overview).toEqual(['http://127.0.0.1/*']);
    expect(await trust.approvedSites()).toEqual(['http://127.0.0.1/*']);
  });

  it('reads a damaged list as the valid sites in it, never as an approval of everything', async () => {
    const local = new Map<string, unknown>([
      [APPROVED_SITES_KEY, ['https://club.example/*', 'http://evil.example/*', '<all_urls>', 42, 'http://127.0.0.1/*']],
      [CATALOG_CHOICES_KEY, { 'albers-2020': 'https://club.example/f.json', broken: 7 }],
    ]);
    const trust = createFeedTrust(mapSessionArea(local), async () => ['https://seed.example/*']);
    expect(await trust.approvedSites()).toEqual(['https://club.example/*', 'http://127.0.0.1/*']);
    expect(await trust.choices()).toEqual({ 'albers-2020': 'https://club.example/f.json' });
    local.set(CATALOG_CHOICES_KEY, ['not', 'a', 'map']);
    expect(await trust.choices()).toEqual({});
  });
});
