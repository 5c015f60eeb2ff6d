import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import { testNode, testPod } from '../testing/fixtures.ts';
import { isPodUpdated, nodeChangeEvents, podChangeEvents } from './cluster-events.ts';

describe('cluster events', () => {
  it('names node changes, and none for a heartbeat', () => {
    const n = testNode('n1');
    const beat: Node = { ...n, status: { ...n.status, conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2026-01-05T09:05:00Z' }] } };
    expect(nodeChangeEvents(beat, n)).toEqual([]);
    const cordoned: Node = { ...n, spec: { ...n.spec, unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] } };
    expect(nodeChangeEvents(cordoned, n).map((e) => e.label)).toEqual(['NodeSpecUnschedulableChange', 'NodeTaintChange']);
    const labelled: Node = { ...n, metadata: { ...n.metadata, labels: { ...n.metadata!.labels, disk: 'ssd' } } };
    expect(nodeChangeEvents(labelled, n).map((e) => e.label)).toEqual(['NodeLabelChange']);
  });

  it('names pod changes and ignores status-only updates', () => {
    const p = testPod('a');
    const tolerating = { ...p, spec: { ...p.spec!, tolerations: [{ key: 'x', operator: 'Exists' as const }] } };
    expect(podChangeEvents(tolerating, p).map((e) => e.label)).toEqual(['UnscheduledPodUpdatePodToleration']);
    expect(isPodUpdated(p, { ...p, status: { conditions: [{ type: 'PodScheduled', status: 'False' }] } })).toBe(false);
    expect(isPodUpdated(p, tolerating)).toBe(true);
  });
});
