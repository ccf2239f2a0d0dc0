/**
 * The post notice's styles, adopted by its closed shadow root. The host is pinned with `all: initial`, so nothing
 * is inherited from the page: font, colours and colour scheme are set here and follow the reader's system scheme,
 * with WCAG AA contrast in both (the panel's palette). It is a small card in the corner, so the post stays
 * readable; text is never smaller than 14px and the buttons are at least 32px tall.
 */
export const POST_NOTICE_CSS = `
.notice {
  --bg: #ffffff;
  --fg: #1d1f23;
  --muted: #4a505b;
  --border: #b9bfc9;
  --accent: #1d4f91;
  --accent-fg: #ffffff;
  --hover: #eef1f5;
  --focus: #0b5cad;
  --problem: #a4262c;
  color-scheme: light dark;
  box-sizing: border-box;
  position: relative;
  padding: 12px 40px 12px 14px;
  border: 1px solid var(--border);
  border-radius: 10px;
  background: var(--bg);
  color: var(--fg);
  box-shadow: 0 6px 20px rgb(0 0 0 / 0.22);
  font: 14px / 1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: start;
}

@media (prefers-color-scheme: dark) {
  .notice {
    --bg: #1b1d22;
    --fg: #e8eaee;
    --muted: #b9bfc9;
    --border: #4a505b;
    --accent: #8cc4ff;
    --accent-fg: #0b1b33;
    --hover: #2c3039;
    --focus: #8cc4ff;
    --problem: #ff9a9f;
  }
}

.notice__name {
  margin: 0 0 2px;
  color: var(--muted);
  font-size: 14px;
  font-weight: 600;
}

.notice__text {
  margin: 0 0 10px;
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 4;
  overflow: hidden;
}

.notice__text cite {
  font-style: italic;
}

.notice__read {
  box-sizing: border-box;
  min-height: 32px;
  margin: 0;
  padding: 6px 12px;
  border: 1px solid var(--accent);
  border-radius: 6px;
  background: var(--accent);
  color: var(--accent-fg);
  font: inherit;
  font-weight: 600;
  text-align: center;
  cursor: pointer;
}

.notice__read[aria-disabled='true'] {
  cursor: progress;
  opacity: 0.8;
}

.notice__dismiss {
  position: absolute;
  top: 6px;
  right: 6px;
  box-sizing: border-box;
  width: 32px;
  height: 32px;
  margin: 0;
  padding: 0;
  border: 1px solid transparent;
  border-radius: 6px;
  background: transparent;
  color: var(--fg);
  font: 20px / 1 system-ui, sans-serif;
  cursor: pointer;
}

.notice__dismiss:hover {
  background: var(--hover);
}

.notice__read:focus-visible,
.notice__dismiss:focus-visible {
  outline: 3px solid var(--focus);
  outline-offset: 2px;
}

.notice__problem {
  margin: 8px 0 0;
  color: var(--problem);
}

.notice__problem:empty {
  margin: 0;
}
`;
