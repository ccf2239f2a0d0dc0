import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { type AnchorStatus, groupHighlights, makeSavedFormatter, questionGroupKey } from '../utils/highlights/groups';
import type { Highlight } from '../utils/highlights/highlight';
import { HighlightCard } from './HighlightCard';
import { HighlightGroup } from './HighlightGroup';
import { QuestionSection, type TieResult } from './QuestionSection';
import type { ShareResult } from './ShareLinkBox';
import { ShowOnPage } from './ShowOnPage';
import { focusWasLost, UndoBar } from './UndoBar';
import { useTie } from './useTie';

export type { AnchorStatus } from '../utils/highlights/groups';

export interface HighlightsSectionProps {
  /** Already localised, in entry order; question N is index N-1. */
  questions: readonly { id: string; text: string }[];
  /** This article's highlights from every copy, in any order. */
  highlights: readonly Highlight[];
  /** null while the page has not anchored yet; a highlight missing from the record counts as not yet anchored. */
  anchors: Readonly<Record<string, AnchorStatus>> | null;
  /** The page the panel is on, to tell highlights made on another copy. */
  pageUrl: string;
  /** False where the page does not draw them until the reader asks ({@link ShowOnPage}); true by default. */
  painted?: boolean;
  onShowOnPage?(): Promise<string | null>;
  /** Bring a card into view and focus it (or its note editor); a new seq repeats the request. */
  focus: { id: string; edit: boolean; seq: number } | null;
  /** Disables changes (not "Show in article") while something else is saving. */
  busy?: boolean;
  /** For the "Saved …" times; both default to the browser's. Tests pin them. */
  locale?: string;
  timeZone?: string;
  onReveal(id: string): void;
  onSaveNote(id: string, note: string): Promise<string | null>;
  onRetie(id: string, questionId: string | null): Promise<string | null>;
  onDelete(id: string): Promise<{ ok: true; deleted: Highlight } | { ok: false; error: string }>;
  onRestore(highlight: Highlight): Promise<string | null>;
  /**
   * The article's highlight deleted last, which the background keeps for a while: a panel mounted after the
   * delete (the frame was removed or reloaded) offers Undo for it once, as the panel it replaced did.
   */
  lastDeleted?: Highlight | null;
  /** Ties the passage selected in the article to a question ("Tie my selection"), where the panel offers it. */
  onTie?(questionId: string): Promise<TieResult>;
  /** False while another tab of the panel is shown: a request to focus a card waits until this one is. */
  active?: boolean;
  /** Share links per highlight, where the panel offers them. */
  onShare?(id: string): Promise<ShareResult>;
  copy?(text: string): Promise<boolean>;
}

/** The actions promise to resolve with an error message; a rejection is reported the same way, not lost. */
async function settle(action: () => Promise<string | null>): Promise<string | null> {
  try {
    return await action();
  } catch {
    return i18n.t('highlights.changeFailed');
  }
}

/** Where focus should land once the card it belonged to is re-rendered elsewhere (another group, or back). */
interface Refocus {
  id: string;
  target: 'card' | 'question';
  /** True once the props show the change, after which an in-place update keeps focus by itself. */
  done(highlight: Highlight | undefined): boolean;
}

/**
 * The club's questions, each with the reader's highlights tied to it below it (which the reader can fold away),
 * then the untied highlights and the orphans, with an undo for deletes.
 */
export function HighlightsSection(props: HighlightsSectionProps): JSX.Element {
  const { questions, highlights, anchors, pageUrl, focus, busy = false, active = true } = props;
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  /** The questions whose highlights the reader folded away, by group key. */
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const [undo, setUndo] = useState<{ key: number; highlight: Highlight } | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);
  const [undoBusy, setUndoBusy] = useState(false);
  const undoCount = useRef(0);
  const handledFocus = useRef<number | null>(null);
  const refocus = useRef<Refocus | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const latest = useRef(highlights);
  latest.current = highlights;

  const formatSaved = useMemo(() => makeSavedFormatter(props.locale, props.timeZone), [props.locale, props.timeZone]);
  // Deleted cards go at once, before the parent's new props arrive.
  const visible = useMemo(() => highlights.filter((h) => !hidden.has(h.id)), [highlights, hidden]);
  // Every question is listed, with or without highlights; the other groups only when they hold some.
  const groups = useMemo(
    () =>
      groupHighlights(questions, visible, anchors, pageUrl).filter(
        (group) => group.kind === 'question' || group.items.length > 0,
      ),
    [questions, visible, anchors, pageUrl],
  );
  const groupOf = (id: string) => groups.find((group) => group.items.some((item) => item.highlight.id === id));

  // A card asked for (made or clicked on the page) is shown even if the reader had folded its question away.
  const wanted = focus && focus.seq !== handledFocus.current ? groupOf(focus.id)?.key : undefined;
  useEffect(() => {
    if (wanted && folded.has(wanted)) setFolded(new Set([...folded].filter((key) => key !== wanted)));
  }, [wanted, folded]);
  const toggle = (key: string) =>
    setFolded((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  // A card that focus must follow (re-tied, or brought back by Undo) is not left under a folded question.
  const unfold = (questionId: string | null) =>
    setFolded((current) => {
      const key = questionId === null ? null : questionGroupKey(questionId);
      return new Set([...current].filter((folded) => folded !== key));
    });

  // Once the parent has dropped a deleted highlight, forget hiding it: if it ever comes back, it shows.
  useEffect(() => {
    const present = new Set(highlights.map((h) => h.id));
    if ([...hidden].some((id) => !present.has(id))) setHidden(new Set([...hidden].filter((id) => present.has(id))));
  }, [highlights, hidden]);

  const tryRefocus = () => {
    const wanted = refocus.current;
    if (!wanted || !root.current) return;
    const card = [...root.current.querySelectorAll<HTMLElement>('[data-highlight-id]')].find(
      (element) => element.dataset.highlightId === wanted.id,
    );
    if (card && focusWasLost()) {
      const target = wanted.target === 'question' ? card.querySelector('select') : card;
      (target ?? card).focus();
      refocus.current = null;
    } else if (wanted.done(latest.current.find((h) => h.id === wanted.id))) {
      refocus.current = null;
    }
  };
  useEffect(tryRefocus);

  const dismissUndo = () => {
    setUndo(null);
    setUndoError(null);
  };

  const saveNote = (id: string, note: string) => {
    dismissUndo();
    return settle(() => props.onSaveNote(id, note));
  };

  const retie = async (id: string, questionId: string | null) => {
    dismissUndo();
    const failure = await settle(() => props.onRetie(id, questionId));
    if (failure === null) {
      unfold(questionId);
      refocus.current = { id, target: 'question', done: (h) => h?.questionId === questionId };
      tryRefocus();
    }
    return failure;
  };

  const tie = useTie(props.onTie, highlights);

  const offered = useRef(false);
  useEffect(() => {
    if (offered.current || !props.lastDeleted) return;
    offered.current = true;
    undoCount.current += 1;
    setUndo((current) => current ?? { key: undoCount.current, highlight: props.lastDeleted as Highlight });
  }, [props.lastDeleted]);

  const remove = async (id: string): Promise<string | null> => {
    offered.current = true;
    let result: Awaited<ReturnType<HighlightsSectionProps['onDelete']>>;
    try {
      result = await props.onDelete(id);
    } catch {
      result = { ok: false, error: i18n.t('highlights.deleteFailed') };
    }
    if (!result.ok) return result.error;
    const { deleted } = result;
    setHidden((current) => new Set(current).add(id));
    undoCount.current += 1;
    setUndo({ key: undoCount.current, highlight: deleted });
    setUndoError(null);
    return null;
  };

  const restore = async () => {
    if (!undo || undoBusy) return;
    const { highlight } = undo;
    setUndoBusy(true);
    setUndoError(null);
    const failure = await settle(() => props.onRestore(highlight));
    setUndoBusy(false);
    if (failure !== null) {
      setUndoError(failure);
      return;
    }
    setHidden((current) => new Set([...current].filter((id) => id !== highlight.id)));
    unfold(highlight.questionId);
    setUndo(null);
    refocus.current = { id: highlight.id, target: 'card', done: (h) => h !== undefined };
  };

  // Held back while the card cannot take focus: in another tab of the panel, or under a folded question.
  const focusFor = (id: string, groupKey: string) =>
    focus && focus.id === id && focus.seq !== handledFocus.current && active && !folded.has(groupKey)
      ? { seq: focus.seq, edit: focus.edit }
      : null;

  const cards = (group: (typeof groups)[number]) =>
    group.items.map((item) => (
      <li key={item.highlight.id}>
        <HighlightCard
          item={item}
          questions={questions}
          formatSaved={formatSaved}
          busy={busy}
          focusRequest={focusFor(item.highlight.id, group.key)}
          onFocusHandled={(seq) => {
            handledFocus.current = seq;
          }}
          onReveal={props.onReveal}
          onShare={props.onShare}
          copy={props.copy}
          onSaveNote={saveNote}
          onRetie={retie}
          onDelete={remove}
        />
      </li>
    ));

  return (
    <div ref={root} class="hl-section" aria-busy={busy || undefined}>
      <p role="status" class="hl-status">
        {anchors === null && visible.length > 0 ? i18n.t('highlights.finding') : ''}
      </p>
      {props.painted === false && props.onShowOnPage && visible.length > 0 && (
        <ShowOnPage onShow={props.onShowOnPage} />
      )}
      {visible.length === 0 && <p class="hl-hint">{i18n.t('highlights.hint')}</p>}
      {groups.map((group) =>
        group.kind === 'question' && group.question && typeof group.questionIndex === 'number' ? (
          <QuestionSection
            key={group.key}
            question={group.question}
            index={group.questionIndex}
            count={group.items.length}
            open={!folded.has(group.key)}
            onToggle={() => toggle(group.key)}
            onTie={tie.run}
            message={tie.refusalFor(group.question.id)}
          >
            {cards(group)}
          </QuestionSection>
        ) : (
          <HighlightGroup key={group.key} group={group}>
            {cards(group)}
          </HighlightGroup>
        ),
      )}
      <UndoBar
        activeKey={undo?.key ?? null}
        message={i18n.t('highlights.deleted')}
        onUndo={() => void restore()}
        onDismiss={dismissUndo}
        error={undoError}
        busy={undoBusy || busy}
      />
    </div>
  );
}
