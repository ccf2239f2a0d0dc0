import { describe, expect, it } from 'vitest';
import { httpUrl } from '../../utils/article/http-url';

describe('httpUrl', () => {
  it.each([
    ['https://example.org/a b', undefined, 'https://example.org/a%20b'],
    ['HTTP://Example.org', undefined, 'http://example.org/'],
    ['/article/1', 'https://journal.example/issue/2', 'https://journal.example/article/1'],
    ['https://other.example/x', 'not a base', 'https://other.example/x'],
    ['https://club.org@evil.example/', undefined, 'https://club.org@evil.example/'],
  ])('reads %s (base %s) as %s', (raw, base, expected) => {
    expect(httpUrl(raw, base)?.href).toBe(expected);
  });

  it.each([
    ['javascript:alert(1)', undefined],
    ['data:text/html,<p>x</p>', undefined],
    ['file:///etc/passwd', undefined],
    ['mailto:club@example.org', undefined],
    ['/article/1', undefined],
    ['/article/1', 'not a base'],
    ['javascript:alert(1)', 'https://journal.example/'],
    ['', undefined],
  ])('refuses %s (base %s)', (raw, base) => {
    expect(httpUrl(raw, base)).toBeNull();
  });
});
