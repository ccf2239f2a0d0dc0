/**
 * The width handle's look, adopted into the panel host's shadow root. It is a thin strip over the panel's left
 * edge (inside the panel, so it never covers the article or a strip placed beside the panel), with a grip in the
 * middle and a focus ring that stays visible on light and dark pages alike (a dark ring inside a light one).
 */
export const WIDTH_HANDLE_CSS = `
.width-handle {
  position: absolute; top: 0; bottom: 0; left: 0; width: 10px; z-index: 1;
  cursor: col-resize; touch-action: none; background: transparent; outline: none;
}
.width-handle::after {
  content: ''; position: absolute; top: 50%; left: 3px; width: 4px; height: 48px; margin-top: -24px;
  border-radius: 2px; background: rgba(60, 64, 67, 0.45);
}
.width-handle:hover::after, .width-handle--dragging::after { background: #0b57d0; }
.width-handle:focus-visible { box-shadow: inset 0 0 0 3px #0b57d0, inset 0 0 0 5px #ffffff; }
.width-handle:focus-visible::after { background: #0b57d0; }
:host([data-layout='collapsed']) .width-handle { display: none; }
`;
