import type { ClubBackends } from '../club/backends';
import { createHypothesisBackend, listGroups } from '../club/hypothesis';
import { createSolidBackend } from '../club/solid/solid-backend';

/**
 * The backends this build carries, by kind: the one place that names them, so the club service and its tests
 * never do (the tests hand the service a fake with the same shape). It sits in the background, the only side
 * that holds a token or secret; utils/club/ itself names no backend, so its backends may depend on it.
 */
export const CLUB_BACKENDS: ClubBackends = {
  create: (config) => (config.kind === 'hypothesis' ? createHypothesisBackend(config) : createSolidBackend(config)),
  groups: (config) => listGroups(config),
};
