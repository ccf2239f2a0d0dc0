import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { createClient } from './client';
import type { BackgroundRequest } from './requests';
import type { BackgroundClient, BackgroundResponses } from './responses';

/**
 * Requests to the background from the panel and the scripts it mounts (which already carry the polyfill and
 * i18n), with the reader told in their language when the background is gone.
 */
export const sendToBackground: BackgroundClient = createClient<BackgroundRequest, BackgroundResponses>(
  browser.runtime,
  {
    noAnswer: () => i18n.t('errors.noAnswer'),
    unreachable: (error) => i18n.t('errors.unreachable', [error]),
  },
);
