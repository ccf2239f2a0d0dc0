/**
 * What the background pushes to a tab: messages to the scripts in its top frame, and events over the panel
 * frame's port. Plain types and one name, so the page side can import them without the request schemas.
 */

import type { ReadingPrefs } from './reading-prefs';
import type { Reply } from './reply';
import type { ArticleHighlights, PanelState } from './responses';

/** How the reader left the panel on this article: open, folded to a small tab, or closed for this page. */
export type PanelLayout = 'open' | 'collapsed' | 'closed';

/**
 * Whether the page found a highlight again; `approximate` is found and drawn, but only by approximate matching
 * (the passage was edited, or the highlight was made on the article's other format, HTML or PDF), which the
 * panel says on its card; `ambiguous` is an orphan that matched several places about equally, which the page
 * would not guess between.
 */
export type AnchorStatus = 'anchored' | 'approximate' | 'orphan' | 'ambiguous';

/** Messages the background sends to the scripts in a tab's top frame. */
export type TabMessage =
  | { type: 'panel-hide' }
  | { type: 'panel-layout'; layout: PanelLayout }
  | { type: 'highlights-changed' }
  | { type: 'highlight-reveal'; id: string }
  /** Scrolls to a club highlight the page painted, by the club service's id (the panel's club list). */
  | { type: 'club-highlight-reveal'; remoteId: string }
  /** Goes to the next or previous highlight (the keyboard commands; the page ignores it while the reader types). */
  | { type: 'highlight-step'; direction: 'next' | 'previous' }
  | { type: 'page-focus' }
  /** Asks the page for the text fragment (`text=…`) that finds a highlight's passage; answered string | null. */
  | { type: 'text-fragment'; id: string }
  /** Moves keyboard focus into the panel (the shortcut and the popup's "Open panel"), once it is shown. */
  | { type: 'panel-focus' }
  /** Asks the panel script which ticket its frame holds (answered string | null): is it still the same document? */
  | { type: 'panel-ticket-check' }
  /** The tab's page is no longer a club's post (an in-place navigation): the post notice goes. */
  | { type: 'post-notice-hide' }
  /** The reader switched side by side on or off in the panel: the page makes room for it, or gives it back. */
  | { type: 'reading-prefs'; prefs: ReadingPrefs }
  /**
   * What the page may paint of the club changed (new data fetched for this article, the reader's own reply or
   * deletion, connecting, or "Show the club's highlights" switched): the page asks `club-page-layer` again.
   */
  | { type: 'club-layer-changed' }
  /** The panel's tie control: tie the reader's current selection to a question; answered with a {@link TieOutcome}. */
  | { type: 'tie-selection'; questionId: string }
  /**
   * The extension's PDF viewer shows a club article (or a share link's): it mounts or refreshes the panel, as
   * injecting the panel script does on a web page, which cannot be done into an extension page.
   */
  | { type: 'panel-mount' };

/**
 * What the page did with the panel's tie request: saved the reader's selection as a highlight, found no selection
 * the reader made in the article (none, or one the page's script made), or refused it (the refusal in words).
 */
export type TieOutcome =
  | { status: 'tied'; id: string }
  | { status: 'no-selection' }
  | { status: 'refused'; error: string };

/** Events the background pushes to the panel frame over its port. */
export type PanelEvent =
  /**
   * The first event on every port that opens (or reopens after the service worker stopped): what the panel shows
   * and the reader's highlights, so the panel asks for neither when it loads. Later events follow it in order.
   */
  | { type: 'state'; state: Reply<PanelState | null>; highlights: Reply<ArticleHighlights> }
  | { type: 'highlights-changed' }
  | { type: 'anchors'; anchors: Record<string, AnchorStatus> }
  | { type: 'focus-highlight'; id: string; edit: boolean }
  | { type: 'layout'; layout: PanelLayout }
  /** The reader clicked a club highlight painted in the article: the panel shows its thread (by its remote id). */
  | { type: 'focus-club-highlight'; remoteId: string }
  /** A card's club state changed (shared, queued, published, failed): the panel asks for the club layer again. */
  | { type: 'club-changed' };
