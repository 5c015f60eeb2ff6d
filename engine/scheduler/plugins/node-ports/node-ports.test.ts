import { describe, expect, it } from 'vitest';
import { Code } from '../../framework/status.ts';
import { pluginWorld, testNode, testPod } from '../../testing/fixtures.ts';
import { nodePorts } from './node-ports.ts';

const withPort = (name: string, hostPort: number, hostIP?: string, protocol?: 'TCP' | 'UDP') => testPod(name, { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort, hostIP, protocol }] }] });

describe('NodePorts', () => {
  const w = pluginWorld([{ node: testNode('busy'), pods: [withPort('web', 8080), withPort('dns', 53, '10.0.0.1', 'UDP')] }, { node: testNode('free') }]);
  const p = nodePorts({}, w.handle);

  it('rejects a node whose host port is taken, with the real reason', () => {
    const s = w.filter(p, withPort('x', 8080), 'busy')!;
    expect([s.code, s.reasons]).toEqual([Code.Unschedulable, ["node(s) didn't have free ports for the requested pod ports"]]);
    expect(w.filter(p, withPort('x', 8080), 'free')).toBeNull();
  });

  it('treats 0.0.0.0 as every address, and protocols apart', () => {
    expect(w.filter(p, withPort('x', 53, '10.0.0.2', 'UDP'), 'busy')).toBeNull();
    expect(w.filter(p, withPort('x', 53, undefined, 'UDP'), 'busy')).not.toBeNull();
    expect(w.filter(p, withPort('x', 53, '10.0.0.1', 'TCP'), 'busy')).toBeNull();
    expect(w.filter(p, withPort('x', 8080, '192.168.1.5'), 'busy')).not.toBeNull();
  });
});
