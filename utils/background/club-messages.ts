import { i18n } from '#i18n';
import type { ClubFailure } from '../club/backend';
import { type ClubConfig, withoutSecrets } from '../club/backends';

/**
 * The reader's words for why the club could not be reached or refused: one sentence per failure code, saying
 * what to do. A service's own detail is shown only with the reader's secret taken out of it.
 */
export function failureText(failure: ClubFailure, config?: ClubConfig): string {
  switch (failure.code) {
    case 'offline':
      return i18n.t('clubService.failure.offline');
    case 'unauthorized':
      return i18n.t('clubService.failure.unauthorized');
    case 'forbidden':
      return i18n.t('clubService.failure.forbidden');
    case 'not-found':
      return i18n.t('clubService.failure.notFound');
    case 'rate-limited':
      return i18n.t('clubService.failure.rateLimited', [String(Math.max(1, Math.ceil(failure.retryAfterMs / 1000)))]);
    case 'server':
      return i18n.t('clubService.failure.server', [String(failure.status)]);
    case 'invalid-response': {
      const detail = failure.detail.slice(0, 200);
      return i18n.t('clubService.failure.invalidResponse', [config ? withoutSecrets(detail, config) : detail]);
    }
  }
}

/** The same, from the failure code alone (a stored sync report keeps the code). */
export function failureCodeText(code: string): string {
  switch (code) {
    case 'offline':
    case 'unauthorized':
    case 'forbidden':
    case 'not-found':
      return failureText({ code });
    case 'rate-limited':
      return failureText({ code, retryAfterMs: 0 });
    case 'server':
      return i18n.t('clubService.failure.serverAny');
    default:
      return i18n.t('clubService.failure.invalidResponseAny');
  }
}
