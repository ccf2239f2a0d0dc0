import type { BrowserCommand } from 'vitest/node';

/**
 * A vitest browser command (run in Node, beside Playwright): prints HTML to PDF with Chromium's own print
 * (`page.pdf()`), as a reader's "Save as PDF" would, and returns the file in base64. The page is loaded in a
 * context of its own with scripts off and every request aborted, so a real publisher page reaches no network.
 */
export const printToPdf: BrowserCommand<[html: string]> = async (ctx, html) => {
  const browser = ctx.context.browser();
  if (!browser) throw new Error('printToPdf needs the browser of the test context');
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    return pdf.toString('base64');
  } finally {
    await context.close();
  }
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    printToPdf: (html: string) => Promise<string>;
  }
}
