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

/** What the caller is told when the background cannot be reached. */
export interface ClientFailures {
  noAnswer(): string;
  unreachable(error: string): string;
}

/** The detector shows nothing to the reader and must stay small, so it keeps these rather than carry i18n. */
const ENGLISH_FAILURES: ClientFailures = {
  noAnswer: () => 'The extension did not answer.',
  unreachable: (error) => `The extension is not reachable (${error}).`,
};

/**
 * Makes a typed request function that never throws: when the extension was updated or reloaded under a
 * long-lived page, the runtime is gone and the caller gets a reason instead of an exception on the host page.
 */
export function createBackgroundClient(
  runtime: MessageRuntime,
  failures: ClientFailures = ENGLISH_FAILURES,
): BackgroundClient {
  return async <K extends BackgroundRequest['type']>(request: RequestOf<K>) => {
    try {
      const reply = (await runtime.sendMessage(request)) as Reply<BackgroundResponses[K]> | undefined;
      return reply ?? { ok: false as const, error: failures.noAnswer() };
    } catch (error) {
      return { ok: false as const, error: failures.unreachable(String(error)) };
    }
  };
}
