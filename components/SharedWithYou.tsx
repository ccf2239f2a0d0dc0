import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { localize } from '../utils/catalog/localized';
import type { CatalogEntry } from '../utils/catalog/schema';
import { GUARDED } from '../utils/panel/click-guard';
import type { SharedView } from '../utils/protocol/responses';
import type { SharedHighlight } from '../utils/sharing/share-link';

interface SharedWithYouProps {
  shared: SharedView;
  entry: CatalogEntry | null;
  language: string;
  onSave(index: number): Promise<{ ok: true; status: 'saved' | 'already-saved' } | { ok: false; error: string }>;
}

/** The question as the reader's catalog words it, else as the link carried it. */
function questionLabel(item: SharedHighlight, entry: CatalogEntry | null, language: string): string | null {
  const index = entry?.questions.findIndex((q) => q.id === item.questionId) ?? -1;
  const known = index >= 0 ? entry?.questions[index] : undefined;
  if (known) return i18n.t('highlights.questionText', [String(index + 1), localize(known.text, language)]);
  return item.questionText;
}

/**
 * What a share link brought: the passage, its question and the sender's note, each as plain text (a link is
 * untrusted input), with "Save to my highlights". A link that could not be read is said so here, and only here.
 */
export function SharedWithYou({ shared, entry, language, onSave }: SharedWithYouProps) {
  const [status, setStatus] = useState<Record<number, string>>({});
  if (!shared.ok) {
    return (
      <section class="shared" aria-labelledby="shared-heading">
        <h2 id="shared-heading">{i18n.t('sharing.sharedHeading')}</h2>
        <p role="alert" class="panel__error">
          {i18n.t('sharing.unreadable', [shared.error])}
        </p>
      </section>
    );
  }
  const save = async (index: number) => {
    const result = await onSave(index);
    const message = !result.ok
      ? result.error
      : result.status === 'saved'
        ? i18n.t('sharing.saved')
        : i18n.t('sharing.alreadySaved');
    setStatus((current) => ({ ...current, [index]: message }));
  };
  return (
    <section class="shared" aria-labelledby="shared-heading">
      <h2 id="shared-heading">{i18n.t('sharing.sharedHeading')}</h2>
      {shared.items.map((item, index) => {
        const question = questionLabel(item, entry, language);
        return (
          <article
            key={`${index}-${item.selectors[1].start}`}
            class="shared__item"
            aria-label={i18n.t('sharing.sharedItem')}
          >
            <p class="shared__from">{i18n.t('sharing.from', [item.clubName])}</p>
            <blockquote class="shared__quote">{item.selectors[0].exact}</blockquote>
            {question && <p class="shared__question">{question}</p>}
            {item.note !== '' && <p class="shared__note">{item.note}</p>}
            <button type="button" class="button" {...GUARDED} onClick={() => void save(index)}>
              {i18n.t('sharing.save')}
            </button>
            {status[index] && (
              <p role="status" class="shared__status">
                {status[index]}
              </p>
            )}
          </article>
        );
      })}
    </section>
  );
}
