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
}

/**
 * A list that draws its first {@link LAZY_STEP} items and offers the rest a step at a time, so that a club with
 * thousands of annotations on one question (or a hostile service) costs the panel a few dozen elements, not
 * thousands. After "Show more", focus goes to the first item just shown: the button may be gone.
 */
export function LazyList<T>({ items, keyOf, render, step = LAZY_STEP, ...list }: LazyListProps<T>) {
  const [shown, setShown] = useState(step);
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
      <ul ref={root} class={list.class} id={list.id} aria-label={list.label}>
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
