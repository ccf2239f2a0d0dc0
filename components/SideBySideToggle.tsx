import { i18n } from '#i18n';
import { GUARDED } from '../utils/panel/click-guard';

/**
 * The reader's switch for side by side, in the panel's header where the panel's other layout controls are: pressed,
 * the open panel makes room beside the article (when the window is wide enough); released, it lies over the
 * article. The choice is remembered for every article.
 */
export function SideBySideToggle({ on, onToggle }: { on: boolean; onToggle: (next: boolean) => void }) {
  return (
    <button
      type="button"
      class="icon-button side-by-side-toggle"
      aria-pressed={on ? 'true' : 'false'}
      onClick={() => onToggle(!on)}
      // A setting: a page that tricks the reader into clicking the panel must not be able to flip it.
      {...GUARDED}
      title={i18n.t('sideBySide.toggleTitle')}
    >
      {/* Two columns: the article and the panel beside it. */}
      <svg aria-hidden="true" viewBox="0 0 20 16" width="20" height="16" focusable="false">
        <rect x="1" y="1.5" width="11" height="13" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5" />
        <rect x="14" y="1.5" width="5" height="13" rx="1" fill="currentColor" />
      </svg>
      <span class="visually-hidden">{i18n.t('sideBySide.toggle')}</span>
    </button>
  );
}
