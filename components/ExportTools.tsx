import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { GUARDED } from '../utils/panel/click-guard';
import type { Reply } from '../utils/protocol/reply';
import type { ExportFormat, ImportMode } from '../utils/protocol/requests';
import type { BackgroundResponses, ExportedFile, ImportOutcome, Settings } from '../utils/protocol/responses';
import { useClubView } from './ClubContext';

interface ExportToolsProps {
  /** `includeClub`: the Markdown digest also lists the club's highlights (the checkbox, when connected). */
  exportFile(format: ExportFormat, options?: { includeClub: boolean }): Promise<Reply<ExportedFile>>;
  shareAll(): Promise<Reply<BackgroundResponses['share-all']>>;
  backup(): Promise<Reply<ExportedFile>>;
  importFile(text: string, commit: boolean, mode: ImportMode): Promise<Reply<ImportOutcome>>;
  settings: Settings | null;
  changeSettings(settings: Settings): void;
  copy(text: string): Promise<boolean>;
  download(file: ExportedFile): void;
  /** The reader's language, for the numbers in messages. */
  language: string;
}

type Pending = { name: string; text: string; mode: ImportMode; outcome: ImportOutcome } | null;

/**
 * Taking highlights to the club's discussion and elsewhere: a Markdown digest to post, Web Annotations for other
 * tools, one link with everything, a backup of every article's highlights, and importing such files back (with a
 * summary first: nothing is written until the reader confirms). A file's copy replaces a note only when it is
 * newer; "Restore from backup" lets the reader's own backup replace whatever differs, whatever the dates, with
 * the summary saying how many notes it replaces before they confirm.
 */
export function ExportTools(props: ExportToolsProps) {
  const [message, setMessage] = useState<{ text: string; alert: boolean } | null>(null);
  const [allLink, setAllLink] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const say = (text: string, alert = false) => setMessage({ text, alert });
  const connected = useClubView()?.view.connected === true;
  const [includeClub, setIncludeClub] = useState(false);

  const exported = async (format: ExportFormat, action: 'copy' | 'download') => {
    const withClub = format === 'markdown' && connected && includeClub;
    const file = await (withClub ? props.exportFile(format, { includeClub: true }) : props.exportFile(format));
    if (!file.ok) return say(file.error, true);
    if (action === 'download') {
      props.download(file.value);
      return say(i18n.t('export.downloaded', [file.value.fileName]));
    }
    say((await props.copy(file.value.text)) ? i18n.t('export.copied') : i18n.t('export.copyFailed'));
  };

  const shareEverything = async () => {
    const reply = await props.shareAll();
    if (!reply.ok) return say(reply.error, true);
    if ('tooLong' in reply.value) {
      setAllLink(null);
      const number = new Intl.NumberFormat(props.language);
      return say(i18n.t('export.tooLong', [number.format(reply.value.length), number.format(reply.value.limit)]), true);
    }
    setAllLink(reply.value.url);
    say((await props.copy(reply.value.url)) ? i18n.t('export.allLinkCopied') : i18n.t('sharing.selectToCopy'));
  };

  const chooseFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const text = await file.text().catch(() => null);
    if (text === null) return say(i18n.t('export.unreadableFile'), true);
    const plan = await props.importFile(text, false, 'merge');
    if (!plan.ok) return say(plan.error, true);
    setPending({ name: file.name, text, mode: 'merge', outcome: plan.value });
    setMessage(null);
  };

  const changeMode = async (mode: ImportMode) => {
    if (!pending) return;
    const plan = await props.importFile(pending.text, false, mode);
    if (!plan.ok) return say(plan.error, true);
    setPending({ ...pending, mode, outcome: plan.value });
  };

  const confirmImport = async () => {
    if (!pending) return;
    const done = await props.importFile(pending.text, true, pending.mode);
    setPending(null);
    if (!done.ok) return say(i18n.t('export.importFailed', [done.error]), true);
    say(i18n.t('export.imported', done.value.written));
  };

  return (
    <section class="tools" aria-labelledby="tools-heading">
      <h2 id="tools-heading">{i18n.t('export.heading')}</h2>
      <div class="tools__row">
        <button type="button" class="button" {...GUARDED} onClick={() => void exported('markdown', 'copy')}>
          {i18n.t('export.copyMarkdown')}
        </button>
        <button type="button" class="button" onClick={() => void exported('markdown', 'download')}>
          {i18n.t('export.downloadMarkdown')}
        </button>
        <button type="button" class="button" onClick={() => void exported('jsonld', 'download')}>
          {i18n.t('export.downloadAnnotations')}
        </button>
        <button type="button" class="button" {...GUARDED} onClick={() => void shareEverything()}>
          {i18n.t('export.shareAll')}
        </button>
      </div>
      {connected && (
        <label class="tools__setting">
          <input
            type="checkbox"
            checked={includeClub}
            onChange={(event) => setIncludeClub((event.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {i18n.t('export.includeClub')}
        </label>
      )}
      {allLink && (
        <p class="share__result">
          <label class="share__label" for="share-all-url">
            {i18n.t('export.allLink')}
          </label>
          <input id="share-all-url" class="share__url" type="text" readOnly value={allLink} />
        </p>
      )}
      <div class="tools__row">
        <button
          type="button"
          class="button"
          onClick={async () => {
            const file = await props.backup();
            if (!file.ok) return say(file.error, true);
            props.download(file.value);
            say(i18n.t('export.backupDownloaded', [file.value.fileName]));
          }}
        >
          {i18n.t('export.backup')}
        </button>
        <label class="button tools__file">
          {i18n.t('export.import')}
          <input type="file" accept=".json,.jsonld,application/json,application/ld+json" onChange={chooseFile} />
        </label>
      </div>
      {pending && (
        <fieldset class="tools__confirm">
          <legend class="visually-hidden">{i18n.t('export.importLegend')}</legend>
          <p aria-live="polite">{i18n.t('export.pendingFile', [pending.name, pending.outcome.summaryText])}</p>
          <label class="tools__setting">
            <input
              type="checkbox"
              checked={pending.mode === 'restore'}
              onChange={(event) =>
                void changeMode((event.currentTarget as HTMLInputElement).checked ? 'restore' : 'merge')
              }
            />{' '}
            {i18n.t('export.restoreMode')}
          </label>
          <button
            type="button"
            class={pending.mode === 'restore' ? 'button button--danger' : 'button'}
            disabled={pending.outcome.added + pending.outcome.updated === 0}
            onClick={() => void confirmImport()}
          >
            {pending.mode === 'restore' ? i18n.t('export.confirmRestore') : i18n.t('export.confirmImport')}
          </button>
          <button type="button" class="button" onClick={() => setPending(null)}>
            {i18n.t('notes.cancel')}
          </button>
        </fieldset>
      )}
      {props.settings && (
        <label class="tools__setting" {...GUARDED}>
          <input
            type="checkbox"
            checked={props.settings.shareBase === 'page'}
            onChange={(event) =>
              props.settings &&
              props.changeSettings({
                ...props.settings,
                shareBase: (event.currentTarget as HTMLInputElement).checked ? 'page' : 'doi',
              })
            }
          />{' '}
          {i18n.t('export.shareBase')}
        </label>
      )}
      {message && (
        <p role={message.alert ? 'alert' : 'status'} class={message.alert ? 'panel__error' : 'tools__status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
