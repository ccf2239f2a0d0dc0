import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { createClient } from '../protocol/client';
import { CLAIM_KEY, type PanelClaim } from '../protocol/panel-claim';
import type { BackgroundRequest } from '../protocol/requests';
import type { BackgroundClient, BackgroundResponses } from '../protocol/responses';

/** Requests from the panel frame, each carrying the frame's claim to be its tab's panel (panel-claim.ts). */
export function panelClient(claim: PanelClaim): BackgroundClient {
  return createClient<BackgroundRequest, BackgroundResponses>(
    { sendMessage: (request) => browser.runtime.sendMessage({ ...(request as object), [CLAIM_KEY]: claim }) },
    {
      noAnswer: () => i18n.t('errors.noAnswer'),
      unreachable: (error) => i18n.t('errors.unreachable', [error]),
    },
  );
}
