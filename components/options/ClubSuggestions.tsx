import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { localize } from '../../utils/catalog/localized';
import type { ClubSuggestionsView } from '../../utils/club/views';
import { formatDateTime } from '../../utils/options/format-time';
import type { BackgroundClient } from '../../utils/protocol/responses';

interface ClubSuggestionsProps {
  send: BackgroundClient;
  /** The browser's UI language, for titles and dates. */
  language: string;
}

/**
 * The club's suggestions, for its organisers: entries members published without being organisers, with who
 * suggested each, to look at (never merged by themselves); the entries left out of the club's catalog and why;
 * and the organisers the club's settings name, for a service without roles. Shown only while a club is connected.
 */
export function ClubSuggestions({ send, language }: ClubSuggestionsProps) {
  const [view, setView] = useState<ClubSuggestionsView | null>(null);
  const [organisers, setOrganisers] = useState('');
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);

  const show = (next: ClubSuggestionsView) => {
    setView(next);
    setOrganisers(next.organisers.join('\n'));
  };
  useEffect(() => {
    void send({ type: 'club-suggestions', refresh: false }).then((reply) => reply.ok && show(reply.value));
  }, [send]);

  const save = async (event: Event) => {
    event.preventDefault();
    const ids = organisers.split('\n').map((line) => line.trim());
    const reply = await send({ type: 'club-organisers', organisers: ids.filter((id) => id !== '').slice(0, 200) });
    if (!reply.ok) return setSaid({ text: reply.error, error: true });
    show(reply.value);
    setSaid({ text: i18n.t('publish.suggestions.saved'), error: false });
  };

  if (!view?.connected) return null;
  return (
    <section class="card" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">{i18n.t('publish.suggestions.heading')}</h2>
      <p class="hint">{i18n.t('publish.suggestions.intro')}</p>
      {view.suggestions.length === 0 ? (
        <p class="empty">{i18n.t('publish.suggestions.none')}</p>
      ) : (
        <ul class="suggestions">
          {view.suggestions.map(({ entry, by, updatedAt }) => (
            <li key={`${by.id} ${entry.id}`}>
              <details>
                <summary>
                  <strong>{localize(entry.title, language)}</strong>
                  <span class="hint">
                    {' — '}
                    {i18n.t('publish.suggestions.by', [by.name, formatDateTime(updatedAt, language)])}
                  </span>
                </summary>
                <dl class="facts">
                  <div>
                    <dt>DOI</dt>
                    <dd>{entry.dois.join(', ')}</dd>
                  </div>
                  <div>
                    <dt>{i18n.t('publish.suggestions.citation')}</dt>
                    <dd>{entry.citation}</dd>
                  </div>
                </dl>
                <ol>
                  {entry.questions.map((question) => (
                    <li key={question.id}>{localize(question.text, language)}</li>
                  ))}
                </ol>
              </details>
            </li>
          ))}
        </ul>
      )}
      {view.problems.length > 0 && (
        <div class="feed-errors">
          <p>{i18n.t('publish.suggestions.problems')}</p>
          <ul>
            {view.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={(event) => void save(event)}>
        <label for="club-organisers">{i18n.t('publish.suggestions.organisers')}</label>
        <p class="hint" id="club-organisers-hint">
          {i18n.t('publish.suggestions.organisersHint')}
        </p>
        <textarea
          class="text-box"
          id="club-organisers"
          aria-describedby="club-organisers-hint"
          rows={3}
          value={organisers}
          onInput={(event) => setOrganisers((event.target as HTMLTextAreaElement).value)}
        />
        <button type="submit" class="button">
          {i18n.t('publish.suggestions.saveOrganisers')}
        </button>
      </form>
      <div role="status">{said && !said.error && <p>{said.text}</p>}</div>
      {said?.error && (
        <p class="field-error" role="alert">
          {said.text}
        </p>
      )}
    </section>
  );
}
