import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';

/** How many items a club list shows at first, and how many more each "Show more" adds. */
export const LAZY_STEP = 20;

interface LazyListProps<T> {
  items: readonly T[];
  keyOf(item: T): string;
  render(item: T): ComponentChildren;
  class?: string;
  id?: string;
  label?: string;
  step?: number;
  /** An item that must be shown (the one asked for): the list shows as many steps as it takes to reach it. */
  wanted?: ((item: T) => boolean) | null;
  /** Changes with each request, so that the same annotation asked for again is looked for again. */
  wantedSeq?: number | undefined;
}

/**
 * A list that draws its first {@link LAZY_STEP} items and offers the rest a step at a time, so that a club with
 * thousands of annotations on one question (or a hostile service) costs the panel a few dozen elements, not
 * thousands. After "Show more", focus goes to the first item just shown: the button may be gone.
 */
export function LazyList<T>(props: LazyListProps<T>) {
  const { items, keyOf, render, step = LAZY_STEP, wanted, wantedSeq } = props;
  const [shown, setShown] = useState(step);
  useEffect(() => {
    const index = wanted ? items.findIndex(wanted) : -1;
    if (index >= shown) setShown(Math.ceil((index + 1) / step) * step);
  }, [wantedSeq]);
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const root = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (focusFrom === null) return;
    setFocusFrom(null);
    const item = root.current?.children[focusFrom]?.querySelector<HTMLElement>('[tabindex="-1"]');
    item?.focus();
  }, [focusFrom]);

  const rest = items.length - shown;
  const next = Math.min(step, rest);
  return (
    <>
      <ul ref={root} class={props.class} id={props.id} aria-label={props.label}>
        {items.slice(0, shown).map((item) => (
          <li key={keyOf(item)}>{render(item)}</li>
        ))}
      </ul>
      {rest > 0 && (
        <button
          type="button"
          class="hl-link-button lazy-more"
          onClick={() => {
            setFocusFrom(shown);
            setShown(shown + next);
          }}
        >
          {i18n.t('clubPanel.showMore', rest, [String(next), String(rest)])}
        </button>
      )}
    </>
  );
}
