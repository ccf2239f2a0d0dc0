import { defineConfig } from 'wxt';

/**
 * One extension for Chromium (MV3) and Firefox. Imports are explicit (no auto-imports) so that every file says
 * where its names come from, and so the detector that runs on every page only carries what it imports.
 */
/** Sites a catalog feed may be fetched from, each granted only when the reader subscribes to a feed there. */
const FEED_ORIGINS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  }),
  manifest: ({ browser }) => ({
    // English is the fallback for every string; the browser's language picks French where it exists (locales/).
    default_locale: 'en',
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    permissions: ['scripting', 'storage', 'alarms'],
    host_permissions: ['http://*/*', 'https://*/*'],
    // Catalog feeds: the options page asks for the feed's site when the reader subscribes, not at install. Plain
    // http only on loopback, where a club tries a feed before publishing it. MV2 (Firefox) lists these among
    // `optional_permissions`; WXT drops `optional_host_permissions` from an MV2 manifest.
    ...(browser === 'firefox' ? { optional_permissions: FEED_ORIGINS } : { optional_host_permissions: FEED_ORIGINS }),
    action: { default_title: '__MSG_extension_name__' },
    // The keyboard way to the panel (utils/protocol/commands.ts): opens and focuses it on a club article; browsers let the
    // reader change the key (chrome://extensions/shortcuts, Firefox's add-on manager).
    commands: {
      'open-panel': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_commands_openPanel__' },
    },
    // The detector (entrypoints/detector.ts) is an unlisted script declared here; see that file for why.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['detector.js'], run_at: 'document_end' }],
    // The panel page, framed by the panel script on club articles. Chromium serves it only at a per-session address
    // (`use_dynamic_url`), so a page cannot even name it; the frame's ticket is what makes it the panel (F1).
    web_accessible_resources: [
      {
        resources: ['panel.html'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser !== 'firefox' && { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        // Nothing is collected or sent anywhere (see the README), which Firefox asks extensions to declare.
        gecko: {
          id: 'journal-club-reader@researchimpact.example',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
