import { describe, expect, it } from 'vitest';
import { inOrder } from '../../utils/in-order';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('inOrder', () => {
  it('starts each task only after the one before has finished, whatever their durations', async () => {
    const queue = inOrder();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await later(ms);
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([queue(task('collapse', 30)), queue(task('open', 0))]);
    expect(results).toEqual(['collapse', 'open']);
    expect(log).toEqual(['start collapse', 'end collapse', 'start open', 'end open']);
  });

  it('goes on after a task that failed, and still reports the failure to its caller', async () => {
    const queue = inOrder();
    const failed = queue(async () => {
      throw new Error('no answer');
    });
    const next = queue(async () => 'next');
    await expect(failed).rejects.toThrow('no answer');
    await expect(next).resolves.toBe('next');
  });
});
