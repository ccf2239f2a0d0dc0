import { i18n } from '#i18n';
import { localize } from '../../utils/catalog/localized';
import type { TabStatus } from '../../utils/popup/tab-status';
import type { Reply } from '../../utils/protocol/reply';
import { ClubNewCount } from './ClubNewCount';
import { ClubPostStatus } from './ClubPostStatus';
import { OpenAction } from './OpenAction';
import { PdfStatus } from './PdfStatus';

export type StatusLoad =
  | { status: 'loading' }
  | { status: 'ready'; value: TabStatus }
  | { status: 'failed'; error: string };

interface TabStatusCardProps {
  load: StatusLoad;
  language: string;
  /** The shortcut that does what "Open panel" does, as the browser shows it; null when the reader removed it. */
  shortcut: string | null;
  /** Asks the background to open the panel on the tab and focus it. */
  onOpenPanel: () => Promise<Reply<'opened' | 'no-club-article'>>;
  /** On a club's post: asks the background to open the article it discusses, with its panel, in a new tab. */
  onReadArticle: () => Promise<Reply<'opened' | 'no-club-post'>>;
  /** On a tab showing a PDF in the browser's viewer: asks the background to show it in the extension's viewer. */
  onOpenPdf: () => Promise<Reply<'opened' | 'not-a-pdf'>>;
  /** On an article no catalog has: asks the background to open the authoring page on it, in a new tab. */
  onStartDiscussion: () => Promise<Reply<'opened'>>;
  /** Closes the popup, so that keyboard focus lands in the panel the reader asked for. */
  onOpened: () => void;
}

/**
 * What the tab's page is, in the four cases the toolbar badge shows (nothing, DOI, JC, POST), with the way into
 * the panel on a club article and to the article on a club's post; and a PDF in the browser's own viewer, with
 * the way into the extension's.
 */
export function TabStatusCard({
  load,
  language,
  shortcut,
  onOpenPanel,
  onReadArticle,
  onOpenPdf,
  onStartDiscussion,
  onOpened,
}: TabStatusCardProps) {
  if (load.status === 'loading') return <p class="status status--loading">{i18n.t('popup.loading')}</p>;
  if (load.status === 'failed') {
    return (
      <p class="status status--error" role="alert">
        {i18n.t('popup.statusFailed', [load.error])}
      </p>
    );
  }
  const tab = load.value;
  if (tab.kind === 'no-article') {
    return (
      <div class="status">
        <StatusBadge kind={tab.kind} />
        <div class="status__text">
          <p class="status__title">{i18n.t('popup.noArticle')}</p>
          <p class="status__hint">{i18n.t('popup.noArticleHint')}</p>
        </div>
      </div>
    );
  }
  if (tab.kind === 'club-post') {
    return <ClubPostStatus title={tab.title} language={language} onReadArticle={onReadArticle} onOpened={onOpened} />;
  }
  if (tab.kind === 'not-in-catalog') {
    return (
      <div class="status">
        <StatusBadge kind={tab.kind} />
        <div class="status__text">
          <p class="status__title">{i18n.t('popup.notInCatalog', [tab.title ?? `doi:${tab.doi}`])}</p>
          <p class="status__hint">{i18n.t('popup.notInCatalogHint')}</p>
          <OpenAction
            label={i18n.t('author.start')}
            busyLabel={i18n.t('popup.opening')}
            act={onStartDiscussion}
            done="opened"
            goneText={i18n.t('author.notice.tabGone')}
            onOpened={onOpened}
          />
        </div>
      </div>
    );
  }
  if (tab.kind === 'pdf') {
    return <PdfStatus title={tab.title} language={language} onOpenPdf={onOpenPdf} onOpened={onOpened} />;
  }
  return (
    <div class="status status--club">
      <StatusBadge kind={tab.kind} />
      <div class="status__text">
        <p class="status__title">{i18n.t('popup.clubArticle', [localize(tab.title, language)])}</p>
        <ClubNewCount count={tab.clubNew} class="status__club-new" />
        <OpenAction
          label={i18n.t('popup.openPanel')}
          busyLabel={i18n.t('popup.opening')}
          {...(shortcut && { hint: { id: 'open-panel-shortcut', text: i18n.t('popup.shortcut', [shortcut]) } })}
          act={onOpenPanel}
          done="opened"
          goneText={i18n.t('popup.panelGone')}
          onOpened={onOpened}
        />
      </div>
    </div>
  );
}

/** The toolbar badge's mark for the case, repeated here so the reader connects the two; decorative. */
function StatusBadge({ kind }: { kind: Exclude<TabStatus['kind'], 'club-post' | 'pdf'> }) {
  const text = kind === 'club-article' ? 'JC' : kind === 'not-in-catalog' ? 'DOI' : '–';
  return (
    <span class={`status__badge status__badge--${kind}`} aria-hidden="true">
      {text}
    </span>
  );
}
