/** The alarm that refreshes every subscribed feed. */
export const FEEDS_ALARM = 'feeds-refresh';

/**
 * Every six hours: a club publishes a post every week or two, so a reader sees a new entry the same day, while
 * a club's server sees each reader four times a day at most (and mostly a 304).
 */
export const FEEDS_REFRESH_MINUTES = 360;

/** The slice of `browser.alarms` the schedule needs. */
export interface AlarmsArea {
  get(name: string): Promise<{ periodInMinutes?: number } | undefined | null>;
  create(name: string, info: { delayInMinutes: number; periodInMinutes: number }): void | Promise<void>;
}

/**
 * Creates the alarm unless it exists with the current period. Called whenever the background starts (install,
 * browser start, an MV3 worker waking), so it must not restart a running schedule: re-creating the alarm each
 * time would push the next refresh back forever in a worker that wakes often.
 */
export async function ensureFeedsAlarm(alarms: AlarmsArea): Promise<void> {
  const existing = await alarms.get(FEEDS_ALARM);
  if (existing?.periodInMinutes === FEEDS_REFRESH_MINUTES) return;
  await alarms.create(FEEDS_ALARM, { delayInMinutes: FEEDS_REFRESH_MINUTES, periodInMinutes: FEEDS_REFRESH_MINUTES });
}
