import { describe, expect, it, vi } from 'vitest';
import { type OriginPermissions, requestOrigins } from '../../utils/options/origin-access';

const PATTERNS = ['http://localhost/*'];

/** A browser whose `request` answers `asked` (or refuses to ask) and whose `contains` answers `held`. */
function permissions(asked: boolean | Error, held: boolean | Error): OriginPermissions {
  return {
    request: vi.fn(() => (asked instanceof Error ? Promise.reject(asked) : Promise.resolve(asked))),
    contains: vi.fn(() => (held instanceof Error ? Promise.reject(held) : Promise.resolve(held))),
  };
}

describe('asking for a club service’s sites', () => {
  it.each([
    ['the browser grants them', true, false, true],
    ['the reader says no at the prompt (held or not, no is no)', false, true, false],
    ['Firefox refuses to ask for sites its MV2 manifest holds as required, and holds them', notDeclared(), true, true],
    ['the browser refuses to ask and does not hold them', notDeclared(), false, false],
    ['the browser refuses to ask and cannot say what it holds', notDeclared(), new Error('gone'), false],
  ] as const)('%s', async (_case, asked, held, expected) => {
    expect(await requestOrigins(permissions(asked, held), PATTERNS)).toBe(expected);
  });

  it('asks at once, in the click, before anything is awaited', () => {
    const browser = permissions(true, true);
    void requestOrigins(browser, PATTERNS);
    expect(browser.request).toHaveBeenCalledWith({ origins: PATTERNS });
  });
});

function notDeclared(): Error {
  return new Error('Cannot request origin permission for http://localhost/* since it was not declared in the manifest');
}
