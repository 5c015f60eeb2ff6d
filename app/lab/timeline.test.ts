import { describe, expect, it } from 'vitest';
import { planPoint } from './timeline.ts';

const p = (id: number) => ({ id, at: id, command: `c${id}`, tab: 't1' });

describe('planPoint', () => {
  it('appends a point', () => {
    expect(planPoint([p(1), p(2)], 2, p(3))).toEqual({ timeline: [p(1), p(2), p(3)], drop: [] });
  });

  it('drops the future a rewind left behind', () => {
    expect(planPoint([p(1), p(2), p(3), p(4)], 2, p(5))).toEqual({ timeline: [p(1), p(2), p(5)], drop: [3, 4] });
  });

  it('forgets the oldest points past the limit', () => {
    expect(planPoint([p(1), p(2), p(3)], 3, p(4), 3)).toEqual({ timeline: [p(2), p(3), p(4)], drop: [1] });
  });
});
