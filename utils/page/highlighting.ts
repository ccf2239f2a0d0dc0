import { localize } from '../catalog/localized';
import type { CatalogEntry } from '../catalog/schema';
import { SAVE_HIGHLIGHT_MEASURE } from '../performance-marks';
import type { BackgroundClient } from '../protocol/responses';
import type { TieOutcome } from '../protocol/tab-messages';
import { highlightSource } from '../sharing/highlight-source';
import { buildTextFragment } from '../sharing/text-fragment';
import { createPageAnnotator } from './annotator';
import { startClubHighlights } from './club-layer/club-highlights';
import { clubMapItems, fromClubMapId } from './club-layer/club-map-items';
import type { DocumentIntegration } from './document';
import { type MapItem, mountHighlightMap } from './highlight-map/highlight-map';
import type { StepDirection } from './highlight-map/stepping';
import { focusIsTyping } from './highlight-map/typing-focus';
import { highlightableRange, selectionFocusEnd, selectionRect } from './highlighter/selection';
import { trackReaderSelection } from './reader-selection';
import { selectionRefusal } from './selection-refusal';
import { mountSelectionToolbar } from './toolbar/toolbar';

const SELECTION_SETTLE_MS = 150;

/**
 * Everything the reader does with highlights on the article page: the toolbar on a selection (tie to a
 * question, or plain highlight), the painted highlights, clicks on them, and passages revealed from the panel.
 * The article is the integration's root (the body of an HTML article); the panel and toolbar hosts sit outside it.
 */
export function startPageHighlighting(
  integration: DocumentIntegration,
  entry: CatalogEntry,
  send: BackgroundClient,
  language: string,
) {
  const { doc, root } = integration;
  const win = doc.defaultView as Window;
  const questionIndex = (questionId: string | null) => {
    const index = entry.questions.findIndex((question) => question.id === questionId);
    return index < 0 ? null : index;
  };
  // The map shows the reader's highlights and the club's, each list as last drawn.
  const drawn = { own: [] as readonly MapItem[], club: [] as readonly MapItem[] };
  // A document that draws its text on demand (a PDF) is followed longer than an HTML page's late sections.
  const settling = integration.settleMs === undefined ? {} : { settleMs: integration.settleMs };
  const annotator = createPageAnnotator({
    integration,
    ...settling,
    painter: integration.createPainter(),
    load: async () => {
      const reply = await send({ type: 'page-highlights' });
      return reply.ok ? reply.value : null;
    },
    report: (anchors) => void send({ type: 'anchors-report', anchors }),
    questionIndex,
    onDrawn: (items) => {
      drawn.own = items;
      map.update([...drawn.own, ...drawn.club]);
    },
  });
  // The club's highlights, lighter and in a painter of their own; none while the reader has them switched off.
  const club = startClubHighlights({
    integration,
    ...settling,
    load: async () => {
      const reply = await send({ type: 'club-page-layer' });
      return reply.ok ? reply.value : null;
    },
    questionIndex,
    onDrawn: (items) => {
      drawn.club = clubMapItems(items);
      map.update([...drawn.own, ...drawn.club]);
    },
  });
  /** A map mark's highlight: the reader's own (by id) or the club's (by its remote id). */
  const openFromMap = (id: string) => {
    const remoteId = fromClubMapId(id);
    void send(remoteId === null ? { type: 'highlight-activated', id } : { type: 'club-highlight-activated', remoteId });
  };
  const revealFromMap = (id: string, smooth: boolean) => {
    const remoteId = fromClubMapId(id);
    if (remoteId === null) annotator.reveal(id, smooth);
    else club.reveal(remoteId, smooth);
  };
  // The map of the highlights beside the panel: a mark's click opens its card, as a click on the passage does.
  const map = mountHighlightMap(doc, {
    questionCount: entry.questions.length,
    reveal: revealFromMap,
    open: openFromMap,
    onContentChange: (listener) => integration.onContentChange(listener),
  });

  let selected: Range | null = null;
  const readerSelection = trackReaderSelection(doc);
  const toolbar = mountSelectionToolbar(doc, {
    questions: entry.questions.map((question, index) => ({
      id: question.id,
      number: index + 1,
      text: localize(question.text, language),
    })),
    onTie: (questionId) => void tie(questionId),
    onDismiss: () => toolbar.hide(),
  });

  async function tie(questionId: string | null): Promise<void> {
    if (!selected) return;
    const outcome = await save(selected, questionId);
    if (outcome.status === 'refused') toolbar.showMessage(outcome.error);
  }

  /**
   * The panel's tie control. The reader selected in the article, then clicked in the panel's frame, which leaves
   * this document's selection as it was; it is read again now, with the same checks as the toolbar's (in the
   * article, made by the reader's own input), so a selection the page's script made is never saved from here.
   */
  async function tieFromPanel(questionId: string): Promise<TieOutcome> {
    const range = readersRange();
    return range ? save(range, questionId) : { status: 'no-selection' };
  }

  async function save(range: Range, questionId: string | null): Promise<TieOutcome> {
    const described = await integration.describe(range);
    if (!described.ok) return { status: 'refused', error: selectionRefusal(described, language) };
    const started = performance.now();
    const reply = await send({
      type: 'highlight-create',
      questionId,
      selectors: described.selectors,
      source: highlightSource(integration.sourceUrl ?? win.location.href),
    });
    performance.measure(SAVE_HIGHLIGHT_MEASURE, { start: started, end: performance.now() });
    if (!reply.ok) return { status: 'refused', error: reply.error };
    annotator.add(reply.value, described.passage);
    // The reader's first highlight on a site lets the club's be painted there too (page-trust.ts).
    void club.refresh();
    selected = null;
    toolbar.hide();
    win.getSelection()?.removeAllRanges();
    return { status: 'tied', id: reply.value.id };
  }

  /** The selection, when it is a passage of the article the reader's own input made; null otherwise. */
  function readersRange(): Range | null {
    const found = highlightableRange(win.getSelection(), root, [toolbar.host]);
    return found.ok && readerSelection.isReaderMade() ? found.range : null;
  }

  /** Shows the toolbar for a finished selection in the article, and hides it otherwise. */
  function selectionChanged(): void {
    const selection = win.getSelection();
    // A passage the page's script selected is not offered: the reader's keys would save what the page chose.
    const range = readersRange();
    const rect = range ? selectionRect(range) : null;
    if (!range || !rect || !selection) {
      selected = null;
      toolbar.hide();
      return;
    }
    selected = range;
    toolbar.show(rect, selectionFocusEnd(selection));
  }

  function followSelection(): void {
    if (!selected || !toolbar.isShown()) return;
    const rect = selectionRect(selected);
    const selection = win.getSelection();
    if (rect && selection) toolbar.show(rect, selectionFocusEnd(selection));
  }

  let pointerDown = false;
  let settle: ReturnType<typeof setTimeout> | undefined;
  const listeners: [EventTarget, string, (event: Event) => void][] = [
    [doc, 'mousedown', () => (pointerDown = true)],
    [
      doc,
      'mouseup',
      () => {
        pointerDown = false;
        clearTimeout(settle);
        settle = setTimeout(selectionChanged, 0);
      },
    ],
    // Keyboard selections (Shift+arrows, select-all) arrive as selection changes; drags wait for mouseup.
    [
      doc,
      'selectionchange',
      () => {
        if (pointerDown) return;
        clearTimeout(settle);
        settle = setTimeout(selectionChanged, SELECTION_SETTLE_MS);
      },
    ],
    [
      doc,
      'click',
      (event) => {
        const { clientX, clientY } = event as MouseEvent;
        // A script's click (dispatchEvent) must not reopen a panel the reader closed.
        if (!event.isTrusted || !win.getSelection()?.isCollapsed) return;
        const path = event.composedPath();
        if (path.includes(toolbar.host) || path.includes(map.host)) return;
        // The reader's own highlight wins over a club highlight under the same point.
        const id = annotator.highlightAt(clientX, clientY);
        if (id) return void send({ type: 'highlight-activated', id });
        const remoteId = club.highlightAt(clientX, clientY);
        if (remoteId) void send({ type: 'club-highlight-activated', remoteId });
      },
    ],
    // The toolbar is fixed to the viewport: it follows its selection when the page scrolls or resizes.
    [win, 'scroll', () => followSelection()],
    [win, 'resize', () => followSelection()],
  ];
  for (const [target, type, listener] of listeners)
    target.addEventListener(type, listener, { capture: true, passive: true });
  void annotator.refresh();
  void club.refresh();

  return {
    refresh: () => annotator.refresh(),
    /** Asks the background again what to paint of the club (`club-layer-changed`). */
    refreshClub: () => club.refresh(),
    reveal: (id: string) => annotator.reveal(id),
    /** Scrolls to a club highlight the panel named (the reader clicked its quote); false when it is not painted. */
    revealClub: (remoteId: string) => club.reveal(remoteId),
    tieFromPanel,
    /** Who the toolbar says a new highlight will be visible to (the club's default), or nothing without a club. */
    setNewVisibility: (visibility: 'only-me' | 'club' | null) => toolbar.setVisibility(visibility),
    /** Where a highlight is drawn now, if it is. */
    rangeOf: (id: string) => annotator.rangeOf(id),
    /** The text fragment (`text=…`) that makes a browser without the extension find this highlight's passage. */
    fragmentFor: (id: string): string | null => {
      const range = annotator.rangeOf(id);
      return range ? buildTextFragment(range) : null;
    },
    /** The highlight map: where it stands (beside the panel), whether it shows, and the keyboard commands' steps. */
    map: {
      setRightInset: (px: number) => map.setRightInset(px),
      setVisible: (visible: boolean) => map.setVisible(visible),
      /** A step asked by a browser-wide key, which does nothing while the reader is typing. */
      step(direction: StepDirection): void {
        if (!focusIsTyping(doc)) map.step(direction);
      },
    },
    stop() {
      map.destroy();
      for (const [target, type, listener] of listeners) target.removeEventListener(type, listener, true);
      clearTimeout(settle);
      readerSelection.stop();
      toolbar.destroy();
      annotator.destroy();
      club.destroy();
    },
  };
}

export type PageHighlighting = ReturnType<typeof startPageHighlighting>;
