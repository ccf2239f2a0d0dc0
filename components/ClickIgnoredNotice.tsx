import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import { CLICK_IGNORED } from '../utils/panel/click-guard';
import { useAnnounce } from './Announcer';

/**
 * Tells screen-reader users why a delete or copy did nothing when the panel dropped the click (it was covered,
 * faded, or had only just appeared: utils/panel/click-guard.ts). Sighted readers see nothing change, and a second
 * click on a visible panel works. Renders nothing itself: it speaks through the panel's one live region.
 */
export function ClickIgnoredNotice() {
  const announce = useAnnounce();
  useEffect(() => {
    const say = () => announce(i18n.t('panel.clickIgnored'));
    window.addEventListener(CLICK_IGNORED, say);
    return () => window.removeEventListener(CLICK_IGNORED, say);
  }, [announce]);
  return null;
}
