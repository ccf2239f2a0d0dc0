import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { BackgroundClient } from '../../utils/protocol/responses';
import { ApprovedSites, siteLabel } from './ApprovedSites';
import { BundledCatalog } from './BundledCatalog';
import { CatalogConflicts } from './CatalogConflicts';
import { ClubConnection } from './ClubConnection';
import { ClubSuggestions } from './ClubSuggestions';
import { FeedList } from './FeedList';
import { MyClubCatalog } from './MyClubCatalog';
import { PdfOptions } from './PdfOptions';
import { SubscribeForm } from './SubscribeForm';
import { useFeeds } from './useFeeds';

interface OptionsAppProps {
  send: BackgroundClient;
  /** `permissions.request` for a club service's origins, called in the reader's click. */
  requestOrigins: (origins: string[]) => Promise<boolean>;
  /** The browser's UI language, for dates and numbers. */
  language: string;
}

/** The options page: the catalogs the panel reads, and the reader's feed subscriptions. */
export function OptionsApp({ send, requestOrigins, language }: OptionsAppProps) {
  const feeds = useFeeds(send);
  const feedsHeading = useRef<HTMLHeadingElement>(null);
  // The suggestions are asked for again when a club connects or disconnects on this page.
  const [clubConnected, setClubConnected] = useState<boolean | null>(null);
  return (
    <div class="page">
      <header class="page__header">
        <h1>{i18n.t('options.heading')}</h1>
        <p class="lead">{i18n.t('options.intro')}</p>
      </header>
      <main>
        {/* Always in the page, so that screen readers register it before it first speaks. */}
        <div class="status" role="status" aria-live="polite" aria-atomic="true">
          {feeds.announcement.text && (
            <p key={feeds.announcement.serial} class={feeds.announcement.shown ? undefined : 'visually-hidden'}>
              {feeds.announcement.text}
            </p>
          )}
        </div>
        {feeds.loadError && (
          <p class="field-error" role="alert">
            {i18n.t('options.announce.failed', [feeds.loadError])}
          </p>
        )}
        {feeds.overview && <BundledCatalog bundled={feeds.overview.bundled} language={language} />}
        <MyClubCatalog send={send} language={language} />
        {feeds.overview && (
          <CatalogConflicts
            conflicts={feeds.overview.conflicts}
            onChoose={(entryId, source) => void feeds.choose(entryId, source)}
          />
        )}
        <SubscribeForm onSubscribe={feeds.subscribe} />
        {feeds.overview && (
          <FeedList
            overview={feeds.overview}
            language={language}
            busy={feeds.busy}
            headingRef={feedsHeading}
            onRefresh={(url) => void feeds.refresh(url)}
            onUnsubscribe={(url) =>
              void feeds.unsubscribe(url).then((removed) => {
                // The card and its button are gone; the list's heading is the nearest place that still exists.
                if (removed) feedsHeading.current?.focus();
              })
            }
          />
        )}
        {feeds.overview && (
          <ApprovedSites
            sites={feeds.overview.approvedSites}
            onRemove={(site) => void feeds.removeSite(site, siteLabel(site))}
          />
        )}
        <ClubConnection
          send={send}
          requestOrigins={requestOrigins}
          language={language}
          onConnectedChange={setClubConnected}
        />
        <ClubSuggestions key={String(clubConnected)} send={send} language={language} />
        <PdfOptions send={send} />
      </main>
    </div>
  );
}
