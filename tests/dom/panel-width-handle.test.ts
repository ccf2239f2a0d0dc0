import axeSource from 'axe-core/axe.min.js?raw';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { adoptStyles } from '../../utils/page/host/stylesheet';
import { createWidthHandle } from '../../utils/page/panel-width/handle';
import { WIDTH_HANDLE_CSS } from '../../utils/page/panel-width/style';

/**
 * The panel's width handle as the page's script builds it (in the extension it sits in the panel host's closed
 * shadow root, where axe cannot reach; here the same element and style sheet in an open one).
 */

type AxeResults = { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };
const axe = () => (globalThis as unknown as { axe: { run(context: unknown): Promise<AxeResults> } }).axe;

afterEach(() => {
  document.body.replaceChildren();
});

function mountHandle(initial = 400) {
  let width = initial;
  const chosen: number[] = [];
  const host = document.createElement('div');
  host.style.cssText = 'position:fixed;right:0;top:0;height:400px;width:400px';
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, WIDTH_HANDLE_CSS);
  const handle = createWidthHandle(document, {
    width: () => width,
    bounds: () => ({ min: 320, max: 640 }),
    resize: (next) => {
      width = next;
    },
    chosen: (next) => chosen.push(next),
  });
  const before = document.createElement('button');
  before.textContent = 'before';
  document.body.append(before, host);
  shadow.append(handle.element);
  return { element: handle.element, before, chosen, width: () => width };
}

describe('the width handle', () => {
  it('has no serious or critical accessibility violations (axe-core)', async () => {
    if (!('axe' in globalThis)) {
      const script = document.createElement('script');
      script.textContent = axeSource;
      document.head.append(script);
    }
    mountHandle();
    const results = await axe().run(document);
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('is a focusable vertical separator that says the width and its bounds', () => {
    const { element } = mountHandle(452);
    expect(element.getAttribute('role')).toBe('separator');
    expect(element.getAttribute('aria-orientation')).toBe('vertical');
    expect(element.tabIndex).toBe(0);
    expect(element.getAttribute('aria-label')).toBe('Panel width');
    expect(
      ['aria-valuenow', 'aria-valuemin', 'aria-valuemax', 'aria-valuetext'].map((a) => element.getAttribute(a)),
    ).toEqual(['452', '320', '640', '452 pixels wide']);
  });

  it('is reached with Tab, shows its focus, and takes arrow keys, Shift, Home and End', async () => {
    const { element, before, chosen, width } = mountHandle();
    before.focus();
    await userEvent.tab();
    const pageKeys: string[] = [];
    document.addEventListener('keydown', (event) => pageKeys.push(event.key));
    expect(element.matches(':focus-visible')).toBe(true);
    expect(getComputedStyle(element).backgroundColor).toBe('rgb(11, 87, 208)');
    await userEvent.keyboard('{ArrowLeft}');
    expect(width()).toBe(416);
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(width()).toBe(352);
    await userEvent.keyboard('{End}');
    expect(element.getAttribute('aria-valuenow')).toBe('640');
    await userEvent.keyboard('{Home}');
    expect(width()).toBe(320);
    expect(chosen).toEqual([416, 352, 640, 320]);
    // The page's own key handlers do not see keys the handle used, and still see the others.
    await userEvent.keyboard('x');
    expect(pageKeys.filter((key) => key !== 'Shift')).toEqual(['x']);
  });
});
