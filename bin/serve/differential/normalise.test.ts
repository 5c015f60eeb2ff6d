import { describe, expect, it } from 'vitest';
import { normalise } from './normalise.ts';

describe('normalise', () => {
  it('hides ages and the width they give their column, in both tables and event counts', () => {
    const lab = '  Type    Reason   Age              From\n  ----    ------   ----             ----\n  Normal  Scaled   0s (x2 over 0s)  deployment-controller\n';
    const real = '  Type    Reason   Age                  From\n  ----    ------   ----                 ----\n  Normal  Scaled   321d (x2 over 321d)  deployment-controller\n';
    expect(normalise(lab)).toBe(normalise(real));
  });
  it('keeps every other difference', () => {
    expect(normalise('web   1/1   5s\n')).not.toBe(normalise('web   0/1   5s\n'));
    expect(normalise('Replicas:  3 desired\n')).not.toBe(normalise('Replicas:  2 desired\n'));
  });
  it('hides the server address and timestamps', () => {
    expect(normalise('server: https://127.0.0.1:40123 at 2026-01-05T09:00:00Z')).toBe(normalise('server: https://192.168.100.10:6443 at 2026-11-23T02:00:00Z'));
  });

  it('hides the time and process id of a klog line, and nothing else of it', () => {
    const real = 'W1123 16:04:21.755421   23673 helpers.go:717] --dry-run=true is deprecated\n';
    expect(normalise(real)).toBe(normalise('W0105 09:00:10.000000    1004 helpers.go:717] --dry-run=true is deprecated\n'));
    expect(normalise(real)).not.toBe(normalise('W0105 09:00:10.000000    1004 helpers.go:720] --dry-run=true is deprecated\n'));
    expect(normalise(real)).not.toBe(normalise('E0105 09:00:10.000000    1004 helpers.go:717] --dry-run=true is deprecated\n'));
  });
});
