import type { Reply } from './reply';

/** The one runtime method a sender needs; the polyfill's `browser.runtime` and the native one both have it. */
export interface MessageRuntime {
  sendMessage(message: unknown): Promise<unknown>;
}

/**
 * A typed request function: the request's `type` picks its reply type from `Responses`. Generic over the
 * requests so that each sender names only what it sends (the detector its three, the extension pages all).
 */
export type Client<Request extends { type: string }, Responses extends Record<Request['type'], unknown>> = <
  K extends Request['type'],
>(
  request: Extract<Request, { type: K }>,
) => Promise<Reply<Responses[K]>>;

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
export function createClient<Request extends { type: string }, Responses extends Record<Request['type'], unknown>>(
  runtime: MessageRuntime,
  failures: ClientFailures = ENGLISH_FAILURES,
): Client<Request, Responses> {
  return async <K extends Request['type']>(request: Extract<Request, { type: K }>) => {
    try {
      const reply = (await runtime.sendMessage(request)) as Reply<Responses[K]> | undefined;
      return reply ?? { ok: false as const, error: failures.noAnswer() };
    } catch (error) {
      return { ok: false as const, error: failures.unreachable(String(error)) };
    }
  };
}
