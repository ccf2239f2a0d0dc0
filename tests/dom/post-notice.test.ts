import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mountPostNotice, type PostNotice } from '../../utils/page/post-notice/notice';
import type { Reply } from '../../utils/protocol/reply';

type ReadReply = Reply<'opened' | 'no-club-post'>;
const TITLE = 'Implementation support practitioners – a proposal for consolidating a diverse evidence base';

let notice: PostNotice | undefined;
let reads: number;
let dismissals: number;
/** What the next "Read the article" answers, settled by the test. */
let answer: (reply: ReadReply) => void;
/** Keys that reached the page's own listener on the document (bubble phase). */
let pageKeys: string[];
const recordKey = (event: KeyboardEvent) => pageKeys.push(event.key);
let attachShadow: typeof Element.prototype.attachShadow;
/** The notice's closed shadow root, which the test keeps as it is attached: the page has no such way in. */
let root: ShadowRoot | null;

beforeEach(() => {
  reads = 0;
  dismissals = 0;
  pageKeys = [];
  root = null;
  document.addEventListener('keydown', recordKey);
  attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const made = attachShadow.call(this, init);
    if (this.localName === 'journal-club-post-notice') root = made;
    return made;
  };
});

afterEach(() => {
  Element.prototype.attachShadow = attachShadow;
  document.removeEventListener('keydown', recordKey);
  notice?.remove();
  notice = undefined;
  (document.activeElement as HTMLElement | null)?.blur();
});

function mount(): ShadowRoot {
  notice = mountPostNotice(document, {
    title: TITLE,
    language: 'en',
    onRead: () => {
      reads++;
      return new Promise((resolve) => (answer = resolve));
    },
    onDismiss: () => dismissals++,
  });
  if (!root) throw new Error('the notice attached no shadow root');
  return root;
}

const host = () => document.querySelector('journal-club-post-notice');
const readButton = (shadow: ShadowRoot) =>
  shadow.querySelector<HTMLButtonElement>('.notice__read') as HTMLButtonElement;
const dismissButton = (shadow: ShadowRoot) =>
  shadow.querySelector<HTMLButtonElement>('.notice__dismiss') as HTMLButtonElement;

describe('the post notice', () => {
  it('is a labelled region saying which article the post discusses, in a closed root the page cannot open', () => {
    const shadow = mount();
    expect(host()?.shadowRoot).toBeNull();
    const region = shadow.querySelector('section') as HTMLElement;
    expect(region.getAttribute('aria-labelledby')).toBe('notice-name');
    expect(shadow.getElementById('notice-name')?.textContent).toBe('Journal Club Reader');
    expect(region.lang).toBe('en');
    expect(shadow.querySelector('.notice__text')?.textContent).toBe(`This is the club's discussion of ${TITLE}`);
    expect(shadow.querySelector('.notice__text cite')?.textContent).toBe(TITLE);
    expect(readButton(shadow).textContent).toBe("Read the article with the club's questions");
    expect(dismissButton(shadow).getAttribute('aria-label')).toBe('Dismiss this offer');
  });

  it('is pinned in the corner, out of reach of the page’s style sheets, and small', () => {
    mount();
    const element = host() as HTMLElement;
    expect(element.style.getPropertyValue('position')).toBe('fixed');
    expect(element.style.getPropertyPriority('position')).toBe('important');
    const box = element.getBoundingClientRect();
    expect(box.right).toBeLessThanOrEqual(window.innerWidth - 15);
    expect(box.bottom).toBeLessThanOrEqual(window.innerHeight - 15);
    expect(box.width * box.height).toBeLessThan(0.2 * window.innerWidth * window.innerHeight);
  });

  it('opens the article on the reader’s own key, once while it is opening, and never on a script’s click', async () => {
    const shadow = mount();
    const read = readButton(shadow);
    read.click();
    read.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(reads).toBe(0);

    read.focus();
    await userEvent.keyboard('{Enter}');
    expect(reads).toBe(1);
    expect(read.getAttribute('aria-disabled')).toBe('true');
    expect(shadow.activeElement).toBe(read);
    expect(read.textContent).toBe('Opening the article…');
    await userEvent.keyboard('{Enter}');
    expect(reads).toBe(1);
    // Keys typed in the notice are not the page's shortcuts.
    expect(pageKeys).toEqual([]);

    answer({ ok: true, value: 'opened' });
    await expect.poll(() => read.hasAttribute('aria-disabled')).toBe(false);
    expect(read.textContent).toBe("Read the article with the club's questions");
    expect(shadow.querySelector('.notice__problem')?.textContent).toBe('');
  });

  it.each([
    [{ ok: false, error: 'No tab.' } as ReadReply, 'The article could not be opened: No tab.'],
    [
      { ok: true, value: 'no-club-post' } as ReadReply,
      "This page is no longer the club's post; reload it and try again.",
    ],
  ])('says why the article did not open (%j)', async (reply, message) => {
    const shadow = mount();
    readButton(shadow).focus();
    await userEvent.keyboard('{Enter}');
    answer(reply);
    const problem = shadow.querySelector('.notice__problem') as HTMLElement;
    await expect.poll(() => problem.textContent).toBe(message);
    expect(problem.getAttribute('role')).toBe('status');
  });

  it('goes on the reader’s Escape or dismiss button, not on a script’s', async () => {
    let shadow = mount();
    dismissButton(shadow).click();
    shadow.querySelector('section')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(host()).not.toBeNull();
    expect(dismissals).toBe(0);

    readButton(shadow).focus();
    await userEvent.keyboard('{Escape}');
    expect(host()).toBeNull();
    expect(dismissals).toBe(1);

    shadow = mount();
    dismissButton(shadow).focus();
    await userEvent.keyboard('{Enter}');
    expect(host()).toBeNull();
    expect(dismissals).toBe(2);
  });

  it('shows another title in place', () => {
    const shadow = mount();
    notice?.setTitle('Another study');
    expect(shadow.querySelector('.notice__text')?.textContent).toBe("This is the club's discussion of Another study");
    expect(document.querySelectorAll('journal-club-post-notice')).toHaveLength(1);
  });
});
