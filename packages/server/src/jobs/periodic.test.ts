import { afterEach, describe, expect, it, vi } from 'vitest';
import { PeriodicWork } from './periodic.js';

/** A run that waits until it is let go, answering how many times it was let go before. */
function controlled() {
  const release: (() => void)[] = [];
  let runs = 0;
  const work = vi.fn(async () => {
    await new Promise<void>((resolve) => release.push(resolve));
    return ++runs;
  });
  return { work, letGo: () => release.shift()?.() };
}

describe('periodic work', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs when started and on the schedule, skips a run while one is under way, and stops', async () => {
    vi.useFakeTimers();
    const { work, letGo } = controlled();
    const periodic = new PeriodicWork(work, { enabled: true, everyMs: 1000 }, (error) => {
      throw error;
    });
    periodic.start();
    periodic.start();
    expect(work).toHaveBeenCalledTimes(1);
    expect(await periodic.tick()).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(work).toHaveBeenCalledTimes(1);
    letGo();
    await vi.advanceTimersByTimeAsync(1000);
    expect(work).toHaveBeenCalledTimes(2);
    const stopped = periodic.stop();
    letGo();
    await stopped;
    await vi.advanceTimersByTimeAsync(5000);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('answers what a run did; disabled, it runs only when asked', async () => {
    vi.useFakeTimers();
    const periodic = new PeriodicWork(
      async () => 7,
      { enabled: false, everyMs: 1000 },
      (error) => {
        throw error;
      },
    );
    periodic.start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(await periodic.tick()).toBe(7);
  });

  it('hands a failed run to onError and answers 0, without throwing', async () => {
    const errors: unknown[] = [];
    const failure = new Error('the database is gone');
    const periodic = new PeriodicWork(
      () => {
        throw failure;
      },
      { enabled: false, everyMs: 1000 },
      (error) => errors.push(error),
    );
    expect(await periodic.tick()).toBe(0);
    expect(errors).toEqual([failure]);
    await periodic.stop();
  });
});
