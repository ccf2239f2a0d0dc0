import { afterEach, describe, expect, it } from 'vitest';
import { trackPageFocus } from '../../utils/page/focus';

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  document.body.replaceChildren();
});

function page(html: string) {
  document.body.innerHTML = html;
  const focus = trackPageFocus(document);
  stop = focus.stop;
  return focus;
}

describe('trackPageFocus', () => {
  it('gives focus back to the element the reader left, not to our own hosts', () => {
    const focus = page(
      '<a href="#a" id="a">a</a><button id="b">b</button><journal-club-panel tabindex="0"></journal-club-panel>',
    );
    document.getElementById('b')?.focus();
    (document.querySelector('journal-club-panel') as HTMLElement).focus();
    focus.restore();
    expect(document.activeElement?.id).toBe('b');
  });

  it('falls back to the article, focusable only while it holds focus, when the reader had focused nothing', () => {
    const focus = page('<main><p>Text</p></main><button id="after">after</button>');
    const main = document.querySelector('main') as HTMLElement;
    focus.restore();
    expect(document.activeElement).toBe(main);
    expect(main.getAttribute('tabindex')).toBe('-1');
    document.getElementById('after')?.focus();
    expect(main.hasAttribute('tabindex')).toBe(false);
  });

  it('forgets an element that left the page', () => {
    const focus = page('<article><button id="gone">x</button></article>');
    document.getElementById('gone')?.focus();
    document.getElementById('gone')?.remove();
    focus.restore();
    expect(document.activeElement).toBe(document.querySelector('article'));
  });

  it('focuses the element holding a passage without scrolling the page', () => {
    const focus = page(`<div style="height: 3000px"></div><p id="passage">The <em>passage</em> here</p>`);
    const range = document.createRange();
    range.setStart((document.querySelector('em') as Element).firstChild as Text, 2);
    range.setEnd((document.querySelector('em') as Element).firstChild as Text, 5);
    window.scrollTo(0, 0);
    focus.focusPassage(range);
    expect(document.activeElement?.localName).toBe('em');
    expect(window.scrollY).toBe(0);
    focus.restore();
    expect(document.activeElement?.localName).toBe('em');
  });

  it('leaves elements that are focusable on their own as they are', () => {
    const focus = page('<a href="#x" id="x">link</a>');
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('x') as HTMLElement);
    focus.focusPassage(range);
    expect(document.activeElement?.id).toBe('x');
    expect(document.getElementById('x')?.hasAttribute('tabindex')).toBe(false);
  });
});
