import { i18n } from '#i18n';
import type { Highlight } from './highlight';

/**
 * Whether the page found a highlight's passage (`approximate`: found, by approximate matching); a highlight the
 * page has not reported on yet is pending.
 */
export type AnchorStatus = 'anchored' | 'approximate' | 'orphan' | 'ambiguous';
export type Placement = AnchorStatus | 'pending';

export interface ClubQuestion {
  id: string;
  text: string;
}

export interface HighlightItem {
  highlight: Highlight;
  placement: Placement;
  /** 0-based index of its question in the entry; null when untied or tied to a question the entry lost. */
  questionIndex: number | null;
  /** "Question 2", "Not tied to a question" or "Question no longer in the club's list". */
  questionLabel: string;
  /** The host of the page it was made on, when that is not the page the panel is on. */
  otherCopyHost: string | null;
}

export type GroupKind = 'question' | 'untied' | 'missing' | 'other-copy';

export interface HighlightGroup {
  kind: GroupKind;
  /** Stable across renders, for element keys and ids. */
  key: string;
  heading: string;
  /** The question's index for its colour chip; null for the untied group, undefined for the orphan groups. */
  questionIndex?: number | null;
  question?: ClubQuestion;
  items: HighlightItem[];
}

/** A highlight tied to a question id the club's entry no longer lists. */
export const unknownQuestionLabel = (): string => i18n.t('highlights.unknownQuestion');

/** Long enough to recognise a passage, short enough that a card stays a card. */
export const QUOTE_PREVIEW_LENGTH = 280;

/** The key of a question's group: stable across renders, so the panel can remember which ones the reader folded. */
export const questionGroupKey = (questionId: string): string => `question:${questionId}`;

export const questionHeading = (index: number): string => i18n.t('highlights.question', [String(index + 1)]);

export const countLabel = (count: number): string => i18n.t('highlights.count', count);

/**
 * Collapses whitespace and cuts at a word boundary near `max` characters (code points, so emoji and other
 * astral characters are never split), adding "…" when anything was cut.
 */
export function shortenText(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  let cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  return `${cut.replace(/[\s.,;:!?]+$/, '')}…`;
}

/** What a card shows of a quote, and whether the reader can expand it to the whole passage. */
export function previewQuote(quote: string): { text: string; shortened: boolean } {
  const text = shortenText(quote, QUOTE_PREVIEW_LENGTH);
  return { text, shortened: text !== quote.replace(/\s+/g, ' ').trim() };
}

/** The first words of a quote, to tell apart buttons that would otherwise share a name. */
export const quoteOpening = (quote: string): string => i18n.t('highlights.quoted', [shortenText(quote, 40)]);

export const questionOptionLabel = (index: number, text: string): string =>
  i18n.t('highlights.questionText', [String(index + 1), shortenText(text, 60)]);

/** `locale` and `timeZone` default to the browser's; tests pin both. */
export function makeSavedFormatter(locale?: string, timeZone?: string): (iso: string) => string {
  const format = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  return (iso) => i18n.t('highlights.saved', [format.format(new Date(iso))]);
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Query and hash are ignored: they change between visits (tracking, section links) without changing the copy. */
export function isSamePage(a: string, b: string): boolean {
  const left = parseUrl(a);
  const right = parseUrl(b);
  return !!left && !!right && left.origin === right.origin && left.pathname === right.pathname;
}

const start = (highlight: Highlight): number => highlight.target.selectors[1].start;

/** Page order, then creation order, then id, so equal positions still sort the same way every time. */
function byPosition(a: HighlightItem, b: HighlightItem): number {
  const x = a.highlight;
  const y = b.highlight;
  return start(x) - start(y) || x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id);
}

/** Orphans keep their copies together; within one copy, positions still mean page order. */
function bySourceThenPosition(a: HighlightItem, b: HighlightItem): number {
  return a.highlight.target.source.localeCompare(b.highlight.target.source) || byPosition(a, b);
}

/**
 * Sorts this article's highlights into what the panel lists: one group per question (in entry order), the
 * untied ones, then the orphans, which are never dropped because a reader may still want their notes. Only
 * anchored and pending highlights go under their question; a highlight the anchor report does not mention yet
 * (saved a moment ago) is pending. Every group is returned, empty or not, so callers can show counts of 0.
 */
export function groupHighlights(
  questions: readonly ClubQuestion[],
  highlights: readonly Highlight[],
  anchors: Readonly<Record<string, AnchorStatus>> | null,
  pageUrl: string,
): HighlightGroup[] {
  const indexById = new Map(questions.map((question, index) => [question.id, index]));
  const byQuestion: HighlightGroup[] = questions.map((question, index) => ({
    kind: 'question',
    key: questionGroupKey(question.id),
    heading: questionHeading(index),
    questionIndex: index,
    question,
    items: [],
  }));
  const untied: HighlightGroup = {
    kind: 'untied',
    key: 'untied',
    heading: i18n.t('highlights.untied'),
    questionIndex: null,
    items: [],
  };
  const missing: HighlightGroup = { kind: 'missing', key: 'missing', heading: i18n.t('highlights.missing'), items: [] };
  const otherCopy: HighlightGroup = {
    kind: 'other-copy',
    key: 'other-copy',
    heading: i18n.t('highlights.otherCopy'),
    items: [],
  };

  for (const highlight of highlights) {
    const { questionId } = highlight;
    const questionIndex = questionId === null ? null : (indexById.get(questionId) ?? null);
    let questionLabel = untied.heading;
    if (questionIndex !== null) questionLabel = questionHeading(questionIndex);
    else if (questionId !== null) questionLabel = unknownQuestionLabel();
    const samePage = isSamePage(highlight.target.source, pageUrl);
    const otherCopyHost = samePage ? null : (parseUrl(highlight.target.source)?.host ?? highlight.target.source);
    const placement: Placement = anchors === null ? 'pending' : (anchors[highlight.id] ?? 'pending');
    const item: HighlightItem = { highlight, placement, questionIndex, questionLabel, otherCopyHost };

    if (placement === 'orphan' || placement === 'ambiguous') (samePage ? missing : otherCopy).items.push(item);
    else if (questionIndex === null) untied.items.push(item);
    else byQuestion[questionIndex]?.items.push(item);
  }

  for (const group of [...byQuestion, untied]) group.items.sort(byPosition);
  for (const group of [missing, otherCopy]) group.items.sort(bySourceThenPosition);
  return [...byQuestion, untied, missing, otherCopy];
}
