import { describe, expect, it } from 'vitest';
import { RUNAWAY_STEPS, Runtime } from './runtime.ts';

describe('Runtime', () => {
  it('runs work in time order, then in the order it was scheduled', () => {
    const rt = new Runtime({ start: 0, seed: 1 });
    const seen: string[] = [];
    rt.after(20, () => seen.push('b'));
    rt.after(10, () => seen.push('a'));
    rt.after(20, () => seen.push('c'));
    rt.advance(15);
    expect(seen).toEqual(['a']);
    rt.advance(10);
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(rt.now).toBe(25);
  });

  it('moves the clock past work that reschedules itself with no delay forever', () => {
    const rt = new Runtime({ start: 0, seed: 1 });
    const errors: string[] = [];
    rt.onError = (err, label) => errors.push(`${label}: ${(err as Error).message}`);
    let spins = 0;
    const spin = () => {
      spins++;
      rt.after(0, spin, 'retry-now');
    };
    rt.after(0, spin, 'retry-now');
    let ticks = 0;
    rt.every(1000, () => ticks++, 'heartbeat');
    // Without the guard settle() would run its whole step budget at one instant, and advance() never end.
    rt.settle();
    expect(spins).toBe(RUNAWAY_STEPS);
    expect(rt.now).toBe(0);
    rt.advance(5000);
    expect(rt.now).toBe(5000);
    expect(ticks).toBe(5);
    // From then on the runaway costs one run per millisecond, and the lab is told once.
    expect(spins).toBe(RUNAWAY_STEPS + 5000);
    expect(errors).toEqual([`retry-now: runaway work: more than ${RUNAWAY_STEPS} callbacks ran at one instant; "retry-now" work without delay now waits 1ms`]);
  });

  it('leaves zero-delay work alone below the limit', () => {
    const rt = new Runtime({ start: 0, seed: 1 });
    let n = 0;
    const step = () => {
      if (++n < 1000) rt.after(0, step, 'burst');
    };
    rt.after(0, step, 'burst');
    rt.settle();
    expect([n, rt.now]).toEqual([1000, 0]);
  });
});
