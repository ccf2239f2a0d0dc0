import { browser } from 'wxt/browser';
import { createBackgroundClient } from './send-to-background';

/** Requests to the background from the panel and the scripts it mounts (which already carry the polyfill). */
export const sendToBackground = createBackgroundClient(browser.runtime);
