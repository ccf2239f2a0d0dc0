/**
 * A stored ISO time as the reader reads dates, in the browser's UI language (not the page's), e.g.
 * "27 Nov 2026, 10:00" or "27 nov. 2026, 10 h 00". An unreadable time is shown as stored rather than as
 * "Invalid Date".
 */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}
