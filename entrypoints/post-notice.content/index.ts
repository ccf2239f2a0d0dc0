import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountPostNotice, type PostNotice } from '../../utils/page/post-notice/notice';
import { sendToBackground } from '../../utils/protocol/extension-client';
import type { TabMessage } from '../../utils/protocol/tab-messages';
import { uiLanguage } from '../../utils/ui-language';

/** Set on the content script's own (isolated) window, which the page cannot see, once the script runs. */
const MOUNTED = Symbol.for('journal-club-reader.post-notice');
type MountedWindow = typeof window & { [MOUNTED]?: () => Promise<void> };

/**
 * Injected by the background into a tab showing a club's post (utils/background/post-page.ts) and nowhere else:
 * offers the article the post discusses, with the club's questions. The background decides from this document's
 * own address what to offer, or nothing (the reader dismissed it, or the page is no longer that post). Injected
 * again on the same document, it asks again.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    const win = window as MountedWindow;
    if (win[MOUNTED]) return void win[MOUNTED]();

    let notice: PostNotice | null = null;
    const hide = () => {
      notice?.remove();
      notice = null;
    };
    const show = async () => {
      const offer = await sendToBackground({ type: 'post-notice' });
      if (!offer.ok || !offer.value) return hide();
      if (notice) return notice.setTitle(offer.value.title);
      notice = mountPostNotice(document, {
        title: offer.value.title,
        language: uiLanguage(),
        onRead: () => sendToBackground({ type: 'post-notice-read' }),
        onDismiss: () => {
          notice = null;
          void sendToBackground({ type: 'post-notice-dismiss' });
        },
      });
    };
    win[MOUNTED] = show;

    browser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as TabMessage | null)?.type !== 'post-notice-hide') return undefined;
      hide();
      // Answering tells the background that this document is still the tab's: the address changed in place.
      return Promise.resolve(true);
    });
    void show();
  },
});
