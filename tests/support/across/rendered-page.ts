/**
 * A real page as a reader sees it, for sampling what a reader can select: laid out in an iframe with its inline
 * styles (as Chromium printed it), scripts off (sandbox), and a Content-Security-Policy that lets no request
 * out, so the publisher's stylesheets, images and fonts are never fetched.
 */
export async function renderedPage(html: string, width = 1280, height = 900): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin');
  frame.setAttribute('style', `position:absolute;left:0;top:0;width:${width}px;height:${height}px;border:0`);
  const policy = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`;
  frame.srcdoc = /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => head + policy) : policy + html;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame;
}

/** Whether every character of the range is drawn: a reader selects what they see, not hidden pop-ups. */
export function rangeIsVisible(range: Range): boolean {
  const doc = range.startContainer.ownerDocument as Document;
  const walker = doc.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  let node: Node | null = range.startContainer.nodeType === Node.TEXT_NODE ? range.startContainer : walker.nextNode();
  walker.currentNode = node ?? range.commonAncestorContainer;
  for (; node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) {
      if (range.comparePoint(node, 0) > 0) break;
      continue;
    }
    if ((node as Text).data.trim() === '') continue;
    const parent = node.parentElement;
    if (!parent?.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = doc.createRange();
    box.selectNodeContents(node);
    if (box.getBoundingClientRect().width === 0) return false;
  }
  return true;
}
