/** A club annotation's time as the panel shows it: short and relative in the list, in full for a tooltip. */
export interface ClubTime {
  text: string;
  full: string;
}

/** Within a week "3 hours ago" says more than a date; older than that, the date itself is easier to place. */
const RELATIVE_FOR_MS = 7 * 24 * 60 * 60_000;
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 24 * 60 * 60_000],
  ['hour', 60 * 60_000],
  ['minute', 60_000],
];

/**
 * Formats times in the reader's language (`locale`) with `Intl`. A member's service sends the time, so it is
 * untrusted: a time that is not a date is shown as nothing rather than as "Invalid Date". A time a little in the
 * future (clocks differ) reads as "now".
 */
export function makeClubTimeFormatter(
  locale?: string,
  timeZone?: string,
  now: () => number = Date.now,
): (iso: string) => ClubTime {
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone });
  const full = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone });
  return (iso) => {
    const time = Date.parse(iso);
    if (Number.isNaN(time)) return { text: '', full: '' };
    const age = Math.max(0, now() - time);
    const whole = full.format(time);
    if (age >= RELATIVE_FOR_MS) return { text: date.format(time), full: whole };
    for (const [unit, size] of UNITS) {
      if (age >= size) return { text: relative.format(-Math.floor(age / size), unit), full: whole };
    }
    return { text: relative.format(0, 'second'), full: whole };
  };
}
