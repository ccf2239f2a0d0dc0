import type { ClubBackend, ClubResult } from './backend';
import type { ClubBackends, ClubConfig } from './backends';

/**
 * The backends this build carries, by kind: the one place that names them, so the club service and its tests
 * never do. Until a kind's backend is built in, connecting to it is refused with a plain reason (a failure the
 * options page shows), and nothing is sent anywhere.
 */
export const CLUB_BACKENDS: ClubBackends = {
  create: (config) => notBuiltIn(config),
  groups: async () => missing('hypothesis'),
};

function missing<T>(kind: ClubConfig['kind']): ClubResult<T> {
  return { ok: false, code: 'invalid-response', detail: `this build has no ${kind} backend` };
}

function notBuiltIn(config: ClubConfig): ClubBackend {
  return {
    kind: config.kind,
    whoAmI: async () => missing(config.kind),
    list: async () => missing(config.kind),
    publish: async () => missing(config.kind),
    update: async () => missing(config.kind),
    remove: async () => missing(config.kind),
  };
}
