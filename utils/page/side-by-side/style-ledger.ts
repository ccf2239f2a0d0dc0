/**
 * The inline styles side by side sets on the page, each saved before it is first changed, so that giving the
 * room back restores exactly what the page had: the same value with the same priority, or no declaration at
 * all. A declaration the page itself changed since (its own script resizing something) is left as the page set it.
 */
export interface StyleLedger {
  set(element: HTMLElement, property: string, value: string): void;
  /** Puts back every saved declaration; the ledger is then empty. */
  restore(): void;
  /** Whether anything is changed now. */
  readonly changed: boolean;
}

interface Saved {
  element: HTMLElement;
  property: string;
  value: string;
  priority: string;
  /** Whether the element had a `style` attribute at all: one we added goes again. */
  hadAttribute: boolean;
  ours: string;
}

export function createStyleLedger(): StyleLedger {
  const saved: Saved[] = [];
  return {
    set(element, property, value) {
      const { style } = element;
      let entry = saved.find((earlier) => earlier.element === element && earlier.property === property);
      if (!entry) {
        entry = {
          element,
          property,
          value: style.getPropertyValue(property),
          priority: style.getPropertyPriority(property),
          hadAttribute: element.hasAttribute('style'),
          ours: '',
        };
        saved.push(entry);
      }
      // Important, so that the page's own rules (often `!important` on publisher sites) cannot undo the room.
      style.setProperty(property, value, 'important');
      // As the browser serialises it, to tell later whether the page has changed it since.
      entry.ours = style.getPropertyValue(property);
    },
    restore() {
      for (const entry of saved.splice(0).reverse()) {
        const { style } = entry.element;
        if (style.getPropertyValue(entry.property) !== entry.ours) continue;
        if (entry.value === '') style.removeProperty(entry.property);
        else style.setProperty(entry.property, entry.value, entry.priority);
        if (!entry.hadAttribute && style.length === 0) entry.element.removeAttribute('style');
      }
    },
    get changed() {
      return saved.length > 0;
    },
  };
}
