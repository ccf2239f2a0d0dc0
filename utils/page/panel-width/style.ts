import { HANDLE_WIDTH_PX } from './handle';

/**
 * The width handle's look, adopted into the panel host's shadow root. It is the panel's left edge: a strip in the
 * panel's own colours (light or dark, as the panel follows the system's scheme) beside the frame, inside the
 * panel's width, so it never covers the article or a strip placed beside the panel; a grip in the middle, and a
 * focus indicator that stays visible on light and dark pages alike (the whole strip turns blue, edged in white).
 */
export const WIDTH_HANDLE_CSS = `
.width-handle {
  position: absolute; top: 0; bottom: 0; left: 0; width: ${HANDLE_WIDTH_PX}px; box-sizing: border-box;
  cursor: col-resize; touch-action: none; outline: none;
  background: #f3f5f8; border-left: 1px solid #d5d9e0;
}
@media (prefers-color-scheme: dark) {
  .width-handle { background: #252830; border-left-color: #3a3f48; }
}
.width-handle::after {
  content: ''; position: absolute; top: 50%; left: 2px; width: 3px; height: 48px; margin-top: -24px;
  border-radius: 2px; background: #8a919c;
}
.width-handle:hover::after, .width-handle--dragging::after { background: #0b57d0; }
.width-handle:focus-visible { background: #0b57d0; border-left: 1px solid #ffffff; }
.width-handle:focus-visible::after { background: #ffffff; }
:host([data-layout='collapsed']) .width-handle { display: none; }
`;
