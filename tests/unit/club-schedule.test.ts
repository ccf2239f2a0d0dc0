import { describe, expect, it } from 'vitest';
import { CLUB_ALARM, CLUB_SYNC_MINUTES, ensureClubAlarm, stopClubAlarm } from '../../utils/background/club-schedule';

/** `browser.alarms` over a map, recording each creation. */
function alarms() {
  const set = new Map<string, { periodInMinutes?: number }>();
  const created: string[] = [];
  return {
    set,
    created,
    get: async (name: string) => set.get(name),
    create: async (name: string, info: { delayInMinutes: number; periodInMinutes: number }) => {
      created.push(name);
      set.set(name, { periodInMinutes: info.periodInMinutes });
    },
    clear: async (name: string) => set.delete(name),
  };
}

describe('the club-sync alarm', () => {
  it('is created once, every five minutes, and not re-created when the worker wakes', async () => {
    const area = alarms();
    await ensureClubAlarm(area);
    await ensureClubAlarm(area);
    expect(area.created).toEqual([CLUB_ALARM]);
    expect(area.set.get(CLUB_ALARM)).toEqual({ periodInMinutes: CLUB_SYNC_MINUTES });
    expect(CLUB_SYNC_MINUTES).toBe(5);
  });

  it('is re-created when an older period is found, and cleared on disconnecting', async () => {
    const area = alarms();
    area.set.set(CLUB_ALARM, { periodInMinutes: 60 });
    await ensureClubAlarm(area);
    expect(area.created).toEqual([CLUB_ALARM]);
    await stopClubAlarm(area);
    expect(area.set.has(CLUB_ALARM)).toBe(false);
  });
});
