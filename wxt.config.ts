import { defineConfig } from 'wxt';
import { pdfjsAssets } from './build/pdfjs-assets';

/**
 * One extension for Chromium (MV3) and Firefox. Imports are explicit (no auto-imports) so that every file says
 * where its names come from, and so the detector that runs on every page only carries what it imports.
 */
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // The PDF viewer's worker, character maps, fonts and image decoders, copied from pdfjs-dist (build/pdfjs-assets.ts).
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...pdfjsAssets());
    },
  },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  }),
  manifest: ({ browser }) => ({
    // English is the fallback for every string; the browser's language picks French where it exists (locales/).
    default_locale: 'en',
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    // declarativeNetRequestWithHostAccess: the catalog's PDFs may open in the viewer (an option, off by default;
    // utils/background/pdf-redirects.ts), within the host permissions below, so it adds no warning. contextMenus:
    // "Open in Journal Club Reader" in the toolbar button's menu.
    permissions: ['scripting', 'storage', 'alarms', 'declarativeNetRequestWithHostAccess', 'contextMenus'],
    host_permissions: ['http://*/*', 'https://*/*'],
    // No optional host permissions for feeds: the host permissions above already cover every site, so a
    // permission prompt would never appear nor refuse. Feeds are fetched only from the sites the reader approved
    // by subscribing on the options page, a list the background keeps (utils/background/feed-trust.ts).
    action: { default_title: '__MSG_extension_name__' },
    // The keyboard way to the panel (utils/protocol/commands.ts): opens and focuses it on a club article; browsers let the
    // reader change the key (chrome://extensions/shortcuts, Firefox's add-on manager).
    commands: {
      'open-panel': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_commands_openPanel__' },
      // Steps through the highlights (utils/page/highlight-map/): Period and Comma are keys Chromium and Firefox
      // both accept for commands, and sit under > and <.
      'next-highlight': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: '__MSG_commands_nextHighlight__',
      },
      'previous-highlight': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: '__MSG_commands_previousHighlight__',
      },
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
