import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClubEntryActions } from '../../components/ClubEntry';
import { Panel } from '../../components/Panel';
import { bundledCatalog } from '../../utils/catalog/bundled';
import type { CatalogEntry } from '../../utils/catalog/schema';
import { uiLanguage } from '../../utils/ui-language';

/** The browser's `i18n` as tests/support/i18n-setup.ts installs it; each test says which language it reports. */
const i18nApi = (
  globalThis as unknown as { chrome: { i18n: { getMessage(key: string): string; getUILanguage(): string } } }
).chrome.i18n;

/** A browser whose UI language is `ui` and whose extension messages came out in `messages` ('en' or 'fr'). */
function browserIn(ui: string, messages: 'en' | 'fr') {
  const getMessage = i18nApi.getMessage;
  vi.spyOn(i18nApi, 'getUILanguage').mockReturnValue(ui);
  vi.spyOn(i18nApi, 'getMessage').mockImplementation((key: string) =>
    key === 'extension_language' ? messages : getMessage(key),
  );
}

afterEach(() => vi.restoreAllMocks());

describe('uiLanguage', () => {
  it.each<[string, string, 'en' | 'fr', string]>([
    ['an English browser', 'en-US', 'en', 'en-US'],
    ['a Canadian French browser, keeping its region for dates', 'fr-CA', 'fr', 'fr-CA'],
    ['a French browser whose own UI is not translated (Chromium without its French resources)', 'en-US', 'fr', 'fr'],
    ['a German browser, whose messages fall back to English', 'de-DE', 'en', 'en'],
    ['an underscore tag', 'fr_FR', 'fr', 'fr_FR'],
  ])('follows the messages in %s', (_, ui, messages, expected) => {
    browserIn(ui, messages);
    expect(uiLanguage()).toBe(expected);
  });
});

/** The bundled entry, as a club publishing in both languages would write it. */
const [bundled] = bundledCatalog as [CatalogEntry];
const bilingual: CatalogEntry = {
  ...bundled,
  title: { en: 'Implementation support practitioners', fr: 'Praticiens du soutien à la mise en œuvre' },
  club: { ...bundled.club, name: { en: 'KMb Journal Club', fr: 'Club de lecture en MC' } },
  summary: { en: 'The summary.', fr: 'Le résumé.' },
  commentary: { en: 'The commentary.', fr: 'Le commentaire.' },
  questions: [
    { id: 'q1', text: { en: 'Will you change your title?', fr: 'Changerez-vous de titre ?' } },
    { id: 'q2', text: 'Who pays?' },
  ],
};

const actions = {
  highlights: { data: null, error: null, focus: null, actions: {} },
  settings: null,
} as unknown as ClubEntryActions & { saveShared: never };

function panelText(language: string): string {
  const container = document.createElement('div');
  act(() =>
    render(
      <Panel
        state={{ article: null, entry: bilingual, layout: 'open', shared: null }}
        language={language}
        actions={actions}
        onCollapse={() => undefined}
        onLeave={() => undefined}
        onClose={() => undefined}
      />,
      container,
    ),
  );
  const text = container.textContent ?? '';
  render(null, container);
  return text;
}

describe('the panel shows the catalog in the reader’s language', () => {
  it('in French where the entry has French, in English where it has not', () => {
    const text = panelText('fr-CA');
    for (const french of [
      'Praticiens du soutien à la mise en œuvre',
      'Club de lecture en MC',
      'Le résumé.',
      'Le commentaire.',
      'Changerez-vous de titre ?',
      'Who pays?',
    ]) {
      expect(text).toContain(french);
    }
    expect(text).not.toContain('The summary.');
  });

  it('in English otherwise', () => {
    const text = panelText('en-GB');
    expect(text).toContain('Implementation support practitioners');
    expect(text).toContain('Will you change your title?');
    expect(text).not.toContain('Le résumé.');
  });
});
