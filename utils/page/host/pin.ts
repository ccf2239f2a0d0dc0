/**
 * Our elements on the article page (the panel's host, the selection toolbar's host) live among the publisher's
 * style sheets, which may set `display: none` on unknown elements, move them or give them borders. Inline
 * declarations marked `!important` win over every author rule, so both hosts are pinned the same way.
 */

/** What every host needs: a clean slate, fixed to the viewport, above the page's own layers. */
export const PINNED_HOST_STYLE: Readonly<Record<string, string>> = {
  all: 'initial',
  position: 'fixed',
  'z-index': '2147483647',
  margin: '0',
  padding: '0',
  border: '0',
};

/** Sets each property inline with `!important`, which no page style sheet can override. */
export function pin(element: HTMLElement, properties: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(properties)) element.style.setProperty(name, value, 'important');
}
