import type { Page } from 'playwright-core';

interface CdpNode {
  localName?: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function findNode(node: CdpNode, localName: string): CdpNode | null {
  if (node.localName === localName) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findNode(child, localName);
    if (found) return found;
  }
  return null;
}

/**
 * Puts the closed shadow root of the first `<localName>` element on the page's global `name`, for a browser test
 * to look inside what the extension keeps from the page (the highlight map's marks). No page can do this: the
 * root is found through the DevTools protocol (Chromium only), which sees closed roots.
 */
export async function exposeClosedShadowRoot(page: Page, localName: string, name: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const shadow = findNode(root, localName)?.shadowRoots?.[0];
    if (!shadow) throw new Error(`no shadow root on <${localName}>`);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId as string,
      functionDeclaration: `function () { globalThis[${JSON.stringify(name)}] = this; }`,
    });
  } finally {
    await cdp.detach();
  }
}
