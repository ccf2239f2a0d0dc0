import type { JSX } from 'preact';
import { localize } from '../utils/localized';
import type { PanelState } from '../utils/messages';
import { HighlightsSection } from './HighlightsSection';
import { Markdown } from './Markdown';
import { OpenAccessStatus } from './OpenAccessStatus';
import { QuestionList } from './QuestionList';
import type { useArticleHighlights } from './useArticleHighlights';

interface PanelProps {
  state: PanelState;
  language: string;
  highlights: ReturnType<typeof useArticleHighlights>;
  onCollapse: () => void;
  onClose: () => void;
}

/**
 * The club's reading of the article, laid over it: who discussed it, the article and its access status, the
 * summary, the broker's commentary, the questions, and the way back to the club's discussion.
 */
export function Panel({ state, language, highlights, onCollapse, onClose }: PanelProps) {
  const { entry, article } = state;
  const questions = entry.questions.map((question) => ({ id: question.id, text: localize(question.text, language) }));
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape' && !event.defaultPrevented) onCollapse();
  };
  return (
    <aside class="panel" aria-label="Journal club" onKeyDown={onKeyDown}>
      <header class="panel__header">
        <a class="panel__club" href={entry.club.url} target="_blank" rel="noopener noreferrer">
          {localize(entry.club.name, language)}
        </a>
        <div class="panel__controls">
          <button type="button" class="icon-button" aria-expanded="true" onClick={onCollapse} title="Collapse">
            <span aria-hidden="true">›</span>
            <span class="visually-hidden">Collapse panel</span>
          </button>
          <button type="button" class="icon-button" onClick={onClose} title="Close for this page">
            <span aria-hidden="true">×</span>
            <span class="visually-hidden">Close panel for this page</span>
          </button>
        </div>
      </header>
      <div class="panel__body">
        <section aria-labelledby="article-title">
          <h1 id="article-title" class="panel__title">
            {localize(entry.title, language)}
          </h1>
          <p class="citation">{entry.citation}</p>
          <OpenAccessStatus article={article} openCopy={entry.articleUrls[0]} />
        </section>
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">Summary</h2>
          <Markdown source={localize(entry.summary, language)} />
        </section>
        <section aria-labelledby="commentary-heading">
          <h2 id="commentary-heading">Commentary</h2>
          <Markdown source={localize(entry.commentary, language)} />
        </section>
        <section aria-labelledby="questions-heading">
          <h2 id="questions-heading">Questions for discussion</h2>
          <QuestionList questions={entry.questions} language={language} />
        </section>
        {highlights.error ? (
          <p role="alert" class="panel__error">
            {highlights.error}
          </p>
        ) : highlights.data ? (
          <HighlightsSection
            questions={questions}
            highlights={highlights.data.highlights}
            anchors={highlights.data.anchors}
            pageUrl={highlights.data.pageUrl}
            focus={highlights.focus}
            locale={language}
            onReveal={highlights.actions.reveal}
            onSaveNote={highlights.actions.saveNote}
            onRetie={highlights.actions.retie}
            onDelete={highlights.actions.remove}
            onRestore={highlights.actions.restore}
          />
        ) : null}
        {highlights.data && highlights.data.skipped > 0 ? (
          <p role="status" class="panel__error">
            {highlights.data.skipped === 1
              ? 'One saved highlight is damaged and could not be shown. It has been kept, not deleted.'
              : `${highlights.data.skipped} saved highlights are damaged and could not be shown. They have been kept, not deleted.`}
          </p>
        ) : null}
        <p class="discussion">
          <a class="discussion__link" href={entry.postUrl} target="_blank" rel="noopener noreferrer">
            Join the club's discussion
          </a>
        </p>
      </div>
    </aside>
  );
}
