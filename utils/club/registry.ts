import type { ClubBackends } from './backends';
import { createHypothesisBackend, listGroups } from './hypothesis';
import { createSolidBackend } from './solid/solid-backend';

/**
 * The backends this build carries, by kind: the one place that names them, so the club service and its tests
 * never do (the tests hand the service a fake with the same shape).
 */
export const CLUB_BACKENDS: ClubBackends = {
  create: (config) => (config.kind === 'hypothesis' ? createHypothesisBackend(config) : createSolidBackend(config)),
  groups: (config) => listGroups(config),
};
