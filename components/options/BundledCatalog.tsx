import { i18n } from '#i18n';
import type { BundledSummary } from '../../utils/feeds/summary';
import { formatCount } from '../../utils/options/format-count';

/** The catalog that ships with the extension: always first, always there, not removable. */
export function BundledCatalog({ bundled, language }: { bundled: BundledSummary; language: string }) {
  return (
    <section class="card" aria-labelledby="bundled-heading">
      <h2 id="bundled-heading">{i18n.t('options.bundled.heading')}</h2>
      <dl class="facts">
        <div>
          <dt>{i18n.t('options.feed.clubs', bundled.clubs.length)}</dt>
          <dd>{bundled.clubs.join(', ')}</dd>
        </div>
        <div>
          <dt>{i18n.t('options.feed.entriesLabel')}</dt>
          <dd>{formatCount('options.entries', bundled.entryCount, language)}</dd>
        </div>
      </dl>
      <p class="note">{i18n.t('options.bundled.note')}</p>
    </section>
  );
}
