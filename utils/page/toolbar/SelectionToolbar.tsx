import { Fragment, type JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { styleForQuestion } from '../../highlights/question-colors';

export interface ToolbarQuestion {
  id: string;
  /** 1-based, as the club numbers its questions; `number - 1` is the index its colour comes from. */
  number: number;
  /** The question in the reader's language, in full. */
  text: string;
}

interface SelectionToolbarProps {
  questions: readonly ToolbarQuestion[];
  onTie: (questionId: string | null) => void;
  /** Which way tooltips open: away from the selection (see `placeToolbar`). */
  tips: 'up' | 'down';
  /** A line for the reader under the buttons (why highlighting failed), or null. */
  message: string | null;
  /**
   * Who a new highlight will be visible to, once the reader is connected to a club ("Only me" or "My club", the
   * club's default); null (not connected) shows nothing, since then nothing leaves the browser anyway.
   */
  visibility?: 'only-me' | 'club' | null;
}

/** Long enough to recognise a question, short enough for a tooltip over the article. */
const TIP_LENGTH = 80;

/**
 * Offers to highlight the selected passage, tied to one of the club's questions or to none. Buttons show "Q2"
 * styled like the highlight it makes (background and underline style, so colour is not the only cue); the
 * question itself, which is too long for a button, is in the accessible name and in a tooltip shown on hover and
 * on keyboard focus alike. One button is in the tab order at a time and arrow keys move between them (the ARIA
 * toolbar pattern), so the toolbar is one tab stop.
 *
 * A message (why the passage cannot be highlighted) goes in a status line under the buttons.
 *
 * Only trusted clicks count: the toolbar's shadow root is open, and a page must not make highlights by clicking
 * its buttons from a script.
 */
export function SelectionToolbar({ questions, onTie, tips, message, visibility = null }: SelectionToolbarProps) {
  const [active, setActive] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const count = questions.length + 1;

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    const next = rovingTarget(event.key, active, count);
    if (next === null) return;
    event.preventDefault();
    // The page must not also act on the arrow key (scroll, flip a slide).
    event.stopPropagation();
    setActive(next);
    buttons.current[next]?.focus();
  };
  const button = (index: number, label: string, questionId: string | null) => ({
    type: 'button' as const,
    ref: (element: HTMLButtonElement | null) => {
      buttons.current[index] = element;
    },
    tabIndex: index === active ? 0 : -1,
    'aria-label': label,
    onFocus: () => setActive(index),
    onClick: (event: MouseEvent) => {
      if (event.isTrusted) onTie(questionId);
    },
  });

  return (
    <div class="frame" data-tips={tips}>
      <div
        role="toolbar"
        aria-label={i18n.t('toolbar.label')}
        aria-orientation="horizontal"
        aria-describedby={visibility ? 'visibility' : undefined}
        class="toolbar"
        onKeyDown={onKeyDown}
      >
        {questions.map((question, index) => {
          const style = styleForQuestion(question.number - 1);
          const look = {
            '--hl-light': style.light,
            '--hl-dark': style.dark,
            '--hl-solid': style.solid,
            '--hl-line': style.line,
          };
          return (
            <Fragment key={question.id}>
              <button
                class="tie"
                style={look}
                aria-keyshortcuts={question.number <= 9 ? String(question.number) : undefined}
                {...button(index, i18n.t('toolbar.tie', [String(question.number), question.text]), question.id)}
              >
                <span class="chip" aria-hidden="true" />
                <span class="label">{question.number}</span>
              </button>
              <span class="tip" aria-hidden="true">
                {shortText(question.text)}
              </span>
            </Fragment>
          );
        })}
        <button class="plain" aria-keyshortcuts="H" {...button(questions.length, i18n.t('toolbar.highlight'), null)}>
          {i18n.t('toolbar.highlight')}
        </button>
        <span class="tip" aria-hidden="true">
          {i18n.t('toolbar.highlightTip')}
        </span>
      </div>
      {visibility && (
        <p class="visibility" id="visibility">
          <span aria-hidden="true">{visibility === 'club' ? '👥 ' : '🔒 '}</span>
          {visibility === 'club' ? i18n.t('toolbar.visibleClub') : i18n.t('toolbar.visibleOnlyMe')}
        </p>
      )}
      {/* Always present, so that screen readers announce what appears in it. */}
      <p class="message" role="status">
        {message}
      </p>
    </div>
  );
}

/** Focus target for a roving-tabindex key (wrapping at the ends), or null when the key is not one. */
export function rovingTarget(key: string, current: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** The question cut at a word near `TIP_LENGTH` characters, with "…" when anything was cut. */
export function shortText(text: string, length = TIP_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
