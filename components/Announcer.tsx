import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useState } from 'preact/hooks';

/** Says something to screen-reader users without moving their focus. */
type Announce = (message: string) => void;

const AnnouncerContext = createContext<Announce>(() => undefined);

/**
 * One polite live region for the whole panel. Actions whose effect happens elsewhere (a passage shown on the
 * page) announce it here; the region is always rendered, because screen readers ignore a live region that
 * appears together with its text.
 */
export function Announcer({ children }: { children: ComponentChildren }) {
  const [said, setSaid] = useState({ message: '', count: 0 });
  // Each announcement is a new text node, so the same words said twice (the same passage shown again) are read again.
  const announce = useCallback((message: string) => setSaid((last) => ({ message, count: last.count + 1 })), []);
  return (
    <AnnouncerContext.Provider value={announce}>
      {children}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        <span key={said.count}>{said.message}</span>
      </div>
    </AnnouncerContext.Provider>
  );
}

export const useAnnounce = (): Announce => useContext(AnnouncerContext);
