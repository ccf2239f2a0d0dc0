import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { createBackgroundClient } from './client';

/**
 * Requests to the background from the panel and the scripts it mounts (which already carry the polyfill and
 * i18n), with the reader told in their language when the background is gone.
 */
export const sendToBackground = createBackgroundClient(browser.runtime, {
  noAnswer: () => i18n.t('errors.noAnswer'),
  unreachable: (error) => i18n.t('errors.unreachable', [error]),
});
