import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { sharedLabel } from '../utils/exchange/markdown-export';
import { type ClubQuestion, type HighlightItem, previewQuote, quoteOpening } from '../utils/highlights/groups';
import { GUARDED } from '../utils/panel/click-guard';
import { useAnnounce } from './Announcer';
import { CardClub } from './CardClub';
import { NoteEditor } from './NoteEditor';
import { QuestionChip } from './QuestionChip';
import { QuestionSelect } from './QuestionSelect';
import { ShareLinkBox, type ShareResult } from './ShareLinkBox';

export interface FocusRequest {
  seq: number;
  edit: boolean;
}

export interface HighlightCardProps {
  item: HighlightItem;
  questions: readonly ClubQuestion[];
  formatSaved(iso: string): string;
  busy: boolean;
  /** Set until handled; the card reports handling so a remounted card does not grab focus again. */
  focusRequest: FocusRequest | null;
  onFocusHandled(seq: number): void;
  onReveal(id: string): void;
  /** These resolve null on success or an error message, and never reject. */
  onSaveNote(id: string, note: string): Promise<string | null>;
  onRetie(id: string, questionId: string | null): Promise<string | null>;
  onDelete(id: string): Promise<string | null>;
  /** Makes the highlight's share link; absent where sharing is not offered. */
  onShare?(id: string): Promise<ShareResult>;
  copy?(text: string): Promise<boolean>;
}

/** One saved highlight: its passage, note and question, with what the reader can do to it. */
export function HighlightCard(props: HighlightCardProps) {
  const { item, questions, busy, focusRequest } = props;
  const { highlight, placement, questionIndex, questionLabel, otherCopyHost } = item;
  /** Drawn on the page, exactly or approximately: the quote can be shown in the article. */
  const found = placement === 'anchored' || placement === 'approximate';
  const [editing, setEditing] = useState(false);
  const [editorFocus, setEditorFocus] = useState(0);
  const [expanded, setExpanded] = useState(false);
  const [pending, setPending] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const card = useRef<HTMLElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const id = useId();

  useEffect(() => {
    if (!focusRequest) return;
    const element = card.current;
    if (typeof element?.scrollIntoView === 'function') element.scrollIntoView({ block: 'nearest' });
    if (focusRequest.edit) {
      setEditing(true);
      setEditorFocus(focusRequest.seq);
    } else element?.focus();
    props.onFocusHandled(focusRequest.seq);
  }, [focusRequest?.seq]);

  // The Save or Cancel button that had focus is gone with the editor; the button that opened it takes over.
  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    editButton.current?.focus();
  }, [editing]);

  // The parent's new props now say what the select shows.
  useEffect(() => setChosen(null), [highlight.questionId]);

  const quote = highlight.target.selectors[0].exact;
  const opening = quoteOpening(quote);
  const preview = previewQuote(quote);
  const shown = expanded ? quote : preview.text;
  const noteVerb = highlight.note ? i18n.t('highlights.editNote') : i18n.t('highlights.addNote');
  const noteLabel = highlight.note
    ? i18n.t('highlights.editNoteLabel', [opening])
    : i18n.t('highlights.addNoteLabel', [opening]);
  const locked = pending || busy;

  const announce = useAnnounce();
  const reveal = () => {
    props.onReveal(highlight.id);
    // The passage is shown on the page, out of the panel: screen-reader users hear which one, and why it matters.
    const question = questionIndex === null ? undefined : questions[questionIndex];
    const tiedTo =
      question && questionIndex !== null
        ? i18n.t('highlights.questionText', [String(questionIndex + 1), question.text])
        : questionLabel;
    announce(i18n.t('announce.passageShown', [preview.text, tiedTo]));
  };
  const closeEditor = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  const retie = async (value: string) => {
    setChosen(value);
    setError(null);
    const failure = await props.onRetie(highlight.id, value === '' ? null : value);
    if (failure !== null) {
      setChosen(null);
      setError(failure);
    }
  };
  const remove = async () => {
    if (locked) return;
    setPending(true);
    setError(null);
    const failure = await props.onDelete(highlight.id);
    setPending(false);
    if (failure !== null) setError(failure);
  };

  return (
    <article
      ref={card}
      class={`hl-card hl-card--${placement}`}
      tabIndex={-1}
      aria-label={i18n.t('highlights.card', [opening])}
      aria-busy={pending || undefined}
      data-highlight-id={highlight.id}
    >
      <p class="hl-card__meta">
        <QuestionChip index={questionIndex} />
        <span class="hl-card__question">{questionLabel}</span>
        <span aria-hidden="true"> · </span>
        <time dateTime={highlight.createdAt}>{props.formatSaved(highlight.createdAt)}</time>
        {highlight.sharedFrom !== undefined && <span class="hl-tag">{sharedLabel(highlight.sharedFrom)}</span>}
        {placement === 'ambiguous' && <span class="hl-tag">{i18n.t('highlights.ambiguous')}</span>}
        {placement === 'approximate' && (
          <span class="hl-tag" title={i18n.t('highlights.approximateWhy')}>
            {i18n.t('highlights.approximate')}
          </span>
        )}
        {otherCopyHost !== null && (
          <span class="hl-tag">
            {!found && placement !== 'pending'
              ? i18n.t('highlights.madeOn', [otherCopyHost])
              : i18n.t('highlights.fromOtherCopy')}
          </span>
        )}
      </p>
      {found ? (
        <button type="button" class="hl-card__quote" id={`${id}-quote`} onClick={reveal}>
          <span class="visually-hidden">{i18n.t('highlights.revealPrefix')}</span>
          {shown}
        </button>
      ) : (
        <blockquote class="hl-card__quote" id={`${id}-quote`}>
          {shown}
        </blockquote>
      )}
      {preview.shortened && (
        <button
          type="button"
          class="hl-link-button"
          aria-expanded={expanded}
          aria-controls={`${id}-quote`}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? i18n.t('highlights.showLess') : i18n.t('highlights.showAll')}
        </button>
      )}
      {editing ? (
        <NoteEditor
          initialNote={highlight.note}
          onSave={(note) => props.onSaveNote(highlight.id, note)}
          onClose={closeEditor}
          focusKey={editorFocus}
          disabled={busy}
          context={opening}
        />
      ) : (
        highlight.note !== '' && <p class="hl-card__note">{highlight.note}</p>
      )}
      <div class="hl-actions">
        {found && (
          <button
            type="button"
            class="button"
            onClick={reveal}
            aria-label={i18n.t('highlights.revealLabel', [opening])}
          >
            {i18n.t('highlights.reveal')}
          </button>
        )}
        {!editing && (
          <button ref={editButton} type="button" class="button" onClick={() => setEditing(true)} aria-label={noteLabel}>
            {noteVerb}
          </button>
        )}
        <QuestionSelect
          questions={questions}
          value={chosen ?? highlight.questionId ?? ''}
          unknownId={questionIndex === null ? highlight.questionId : null}
          disabled={busy}
          context={opening}
          onChange={(value) => void retie(value)}
        />
        <button
          type="button"
          class="button button--danger"
          {...GUARDED}
          onClick={remove}
          aria-disabled={locked || undefined}
          aria-label={i18n.t('highlights.deleteLabel', [opening])}
        >
          {i18n.t('highlights.delete')}
        </button>
      </div>
      {props.onShare && props.copy && (
        <ShareLinkBox
          context={opening}
          makeLink={() => props.onShare?.(highlight.id) ?? Promise.resolve({ ok: false, error: '' })}
          copy={props.copy}
        />
      )}
      <CardClub highlightId={highlight.id} context={opening} />
      {error && (
        <p class="hl-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
