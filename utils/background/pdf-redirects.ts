import type { CatalogIndex } from '../catalog/lookup';
import { pdfViewerPath } from '../pdf/address';
import type { BackgroundServices } from './services';

/**
 * At most this many PDFs are opened directly: one rule each, as regular expressions, of which Chromium allows
 * 1,000 per extension. A catalog with more PDFs keeps the first ones (the bundled entries and the oldest feeds').
 */
export const MAX_PDF_REDIRECTS = 500;

/** One declarativeNetRequest rule, in the shape both Chromium and Firefox take. */
export interface PdfRedirectRule {
  id: number;
  priority: 1;
  action: { type: 'redirect'; redirect: { extensionPath: string } };
  condition: {
    regexFilter: string;
    isUrlFilterCaseSensitive: true;
    resourceTypes: ['main_frame'];
    requestMethods: ['get'];
  };
}

const escapeRegex = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * "Open the club's PDFs in Journal Club Reader": a rule for each PDF the catalog names (`pdfUrl`), and only for
 * those. Each matches its one address exactly (case and query included, any fragment aside), as the top
 * document of a tab, by GET: a PDF the catalog does not name, one framed in a page, or one a form posts, opens as
 * it always did. The viewer is told the entry's DOI, so it never has to guess it.
 */
export function pdfRedirectRules(catalog: Pick<CatalogIndex, 'entries'>): PdfRedirectRule[] {
  const seen = new Set<string>();
  const rules: PdfRedirectRule[] = [];
  for (const entry of catalog.entries) {
    if (!entry.pdfUrl || rules.length >= MAX_PDF_REDIRECTS) continue;
    const address = entry.pdfUrl.split('#')[0] as string;
    if (seen.has(address)) continue;
    seen.add(address);
    rules.push({
      id: rules.length + 1,
      priority: 1,
      action: { type: 'redirect', redirect: { extensionPath: pdfViewerPath(address, entry.dois[0]) } },
      condition: {
        regexFilter: `^${escapeRegex(address)}$`,
        isUrlFilterCaseSensitive: true,
        resourceTypes: ['main_frame'],
        requestMethods: ['get'],
      },
    });
  }
  return rules;
}

/**
 * Puts the browser's redirect rules in step with the setting and the catalog: all of the catalog's PDFs when the
 * reader asked for it, none otherwise. Called when either changes, and when the background starts (the rules
 * outlive it, the catalog may have changed meanwhile).
 */
export async function syncPdfRedirects(services: BackgroundServices): Promise<void> {
  const [settings, catalog] = await Promise.all([services.settings.get(), services.catalog()]);
  await services.pdfRedirects.replace(settings.openClubPdfs ? pdfRedirectRules(catalog) : []);
}

/** The options page reads or switches "Open the club's PDFs in Journal Club Reader". */
export async function pdfRedirectSetting(open: boolean | undefined, services: BackgroundServices): Promise<boolean> {
  const current = await services.settings.get();
  if (open === undefined || open === current.openClubPdfs) return current.openClubPdfs;
  const saved = await services.settings.set({ ...current, openClubPdfs: open });
  await syncPdfRedirects(services);
  return saved.openClubPdfs;
}

/** The browser's side of the redirects: the extension's dynamic rules, all replaced at once. */
export function dynamicRedirects(dnr: {
  getDynamicRules(): Promise<{ id: number }[]>;
  updateDynamicRules(options: { removeRuleIds: number[]; addRules: PdfRedirectRule[] }): Promise<void>;
}): BackgroundServices['pdfRedirects'] {
  return {
    replace: async (rules) => {
      const removeRuleIds = (await dnr.getDynamicRules()).map((rule) => rule.id);
      await dnr.updateDynamicRules({ removeRuleIds, addRules: [...rules] });
    },
  };
}
