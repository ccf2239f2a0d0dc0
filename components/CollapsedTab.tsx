import { useLayoutEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';

/** The panel folded to a tab on the page's edge; one button that brings it back. */
export function CollapsedTab({ onOpen, takeFocus }: { onOpen: () => void; takeFocus: boolean }) {
  const button = useRef<HTMLButtonElement>(null);
  // Keeps keyboard readers where they were: the control they just used turned into this one. Moved in the same
  // task as the key press that folded the panel (a layout effect, not a deferred one), so a key pressed right
  // after it reaches this button rather than the frame's body.
  useLayoutEffect(() => {
    if (takeFocus && document.hasFocus()) button.current?.focus();
  }, [takeFocus]);
  return (
    <button ref={button} type="button" class="collapsed-tab" aria-expanded="false" onClick={onOpen}>
      <span class="collapsed-tab__label">{i18n.t('panel.collapsedTab')}</span>
      <span class="visually-hidden">{i18n.t('panel.collapsedTabAction')}</span>
    </button>
  );
}
