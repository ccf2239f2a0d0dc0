import { describe, expect, it } from 'vitest';
import { parseFeedUrl } from '../../utils/feeds/feed-url';

describe('parseFeedUrl', () => {
  it('accepts https feeds, normalised, with the fragment stripped and the site as the permission', () => {
    expect(parseFeedUrl('  https://Club.Example:8443/catalog.json?v=1#top ')).toEqual({
      ok: true,
      url: 'https://club.example:8443/catalog.json?v=1',
      origin: 'https://club.example/*',
    });
  });

  it('accepts plain http on loopback only, on any port, so a club can try a feed locally', () => {
    expect(parseFeedUrl('http://127.0.0.1:8080/feed.json')).toMatchObject({ ok: true, origin: 'http://127.0.0.1/*' });
    expect(parseFeedUrl('http://localhost:3000/feed.json')).toMatchObject({ ok: true, origin: 'http://localhost/*' });
    expect(parseFeedUrl('http://club.example/feed.json')).toEqual({ ok: false, problem: 'not-https' });
    expect(parseFeedUrl('http://127.0.0.2/feed.json')).toEqual({ ok: false, problem: 'not-https' });
  });

  it('refuses what is not a feed address, saying why', () => {
    expect(parseFeedUrl('')).toEqual({ ok: false, problem: 'empty' });
    expect(parseFeedUrl('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(parseFeedUrl('club.example/feed.json')).toEqual({ ok: false, problem: 'not-a-url' });
    expect(parseFeedUrl('ftp://club.example/feed.json')).toEqual({ ok: false, problem: 'not-https' });
    expect(parseFeedUrl('javascript:alert(1)')).toEqual({ ok: false, problem: 'not-https' });
    expect(parseFeedUrl('file:///etc/passwd')).toEqual({ ok: false, problem: 'not-https' });
    expect(parseFeedUrl(`https://club.example/${'a'.repeat(2_100)}`)).toEqual({ ok: false, problem: 'too-long' });
  });

  it('refuses credentials in the address, which only disguise where it goes', () => {
    expect(parseFeedUrl('https://club.example@evil.example/feed.json')).toEqual({ ok: false, problem: 'credentials' });
    expect(parseFeedUrl('https://user:secret@club.example/feed.json')).toEqual({ ok: false, problem: 'credentials' });
  });
});
