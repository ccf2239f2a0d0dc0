import { innermostAt } from '../highlighter/hit-test';
import { supportsHighlights } from '../highlighter/painter';
import { adoptStyles } from '../host/stylesheet';
import { CLUB_QUESTION_HIGHLIGHTS, CLUB_UNTIED_HIGHLIGHT, clubHighlightCss, clubHighlightName } from './club-styles';

/** A club highlight found on the page: its service id, its question's place in the entry, and where it is. */
export interface ClubPaintItem {
  remoteId: string;
  questionIndex: number | null;
  range: Range;
}

/** Below the reader's own highlights (priority 0), so the reader's style shows where both cover a passage. */
const CLUB_PRIORITY = -1;

/**
 * Paints the club's highlights with the Custom Highlight API, in a painter of its own: it registers only the
 * `jc-club-…` names and its own style sheet, so painting, clearing or destroying it leaves the reader's highlights
 * (utils/page/highlighter/painter.ts) exactly as they were. Does nothing where the API is missing.
 */
export function createClubPainter(doc: Document) {
  const view = doc.defaultView;
  const registry = supportsHighlights(doc) ? (view?.CSS.highlights ?? null) : null;
  const HighlightType = view?.Highlight;
  const removeStyles = registry && HighlightType ? adoptStyles(doc, clubHighlightCss()) : () => {};
  const ours = new Map<string, Highlight>();
  let painted: readonly ClubPaintItem[] = [];

  const unregister = (name: string) => {
    const highlight = ours.get(name);
    if (highlight !== undefined && registry?.get(name) === highlight) registry.delete(name);
    ours.delete(name);
  };

  return {
    /** Draws exactly these club highlights, replacing those drawn before. */
    paint(items: readonly ClubPaintItem[]): void {
      painted = [...items];
      if (!registry || !HighlightType) return;
      const byName = new Map<string, Range[]>();
      for (const item of items) {
        const name = clubHighlightName(item.questionIndex);
        const ranges = byName.get(name);
        if (ranges === undefined) byName.set(name, [item.range]);
        else ranges.push(item.range);
      }
      for (const name of [...CLUB_QUESTION_HIGHLIGHTS, CLUB_UNTIED_HIGHLIGHT]) {
        const ranges = byName.get(name);
        if (ranges === undefined) {
          unregister(name);
          continue;
        }
        const highlight = new HighlightType(...ranges);
        highlight.priority = CLUB_PRIORITY;
        registry.set(name, highlight);
        ours.set(name, highlight);
      }
    },
    /** The remote id of the club highlight under a viewport point (innermost when they overlap), or null. */
    highlightAt(x: number, y: number): string | null {
      return innermostAt(doc, painted, x, y)?.remoteId ?? null;
    },
    destroy(): void {
      for (const name of [...ours.keys()]) unregister(name);
      painted = [];
      removeStyles();
    },
  };
}

export type ClubPainter = ReturnType<typeof createClubPainter>;
