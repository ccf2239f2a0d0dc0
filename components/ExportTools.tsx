import { useState } from 'preact/hooks';
import type { BackgroundResponses, ExportedFile, ImportOutcome, Reply, Settings } from '../utils/messages';

interface ExportToolsProps {
  exportFile(format: 'markdown' | 'jsonld'): Promise<Reply<ExportedFile>>;
  shareAll(): Promise<Reply<BackgroundResponses['share-all']>>;
  backup(): Promise<Reply<ExportedFile>>;
  importFile(text: string, commit: boolean): Promise<Reply<ImportOutcome>>;
  settings: Settings | null;
  changeSettings(settings: Settings): void;
  copy(text: string): Promise<boolean>;
  download(file: ExportedFile): void;
}

type Pending = { name: string; text: string; outcome: ImportOutcome } | null;

/**
 * Taking highlights to the club's discussion and elsewhere: a Markdown digest to post, Web Annotations for other
 * tools, one link with everything, a backup of every article's highlights, and importing such files back (with a
 * summary first: nothing is written until the reader confirms).
 */
export function ExportTools(props: ExportToolsProps) {
  const [message, setMessage] = useState<{ text: string; alert: boolean } | null>(null);
  const [allLink, setAllLink] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const say = (text: string, alert = false) => setMessage({ text, alert });

  const exported = async (format: 'markdown' | 'jsonld', action: 'copy' | 'download') => {
    const file = await props.exportFile(format);
    if (!file.ok) return say(file.error, true);
    if (action === 'download') {
      props.download(file.value);
      return say(`Downloaded ${file.value.fileName}.`);
    }
    say(
      (await props.copy(file.value.text))
        ? 'Copied. Paste it into the club’s discussion.'
        : 'Could not copy; use Download instead.',
    );
  };

  const shareEverything = async () => {
    const reply = await props.shareAll();
    if (!reply.ok) return say(reply.error, true);
    if ('tooLong' in reply.value) {
      setAllLink(null);
      return say(
        `Your highlights make a link of ${reply.value.length.toLocaleString()} characters, more than the ${reply.value.limit.toLocaleString()} a link can reliably carry. Download the Markdown or the backup file and share that instead.`,
        true,
      );
    }
    setAllLink(reply.value.url);
    say((await props.copy(reply.value.url)) ? 'Link to all your highlights copied.' : 'Select the link to copy it.');
  };

  const chooseFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const text = await file.text().catch(() => null);
    if (text === null) return say('That file could not be read.', true);
    const plan = await props.importFile(text, false);
    if (!plan.ok) return say(plan.error, true);
    setPending({ name: file.name, text, outcome: plan.value });
    setMessage(null);
  };

  const confirmImport = async () => {
    if (!pending) return;
    const done = await props.importFile(pending.text, true);
    setPending(null);
    if (!done.ok) return say(`Nothing was imported: ${done.error}`, true);
    say(`Imported ${done.value.written} highlight${done.value.written === 1 ? '' : 's'}.`);
  };

  return (
    <section class="tools" aria-labelledby="tools-heading">
      <h2 id="tools-heading">Share and export</h2>
      <div class="tools__row">
        <button type="button" class="hl-button" onClick={() => void exported('markdown', 'copy')}>
          Copy Markdown for the discussion
        </button>
        <button type="button" class="hl-button" onClick={() => void exported('markdown', 'download')}>
          Download Markdown
        </button>
        <button type="button" class="hl-button" onClick={() => void exported('jsonld', 'download')}>
          Download Web Annotations (JSON-LD)
        </button>
        <button type="button" class="hl-button" onClick={() => void shareEverything()}>
          Share all
        </button>
      </div>
      {allLink && (
        <p class="share__result">
          <label class="share__label" for="share-all-url">
            Link to all your highlights
          </label>
          <input id="share-all-url" class="share__url" type="text" readOnly value={allLink} />
        </p>
      )}
      <div class="tools__row">
        <button
          type="button"
          class="hl-button"
          onClick={async () => {
            const file = await props.backup();
            if (!file.ok) return say(file.error, true);
            props.download(file.value);
            say(`Downloaded ${file.value.fileName} (every article).`);
          }}
        >
          Download backup (all articles)
        </button>
        <label class="hl-button tools__file">
          Import highlights…
          <input type="file" accept=".json,.jsonld,application/json,application/ld+json" onChange={chooseFile} />
        </label>
      </div>
      {pending && (
        <fieldset class="tools__confirm">
          <legend class="visually-hidden">Import</legend>
          <p>
            {pending.name}: {pending.outcome.summaryText}
          </p>
          <button
            type="button"
            class="hl-button"
            disabled={pending.outcome.added + pending.outcome.updated === 0}
            onClick={() => void confirmImport()}
          >
            Import
          </button>
          <button type="button" class="hl-button" onClick={() => setPending(null)}>
            Cancel
          </button>
        </fieldset>
      )}
      {props.settings && (
        <label class="tools__setting">
          <input
            type="checkbox"
            checked={props.settings.shareBase === 'page'}
            onChange={(event) =>
              props.changeSettings({ shareBase: (event.currentTarget as HTMLInputElement).checked ? 'page' : 'doi' })
            }
          />{' '}
          Share links open this page’s address instead of doi.org
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
