import type { BackgroundRequest, BackgroundResponses, Reply } from './messages';

type RequestOf<K extends BackgroundRequest['type']> = Extract<BackgroundRequest, { type: K }>;

/** The one runtime method a sender needs; the polyfill's `browser.runtime` and the native one both have it. */
export interface MessageRuntime {
  sendMessage(message: unknown): Promise<unknown>;
}

/** A typed request function over `runtime`; see {@link sendToBackground} for the usual one. */
export type BackgroundClient = <K extends BackgroundRequest['type']>(
  request: RequestOf<K>,
) => Promise<Reply<BackgroundResponses[K]>>;

/**
 * Makes a typed request function that never throws: when the extension was updated or reloaded under a
 * long-lived page, the runtime is gone and the caller gets a reason instead of an exception on the host page.
 */
export function createBackgroundClient(runtime: MessageRuntime): BackgroundClient {
  return async <K extends BackgroundRequest['type']>(request: RequestOf<K>) => {
    try {
      const reply = (await runtime.sendMessage(request)) as Reply<BackgroundResponses[K]> | undefined;
      return reply ?? { ok: false as const, error: 'The extension did not answer.' };
    } catch (error) {
      return { ok: false as const, error: `The extension is not reachable (${String(error)}).` };
    }
  };
}
