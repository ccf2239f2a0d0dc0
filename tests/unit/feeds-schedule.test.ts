import { describe, expect, it } from 'vitest';
import { ensureFeedsAlarm, FEEDS_ALARM, FEEDS_REFRESH_MINUTES } from '../../utils/feeds/schedule';

/** An in-memory `browser.alarms` that records every create. */
function alarmsArea(initial: Record<string, { periodInMinutes?: number }> = {}) {
  const alarms = new Map(Object.entries(initial));
  const created: string[] = [];
  return {
    created,
    alarms,
    get: async (name: string) => alarms.get(name),
    create: (name: string, info: { delayInMinutes: number; periodInMinutes: number }) => {
      created.push(name);
      alarms.set(name, { periodInMinutes: info.periodInMinutes });
    },
  };
}

describe('the feeds alarm', () => {
  it('is created when missing, every six hours', async () => {
    const area = alarmsArea();
    await ensureFeedsAlarm(area);
    expect(area.created).toEqual([FEEDS_ALARM]);
    expect(area.alarms.get(FEEDS_ALARM)).toEqual({ periodInMinutes: 360 });
    expect(FEEDS_REFRESH_MINUTES).toBe(360);
  });

  it('is left alone when it exists, so a waking worker never postpones the next refresh', async () => {
    const area = alarmsArea({ [FEEDS_ALARM]: { periodInMinutes: FEEDS_REFRESH_MINUTES } });
    await ensureFeedsAlarm(area);
    await ensureFeedsAlarm(area);
    expect(area.created).toEqual([]);
  });

  it('is replaced when an older version set another period', async () => {
    const area = alarmsArea({ [FEEDS_ALARM]: { periodInMinutes: 60 } });
    await ensureFeedsAlarm(area);
    expect(area.alarms.get(FEEDS_ALARM)).toEqual({ periodInMinutes: FEEDS_REFRESH_MINUTES });
  });
});
