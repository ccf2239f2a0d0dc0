/**
 * Whether a document is the extension's PDF viewer (`pdf.html`, at the address `runtime.getURL` gives it, with or
 * without its `?file=`). The viewer is not web-accessible, so no web page can open or frame it; the browser names
 * a message's sender, so a page cannot claim this address either.
 */
export function isViewerPage(url: string | null | undefined, viewerPage: string): boolean {
  return url === viewerPage || Boolean(url?.startsWith(`${viewerPage}?`));
}

/**
 * How a tab gets its panel: the panel script is injected into a web page, while the PDF viewer, an extension page
 * where no script can be injected, is told to mount the panel itself (`panel-mount`). The tab's record names the
 * page that reported the article (its sender's address).
 */
export function panelInjector(parts: {
  viewerPage: string;
  pageOf(tabId: number): Promise<string | undefined>;
  mountInViewer(tabId: number): Promise<void>;
  injectScript(tabId: number): Promise<void>;
}): (tabId: number) => Promise<void> {
  return async (tabId) =>
    isViewerPage(await parts.pageOf(tabId), parts.viewerPage) ? parts.mountInViewer(tabId) : parts.injectScript(tabId);
}
