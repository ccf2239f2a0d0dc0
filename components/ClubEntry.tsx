import { i18n } from '#i18n';
import { localize } from '../utils/catalog/localized';
import type { CatalogEntry } from '../utils/catalog/schema';
import type { PanelState } from '../utils/protocol/responses';
import { ExportTools } from './ExportTools';
import { HighlightsSection } from './HighlightsSection';
import { Markdown } from './Markdown';
import { OpenAccessStatus } from './OpenAccessStatus';
import { QuestionList } from './QuestionList';
import type { ShareResult } from './ShareLinkBox';
import type { useArticleHighlights } from './useArticleHighlights';

type ExportToolsProps = Parameters<typeof ExportTools>[0];

export interface ClubEntryActions extends Omit<ExportToolsProps, 'copy' | 'language'> {
  highlights: ReturnType<typeof useArticleHighlights>;
  share(id: string): Promise<ShareResult>;
  copy(text: string): Promise<boolean>;
}

interface ClubEntryProps {
  state: PanelState & { entry: CatalogEntry };
  language: string;
  actions: ClubEntryActions;
}

/**
 * The club's reading of the article: the article and its access, the summary, the broker's commentary, the
 * questions, the reader's highlights under them, ways to take those to the discussion, and the discussion itself.
 */
export function ClubEntry({ state, language, actions }: ClubEntryProps) {
  const { entry, article } = state;
  const { highlights } = actions;
  const questions = entry.questions.map((question) => ({ id: question.id, text: localize(question.text, language) }));
  return (
    <>
      <section aria-labelledby="article-title">
        <h1 id="article-title" class="panel__title">
          {localize(entry.title, language)}
        </h1>
        <p class="citation">{entry.citation}</p>
        {article && <OpenAccessStatus article={article} openCopy={entry.articleUrls[0]} />}
      </section>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">{i18n.t('club.summary')}</h2>
        <Markdown source={localize(entry.summary, language)} />
      </section>
      <section aria-labelledby="commentary-heading">
        <h2 id="commentary-heading">{i18n.t('club.commentary')}</h2>
        <Markdown source={localize(entry.commentary, language)} />
      </section>
      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">{i18n.t('club.questions')}</h2>
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
          lastDeleted={highlights.data.lastDeleted ?? null}
          painted={highlights.data.painted}
          onShowOnPage={highlights.actions.showOnPage}
          focus={highlights.focus}
          locale={language}
          onReveal={highlights.actions.reveal}
          onSaveNote={highlights.actions.saveNote}
          onRetie={highlights.actions.retie}
          onDelete={highlights.actions.remove}
          onRestore={highlights.actions.restore}
          onShare={actions.share}
          copy={actions.copy}
        />
      ) : null}
      {highlights.data && highlights.data.skipped > 0 ? (
        <p role="status" class="panel__error">
          {i18n.t('club.damaged', highlights.data.skipped)}
        </p>
      ) : null}
      <ExportTools {...actions} language={language} />
      <p class="discussion">
        <a class="discussion__link" href={entry.postUrl} target="_blank" rel="noopener noreferrer">
          {i18n.t('club.discussion')}
        </a>
      </p>
    </>
  );
}
