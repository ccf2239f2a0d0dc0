import { useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AuthoringForm, TextFieldName } from '../../utils/authoring/form';
import {
  addQuestion,
  editQuestion,
  moveQuestion,
  removeQuestion,
  restoreQuestion,
} from '../../utils/authoring/questions';
import { checkForm, issuesOf } from '../../utils/authoring/validate';
import { CATALOG_LIMITS } from '../../utils/catalog/schema';
import { formatDateTime } from '../../utils/options/format-time';
import type { BackgroundClient } from '../../utils/protocol/responses';
import { UndoBar } from '../UndoBar';
import { ArticleFields } from './ArticleFields';
import type { Bind } from './bind';
import { ClubFields } from './ClubFields';
import { MarkdownField } from './MarkdownField';
import { QuestionsEditor } from './QuestionsEditor';
import { SaveBar } from './SaveBar';
import { useAuthoring } from './useAuthoring';

interface AuthoringAppProps {
  send: BackgroundClient;
  /** The tab whose article the discussion is about (null when opened on a saved entry). */
  tabId: number | null;
  /** The saved entry to edit (null for a new one). */
  entryId: string | null;
  language: string;
  /** The entry was saved under `id`: the page's address names it, so a reload edits it. */
  onSaved(id: string): void;
}

/** Why nothing came from the page, in words (message names may not hold the codes' hyphens). */
const NOTICES = {
  'no-article': () => i18n.t('author.notice.noArticle'),
  'tab-gone': () => i18n.t('author.notice.tabGone'),
  'entry-gone': () => i18n.t('author.notice.entryGone'),
} as const;

/** The last destructive edit, while its Undo is offered; `key` restarts the undo bar's countdown. */
type LastUndoable = { message: string; restore: (form: AuthoringForm) => AuthoringForm; key: number };

/**
 * "Start a club discussion": the organiser writes a catalog entry for an article, prefilled from its page, and
 * saves it to "My club". The form is checked as it is typed, with the feeds' own schema, each issue beside its
 * field; Save stays disabled until none is left.
 */
export function AuthoringApp({ send, tabId, entryId, language, onSaved }: AuthoringAppProps) {
  const state = useAuthoring(send, { tabId, entryId });
  const [undoable, setUndoable] = useState<LastUndoable | null>(null);
  const [draftSetAside, setDraftSetAside] = useState(false);
  const { form } = state;
  const check = useMemo(() => (form ? checkForm(form) : null), [form]);
  if (state.load.status === 'loading') return <p class="author__loading">{i18n.t('author.loading')}</p>;
  if (state.load.status === 'failed' || !form || !check) {
    return (
      <p class="author__problem" role="alert">
        {i18n.t('author.loadFailed', [state.load.status === 'failed' ? state.load.error : ''])}
      </p>
    );
  }
  const set = state.setForm;
  const bind: Bind = (name: TextFieldName) => ({
    name,
    value: form[name],
    issues: issuesOf(check.issues, name),
    onInput: (value) => set((current) => ({ ...current, [name]: value })),
  });
  const markdown = (name: TextFieldName, label: string, lang?: string) => (
    <MarkdownField
      {...bind(name)}
      label={label}
      lang={lang}
      previewLabel={i18n.t('author.previewOf', [label])}
      maxLength={CATALOG_LIMITS.markdownLength}
    />
  );
  const start = state.start;
  const editingNow = state.editing();
  return (
    <main class="author">
      <header class="author__header">
        <h1>{editingNow ? i18n.t('author.editHeading') : i18n.t('author.heading')}</h1>
        <p class="lead">{i18n.t('author.intro')}</p>
        {start?.resumedFrom && !draftSetAside && (
          <div class="author__notice">
            <p>{i18n.t('author.resumed', [formatDateTime(start.resumedFrom, language)])}</p>
            <button
              type="button"
              class="button"
              onClick={async () => {
                const fresh = await state.withoutDraft();
                if (!fresh) return;
                const draft = form;
                set(() => fresh);
                setDraftSetAside(true);
                setUndoable({ message: i18n.t('author.draftSetAside'), restore: () => draft, key: Date.now() });
              }}
            >
              {i18n.t('author.withoutDraft')}
            </button>
          </div>
        )}
        {start?.notice && <p class="author__notice">{NOTICES[start.notice]()}</p>}
      </header>
      <form
        class="author__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (check.entry) void state.saveEntry(check.entry).then((id) => id && onSaved(id));
        }}
      >
        <ArticleFields bind={bind} />
        <fieldset class="author__group">
          <legend>{i18n.t('author.summary')}</legend>
          {markdown('summaryEn', i18n.t('author.field.summary'))}
          {markdown('summaryFr', i18n.t('author.field.summaryFr'), 'fr')}
        </fieldset>
        <fieldset class="author__group">
          <legend>{i18n.t('author.commentary')}</legend>
          {markdown('commentaryEn', i18n.t('author.field.commentary'))}
          {markdown('commentaryFr', i18n.t('author.field.commentaryFr'), 'fr')}
        </fieldset>
        <QuestionsEditor
          questions={form.questions}
          nextId={`q${form.nextQuestion}`}
          issues={check.issues}
          onEdit={(id, change) => set((current) => editQuestion(current, id, change))}
          onAdd={() => set(addQuestion)}
          onMove={(index, by) => set((current) => moveQuestion(current, index, by))}
          onRemove={(index) => {
            const taken: Pick<ReturnType<typeof removeQuestion>, 'removed'> = { removed: null };
            set((current) => {
              const result = removeQuestion(current, index);
              taken.removed = result.removed;
              return result.form;
            });
            const { removed } = taken;
            if (!removed) return;
            const message = i18n.t('author.questionRemoved');
            setUndoable({ message, restore: (current) => restoreQuestion(current, removed), key: Date.now() });
          }}
        />
        <ClubFields bind={bind} />
        <SaveBar issues={check.issues} draft={state.draft} save={state.save} language={language} />
      </form>
      <UndoBar
        activeKey={undoable?.key ?? null}
        message={undoable?.message ?? ''}
        onUndo={() => {
          if (undoable) set(undoable.restore);
          setUndoable(null);
        }}
        onDismiss={() => setUndoable(null)}
      />
    </main>
  );
}
