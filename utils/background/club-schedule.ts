import type { AlarmsArea } from '../feeds/schedule';

/** The alarm that drains the club outbox while the reader is connected. */
export const CLUB_ALARM = 'club-sync';

/** Every five minutes: an edit made offline reaches the club soon after the connection is back. */
export const CLUB_SYNC_MINUTES = 5;

/**
 * Creates the alarm unless it exists with this period: the background calls it on every start, and re-creating
 * it would push the next drain back each time the worker wakes.
 */
export async function ensureClubAlarm(alarms: AlarmsArea): Promise<void> {
  const existing = await alarms.get(CLUB_ALARM);
  if (existing?.periodInMinutes === CLUB_SYNC_MINUTES) return;
  await alarms.create(CLUB_ALARM, { delayInMinutes: CLUB_SYNC_MINUTES, periodInMinutes: CLUB_SYNC_MINUTES });
}

/** Disconnected, nothing is left to send: the alarm would only wake the worker. */
export async function stopClubAlarm(alarms: { clear(name: string): Promise<boolean> | Promise<void> }): Promise<void> {
  await alarms.clear(CLUB_ALARM);
}
