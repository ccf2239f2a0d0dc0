import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { localize } from '../utils/catalog/localized';
import type { CatalogEntry } from '../utils/catalog/schema';
import type { PanelState } from '../utils/protocol/responses';
import { type ClubFocus, ClubProvider } from './ClubContext';
import { ClubRefresh } from './ClubRefresh';
import { ClubOtherThreads } from './ClubThreads';
import { ExportTools } from './ExportTools';
import { HighlightsSection } from './HighlightsSection';
import { Markdown } from './Markdown';
import { OpenAccessStatus } from './OpenAccessStatus';
import { QuestionList } from './QuestionList';
import type { TieResult } from './QuestionSection';
import { ReadPdf } from './ReadPdf';
import type { ShareResult } from './ShareLinkBox';
import { type Tab, Tabs } from './Tabs';
import type { useArticleHighlights } from './useArticleHighlights';
import type { ClubLayerClient } from './useClubLayer';

type ExportToolsProps = Parameters<typeof ExportTools>[0];

export interface ClubEntryActions extends Omit<ExportToolsProps, 'copy' | 'language'> {
  highlights: ReturnType<typeof useArticleHighlights>;
  share(id: string): Promise<ShareResult>;
  /** Ties the passage the reader selected in the article to a question. */
  tie(questionId: string): Promise<TieResult>;
  copy(text: string): Promise<boolean>;
  /** The club layer's requests; absent where the panel shows no club layer. */
  club?: ClubLayerClient;
  /** A club annotation to show and focus (the reader clicked its passage on the page); a new seq asks again. */
  clubFocus?: ClubFocus | null;
  /** Bumped when the background says a card's club state changed. */
  clubChanged?: number;
  /** Opens the article's PDF in the extension's viewer, in a new tab; resolves the reason in words on failure. */
  readPdf(): Promise<string | null>;
}

interface ClubEntryProps {
  state: PanelState & { entry: CatalogEntry };
  language: string;
  actions: ClubEntryActions;
}

type Section = 'questions' | 'summary' | 'commentary';

/**
 * The club's reading of the article, laid out for reading beside it: the article named briefly at the top, then
 * what the reader needs while reading, the questions with their highlights and a way to tie a passage to each;
 * the summary and the broker's commentary a tab away. The discussion's link closes every tab.
 */
export function ClubEntry({ state, language, actions }: ClubEntryProps) {
  const { entry, article } = state;
  const { highlights } = actions;
  const [section, setSection] = useState<Section>('questions');
  // A highlight made or clicked on the page is shown in the panel: its card is under the questions.
  const focusSeq = highlights.focus?.seq;
  const clubFocusSeq = actions.clubFocus?.seq;
  useEffect(() => {
    if (focusSeq !== undefined || clubFocusSeq !== undefined) setSection('questions');
  }, [focusSeq, clubFocusSeq]);

  const tabs: Tab<Section>[] = [
    {
      id: 'questions',
      label: i18n.t('club.questions'),
      content: actions.club ? (
        <ClubProvider
          client={actions.club}
          locale={language}
          focus={actions.clubFocus ?? null}
          changed={actions.clubChanged ?? 0}
        >
          <QuestionsTab {...{ entry, language, actions, active: section === 'questions' }} />
        </ClubProvider>
      ) : (
        <QuestionsTab {...{ entry, language, actions, active: section === 'questions' }} />
      ),
    },
    { id: 'summary', label: i18n.t('club.summary'), content: <Markdown source={localize(entry.summary, language)} /> },
    {
      id: 'commentary',
      label: i18n.t('club.commentary'),
      content: <Markdown source={localize(entry.commentary, language)} />,
    },
  ];
  return (
    <>
      <section aria-labelledby="article-title" class="article-head">
        <h1 id="article-title" class="panel__title">
          {localize(entry.title, language)}
        </h1>
        <p class="citation">{entry.citation}</p>
        {article && <OpenAccessStatus article={article} openCopy={entry.articleUrls[0]} />}
        {(entry.pdfUrl ?? article?.pdfUrl) && <ReadPdf read={actions.readPdf} />}
      </section>
      <Tabs<Section> label={i18n.t('club.sections')} tabs={tabs} selected={section} onSelect={setSection} />
      <p class="discussion">
        <a class="discussion__link" href={entry.postUrl} target="_blank" rel="noopener noreferrer">
          {i18n.t('club.discussion')}
        </a>
      </p>
    </>
  );
}

interface QuestionsTabProps {
  entry: CatalogEntry;
  language: string;
  actions: ClubEntryActions;
  /** Whether this tab is the one shown. */
  active: boolean;
}

/** The questions with the reader's highlights under them, then the ways to take those to the discussion. */
function QuestionsTab({ entry, language, actions, active }: QuestionsTabProps) {
  const { highlights } = actions;
  const questions = entry.questions.map((question) => ({ id: question.id, text: localize(question.text, language) }));
  return (
    <>
      {highlights.error && (
        <p role="alert" class="panel__error">
          {highlights.error}
        </p>
      )}
      <ClubRefresh />
      {highlights.data ? (
        <HighlightsSection
          questions={questions}
          highlights={highlights.data.highlights}
          anchors={highlights.data.anchors}
          pageUrl={highlights.data.pageUrl}
          lastDeleted={highlights.data.lastDeleted ?? null}
          painted={highlights.data.painted}
          onShowOnPage={highlights.actions.showOnPage}
          focus={highlights.focus}
          active={active}
          locale={language}
          onReveal={highlights.actions.reveal}
          onSaveNote={highlights.actions.saveNote}
          onRetie={highlights.actions.retie}
          onDelete={highlights.actions.remove}
          onRestore={highlights.actions.restore}
          onTie={actions.tie}
          onShare={actions.share}
          copy={actions.copy}
        />
      ) : (
        // Without the reader's highlights (they could not be read) the questions are still the club's to show.
        <QuestionList questions={entry.questions} language={language} />
      )}
      <ClubOtherThreads questionIds={questions.map((question) => question.id)} />
      {highlights.data && highlights.data.skipped > 0 ? (
        <p role="status" class="panel__error">
          {i18n.t('club.damaged', highlights.data.skipped)}
        </p>
      ) : null}
      <ExportTools {...actions} language={language} />
    </>
  );
}
