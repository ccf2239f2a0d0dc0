/**
 * Every request is answered with a value or a plain-language reason, never an exception: a throw does not cross
 * the message boundary, and the caller must always learn what happened.
 */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };
