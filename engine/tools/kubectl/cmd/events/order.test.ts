import { describe, expect, it } from 'vitest';
import { clusterHarness } from '../testing.ts';

/**
 * kubectl 1.33 against `kubelab serve`, with 30 events about one ConfigMap
 * named x.e01…x.e30 (the server lists them in that order), all at one time but
 * every seventh five seconds earlier: `kubectl events` and the Events table of
 * `kubectl describe cm x` both printed the reasons in this order.
 */
const REAL_ORDER = 'R07 R28 R21 R14 R15 R18 R05 R08 R09 R10 R11 R12 R13 R04 R01 R16 R17 R06 R19 R20 R03 R22 R23 R24 R25 R26 R27 R02 R29 R30';

describe('events with equal times', () => {
  it('come out in the order Go’s unstable sort.Sort leaves them, in kubectl events and describe', async () => {
    const k = clusterHarness();
    const cm = k.create('/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    for (let i = 1; i <= 30; i++) {
      const n = String(i).padStart(2, '0');
      const ts = i % 7 ? '2026-01-05T09:00:10Z' : '2026-01-05T09:00:05Z';
      k.create('/api/v1/namespaces/default/events', {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `x.e${n}` },
        involvedObject: { apiVersion: 'v1', kind: 'ConfigMap', name: 'x', namespace: 'default', uid: cm.metadata.uid },
        reason: `R${n}`,
        message: `m${n}`,
        type: 'Normal',
        count: 1,
        firstTimestamp: ts,
        lastTimestamp: ts,
        source: { component: 'test' },
      });
    }
    const events = (await k.run(['events'])).stdout.split('\n').slice(1, -1);
    expect(events.map((l) => l.split(/\s+/)[2]).join(' ')).toBe(REAL_ORDER);
    const described = (await k.run(['describe', 'cm', 'x'])).stdout;
    const rows = described.slice(described.indexOf('Events:')).split('\n').slice(3, -1);
    expect(rows.map((l) => l.trim().split(/\s+/)[1]).join(' ')).toBe(REAL_ORDER);
  });
});
