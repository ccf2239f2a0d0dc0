/** How much of a catalog date is known. */
export type DatePrecision = 'year' | 'month' | 'day';

/**
 * A catalog date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) written in the reader's language, only as precisely as it
 * is known: "2021", "March 2021", "12 March 2021" ("mars 2021", "12 mars 2021" in French). A day or month we do
 * not have is never made up. The precision lets a sentence around it read right ("le 12 mars", "en mars").
 * Returns null for anything that is not such a date.
 */
export function formatPartialDate(date: string, language: string): { text: string; precision: DatePrecision } | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!match) return null;
  const [, year, month, day] = match;
  const utc = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1)));
  if (utc.getUTCMonth() !== Number(month ?? 1) - 1 || utc.getUTCDate() !== Number(day ?? 1)) return null;
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (month !== undefined) options.month = 'long';
  if (day !== undefined) options.day = 'numeric';
  const text = dateFormat(language, options).format(utc);
  return { text, precision: day !== undefined ? 'day' : month !== undefined ? 'month' : 'year' };
}

/**
 * The day of a club meeting (`YYYY-MM-DD`) in the reader's language: "15 January" within `today`'s year,
 * "15 January 2027" otherwise ("15 janvier", "15 janvier 2027").
 */
export function formatMeetingDay(date: string, today: string, language: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [, year, month, day] = match;
  const utc = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (utc.getUTCMonth() !== Number(month) - 1 || utc.getUTCDate() !== Number(day)) return null;
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', day: 'numeric', month: 'long' };
  if (year !== today.slice(0, 4)) options.year = 'numeric';
  return dateFormat(language, options).format(utc);
}

/**
 * One formatter per language and set of options, made once: making an `Intl.DateTimeFormat` costs about a tenth
 * of a millisecond, and the popup's reading list formats two dates for each of hundreds of entries.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(safeLocale(language), options);
    formats.set(key, format);
  }
  return format;
}

/** The reader's language, or English when the browser reports a tag Intl does not accept. */
function safeLocale(language: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(language).length > 0 ? language : 'en';
  } catch {
    return 'en';
  }
}
