import { describe, expect, it } from 'vitest';
import { schedulingMatrix } from './scheduling.ts';

describe('schedulingMatrix', () => {
  it('lays verdicts out by filter and node, in the order they ran', () => {
    const m = schedulingMatrix([
      { node: 'controlplane', plugin: 'NodeUnschedulable', verdict: 'passed' },
      { node: 'controlplane', plugin: 'TaintToleration', verdict: 'failed', reason: "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }" },
      { node: 'node01', plugin: 'NodeUnschedulable', verdict: 'passed' },
      { node: 'node01', plugin: 'TaintToleration', verdict: 'passed' },
      { node: 'node01', plugin: 'NodeResourcesFit', verdict: 'failed', reason: 'Insufficient cpu' },
    ]);
    expect(m.plugins).toEqual(['NodeUnschedulable', 'TaintToleration', 'NodeResourcesFit']);
    expect(m.nodes).toEqual(['controlplane', 'node01']);
    expect(m.cell('NodeResourcesFit', 'node01')?.reason).toBe('Insufficient cpu');
    expect(m.cell('NodeResourcesFit', 'controlplane')).toBeUndefined();
  });
});
