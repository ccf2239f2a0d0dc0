/**
 * The inline styles side by side sets on the page, saved before they are first changed, so that giving the room
 * back restores exactly what the page had. An element whose inline style the page left alone since gets its
 * `style` attribute back as it was, character for character (or loses the attribute it did not have); where the
 * page's own script changed the element's inline style meanwhile, only our declarations are put back, and one
 * the page itself changed since is left as the page set it.
 */
export interface StyleLedger {
  set(element: HTMLElement, property: string, value: string): void;
  /** Puts back every saved declaration; the ledger is then empty. */
  restore(): void;
  /** Whether anything is changed now. */
  readonly changed: boolean;
}

interface SavedElement {
  element: HTMLElement;
  /** The `style` attribute before our first change (null: there was none). */
  attribute: string | null;
  /** The attribute as our last change left it: if it still reads so, the page has not touched it since. */
  ours: string | null;
  /** Each declaration we changed, as the page had it, and as we set it. */
  declarations: Map<string, { value: string; priority: string; ours: string }>;
}

export function createStyleLedger(): StyleLedger {
  const saved: SavedElement[] = [];
  return {
    set(element, property, value) {
      const { style } = element;
      let entry = saved.find((earlier) => earlier.element === element);
      if (!entry) {
        entry = { element, attribute: element.getAttribute('style'), ours: null, declarations: new Map() };
        saved.push(entry);
      }
      const original = entry.declarations.get(property) ?? originalDeclaration(entry.attribute, element, property);
      // Important, so that the page's own rules (often `!important` on publisher sites) cannot undo the room.
      style.setProperty(property, value, 'important');
      entry.declarations.set(property, { ...original, ours: style.getPropertyValue(property) });
      entry.ours = element.getAttribute('style');
    },
    restore() {
      for (const entry of saved.splice(0).reverse()) {
        const { element } = entry;
        if (element.getAttribute('style') === entry.ours) {
          if (entry.attribute === null) element.removeAttribute('style');
          else element.setAttribute('style', entry.attribute);
          continue;
        }
        for (const [property, declaration] of entry.declarations) {
          if (element.style.getPropertyValue(property) !== declaration.ours) continue;
          if (declaration.value === '') element.style.removeProperty(property);
          else element.style.setProperty(property, declaration.value, declaration.priority);
        }
      }
    },
    get changed() {
      return saved.length > 0;
    },
  };
}

/** A declaration as the original `style` attribute had it, read through a detached element of the same document. */
function originalDeclaration(
  attribute: string | null,
  element: HTMLElement,
  property: string,
): { value: string; priority: string } {
  const probe = element.ownerDocument.createElement('div');
  if (attribute !== null) probe.setAttribute('style', attribute);
  return { value: probe.style.getPropertyValue(property), priority: probe.style.getPropertyPriority(property) };
}
