import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension } from './browser.mjs';
import { startFixtureServer } from './server.mjs';

export interface ExtensionSession {
  browser: Awaited<ReturnType<typeof launchWithExtension>>;
  server: Awaited<ReturnType<typeof startFixtureServer>>;
}

/**
 * For a test file: the fixture server and Chromium with the built extension, started before its tests and
 * closed after them. The returned object is filled in by `beforeAll`, so read it inside tests, not at load time.
 */
export function useExtensionSession(): ExtensionSession {
  const session = {} as ExtensionSession;
  beforeAll(async () => {
    session.server = await startFixtureServer();
    session.browser = await launchWithExtension();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
