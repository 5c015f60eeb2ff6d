import { describe, expect, it } from 'vitest';
import { rfc3339, rfc3339Micro } from './clock.ts';

describe('rfc3339', () => {
  it('formats each second as metav1.Time does, whatever was formatted before', () => {
    const t = Date.UTC(2026, 0, 5, 9, 0, 0);
    expect(rfc3339(t)).toBe('2026-01-05T09:00:00Z');
    expect(rfc3339(t + 999)).toBe('2026-01-05T09:00:00Z');
    expect(rfc3339(t + 1000)).toBe('2026-01-05T09:00:01Z');
    expect(rfc3339(t)).toBe('2026-01-05T09:00:00Z');
    expect(rfc3339(-1500)).toBe('1969-12-31T23:59:58Z');
    expect(() => rfc3339(NaN)).toThrow(RangeError);
  });

  it('formats each millisecond as metav1.MicroTime does', () => {
    const t = Date.UTC(2026, 0, 5, 9, 0, 0) + 123;
    expect(rfc3339Micro(t)).toBe('2026-01-05T09:00:00.123000Z');
    expect(rfc3339Micro(t)).toBe('2026-01-05T09:00:00.123000Z');
    expect(rfc3339Micro(t + 1)).toBe('2026-01-05T09:00:00.124000Z');
  });
});
