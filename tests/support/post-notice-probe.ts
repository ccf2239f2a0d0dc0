import type { CDPSession, Page } from 'playwright-core';
import { seriousViolations } from './axe';

interface DomNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * The post notice (utils/page/post-notice/) as a browser test reaches it. It lives in a closed shadow root, which no selector and no page script reaches (that is the point).
 * The DevTools protocol sees through it, as a reader's eyes do: it finds the notice's elements for a real click
 * at their place on screen, and lets axe-core look inside.
 */
export class NoticeProbe {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async on(page: Page): Promise<NoticeProbe> {
    return new NoticeProbe(page, await page.context().newCDPSession(page));
  }

  /** The notice's shadow root, or null when there is no notice on the page. */
  async shadowRoot(): Promise<DomNode | null> {
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = find(root, (node) => node.nodeName === 'JOURNAL-CLUB-POST-NOTICE');
    return host?.shadowRoots?.[0] ?? null;
  }

  async present(): Promise<boolean> {
    return (await this.shadowRoot()) !== null;
  }

  async text(): Promise<string> {
    const root = await this.shadowRoot();
    if (!root) return '';
    const { object } = (await this.cdp.send('DOM.resolveNode', { nodeId: root.nodeId })) as {
      object: { objectId: string };
    };
    const { result } = (await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: 'function () { return this.textContent; }',
      returnByValue: true,
    })) as { result: { value: string } };
    return result.value;
  }

  /** The centre of the notice's element with this class, in the page's viewport. */
  async centreOf(className: string): Promise<{ x: number; y: number }> {
    const root = await this.shadowRoot();
    const node = root && find(root, (n) => classOf(n).split(' ').includes(className));
    if (!node) throw new Error(`no .${className} in the notice`);
    const { model } = (await this.cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as {
      model: { border: number[] };
    };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.border;
    return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  }

  /** A real click (trusted input, as the reader's mouse makes it) on the element with this class. */
  async click(className: string): Promise<void> {
    const { x, y } = await this.centreOf(className);
    await this.page.mouse.click(x, y);
  }

  /**
   * What a page's script would do if it had got hold of the button: `button.click()`, an untrusted event. The
   * closed shadow root keeps the button from the page; this reaches it anyway, to show the click is still refused.
   */
  async scriptClick(className: string): Promise<void> {
    const root = await this.shadowRoot();
    const node = root && find(root, (n) => classOf(n).split(' ').includes(className));
    if (!node) throw new Error(`no .${className} in the notice`);
    const { object } = (await this.cdp.send('DOM.resolveNode', { nodeId: node.nodeId })) as {
      object: { objectId: string };
    };
    await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () {
        this.click();
        this.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        this.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }`,
    });
  }

  /** Serious and critical axe findings on the page, with the notice's closed root shown to axe. */
  async seriousViolations(): Promise<string[]> {
    const root = await this.shadowRoot();
    if (!root) throw new Error('no notice to check');
    const { object } = (await this.cdp.send('DOM.resolveNode', { nodeId: root.nodeId })) as {
      object: { objectId: string };
    };
    await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration:
        'function () { const root = this; Object.defineProperty(root.host, "shadowRoot", { get: () => root }); }',
    });
    return seriousViolations(this.page);
  }
}

function find(node: DomNode, test: (node: DomNode) => boolean): DomNode | null {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = find(child, test);
    if (found) return found;
  }
  return null;
}

function classOf(node: DomNode): string {
  const attributes = node.attributes ?? [];
  const at = attributes.indexOf('class');
  return at >= 0 && at % 2 === 0 ? (attributes[at + 1] ?? '') : '';
}
