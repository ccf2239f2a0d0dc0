/**
 * The selection toolbar's styles, adopted by its shadow root. The host is pinned with `all: initial`, so nothing
 * is inherited from the page: font, colours and colour scheme are all set here, and follow the reader's system
 * scheme. Colours meet WCAG AA contrast in both schemes (same palette as the panel).
 */
export const SELECTION_TOOLBAR_CSS = `
.frame {
  --bg: #ffffff;
  --fg: #1d1f23;
  --border: #b9bfc9;
  --hover: #eef1f5;
  --focus: #0b5cad;
  --tip-bg: #1d1f23;
  --tip-fg: #ffffff;
  color-scheme: light dark;
  position: relative;
  box-sizing: border-box;
  max-width: calc(100vw - 8px);
  padding: 3px;
  border: 1px solid var(--border);
  border-radius: 8px;
  background: var(--bg);
  color: var(--fg);
  box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
  font: 13px / 1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left;
  white-space: nowrap;
}

@media (prefers-color-scheme: dark) {
  .frame {
    --bg: #1b1d22;
    --fg: #e8eaee;
    --border: #4a505b;
    --hover: #2c3039;
    --focus: #8cc4ff;
    --tip-bg: #e8eaee;
    --tip-fg: #1b1d22;
  }
}

.toolbar {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 2px;
}

button {
  box-sizing: border-box;
  display: inline-flex;
  align-items: center;
  gap: 5px;
  min-height: 28px;
  margin: 0;
  padding: 3px 7px;
  border: 1px solid transparent;
  border-radius: 5px;
  background: transparent;
  color: inherit;
  font: inherit;
  cursor: pointer;
}

button:hover {
  background: var(--hover);
}

button:focus-visible {
  outline: 2px solid var(--focus);
  outline-offset: 1px;
}

.chip {
  display: inline-block;
  width: 10px;
  height: 10px;
  border-radius: 50%;
  background: var(--hl-solid);
}

.label {
  padding: 0 2px;
  background: var(--hl-light);
  text-decoration-line: underline;
  text-decoration-style: var(--hl-line);
  text-decoration-color: var(--hl-solid);
  text-decoration-thickness: 2px;
  text-decoration-skip-ink: none;
  font-weight: 600;
}

@media (prefers-color-scheme: dark) {
  .label {
    background: var(--hl-dark);
  }
}

.plain {
  border-left-color: var(--border);
  border-radius: 0 5px 5px 0;
}

.visibility {
  margin: 0;
  padding: 2px 6px 0;
  font-size: 0.85em;
  white-space: nowrap;
}

.message {
  /* As wide as the buttons above it: a width of 0 keeps a long message from widening the toolbar, the minimum
     then stretches it to the toolbar's width (and, under only a few buttons, to a readable width). */
  box-sizing: border-box;
  width: 0;
  min-width: 100%;
  margin: 0;
  padding: 0;
  white-space: normal;
}

.message:not(:empty) {
  min-width: max(100%, min(18em, calc(100vw - 24px)));
  padding: 4px 6px 2px;
}

.tip {
  display: none;
  position: absolute;
  left: 0;
  right: 0;
  box-sizing: border-box;
  padding: 6px 8px;
  border-radius: 6px;
  background: var(--tip-bg);
  color: var(--tip-fg);
  white-space: normal;
  pointer-events: none;
}

.frame[data-tips="up"] .tip {
  bottom: calc(100% + 6px);
}

.frame[data-tips="down"] .tip {
  top: calc(100% + 6px);
}

button:hover + .tip,
button:focus-visible + .tip {
  display: block;
}
`;
