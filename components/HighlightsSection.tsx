import type { JSX } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { type AnchorStatus, groupHighlights, makeSavedFormatter } from '../utils/highlights/groups';
import type { Highlight } from '../utils/highlights/highlight';
import { HighlightCard } from './HighlightCard';
import { HighlightGroup } from './HighlightGroup';
import type { ShareResult } from './ShareLinkBox';
import { ShowOnPage } from './ShowOnPage';
import { focusWasLost, UndoBar } from './UndoBar';

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

/** The reader's highlights on this article, grouped by question, with orphans apart and an undo for deletes. */
export function HighlightsSection(props: HighlightsSectionProps): JSX.Element {
  const { questions, highlights, anchors, pageUrl, focus, busy = false } = props;
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [undo, setUndo] = useState<{ key: number; highlight: Highlight } | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);
  const [undoBusy, setUndoBusy] = useState(false);
  const undoCount = useRef(0);
  const handledFocus = useRef<number | null>(null);
  const refocus = useRef<Refocus | null>(null);
  const root = useRef<HTMLElement>(null);
  const latest = useRef(highlights);
  latest.current = highlights;
  const headingId = useId();

  const formatSaved = useMemo(() => makeSavedFormatter(props.locale, props.timeZone), [props.locale, props.timeZone]);
  // Deleted cards go at once, before the parent's new props arrive.
  const visible = useMemo(() => highlights.filter((h) => !hidden.has(h.id)), [highlights, hidden]);
  const groups = useMemo(
    () => groupHighlights(questions, visible, anchors, pageUrl).filter((group) => group.items.length > 0),
    [questions, visible, anchors, pageUrl],
  );

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
      refocus.current = { id, target: 'question', done: (h) => h?.questionId === questionId };
      tryRefocus();
    }
    return failure;
  };

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
    setUndo(null);
    refocus.current = { id: highlight.id, target: 'card', done: (h) => h !== undefined };
  };

  const focusFor = (id: string) =>
    focus && focus.id === id && focus.seq !== handledFocus.current ? { seq: focus.seq, edit: focus.edit } : null;

  return (
    <section ref={root} class="hl-section" aria-labelledby={headingId} aria-busy={busy || undefined}>
      <h2 id={headingId}>{i18n.t('highlights.heading')}</h2>
      <p role="status" class="hl-status">
        {anchors === null && visible.length > 0 ? i18n.t('highlights.finding') : ''}
      </p>
      {props.painted === false && props.onShowOnPage && visible.length > 0 && (
        <ShowOnPage onShow={props.onShowOnPage} />
      )}
      {visible.length === 0 ? (
        <p class="hl-hint">{i18n.t('highlights.hint')}</p>
      ) : (
        groups.map((group) => (
          <HighlightGroup key={group.key} group={group}>
            {group.items.map((item) => (
              <li key={item.highlight.id}>
                <HighlightCard
                  item={item}
                  questions={questions}
                  formatSaved={formatSaved}
                  busy={busy}
                  focusRequest={focusFor(item.highlight.id)}
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
            ))}
          </HighlightGroup>
        ))
      )}
      <UndoBar
        activeKey={undo?.key ?? null}
        message={i18n.t('highlights.deleted')}
        onUndo={() => void restore()}
        onDismiss={dismissUndo}
        error={undoError}
        busy={undoBusy || busy}
      />
    </section>
  );
}
