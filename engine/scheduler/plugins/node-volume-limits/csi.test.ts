import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types.ts';
import { MapLister, pluginWorld, testNode, testPod } from '../../testing/fixtures.ts';
import { nodeVolumeLimits } from './csi.ts';

const pvc = (name: string, volumeName: string, accessModes = ['ReadWriteOnce']): KObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec: { volumeName, accessModes }, status: { phase: 'Bound' } });
const pv = (name: string, labels: Record<string, string>, csi?: { driver: string; volumeHandle: string }): KObject => ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name, labels }, spec: { csi } });
const usingClaim = (name: string, claim: string) => testPod(name, { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: claim } }] });

describe('NodeVolumeLimits', () => {
  it("counts CSI volumes against the CSINode's allocatable count", () => {
    const csiNode = { apiVersion: 'storage.k8s.io/v1', kind: 'CSINode', metadata: { name: 'a' }, spec: { drivers: [{ name: 'ebs.csi.aws.com', nodeID: 'i-1', allocatable: { count: 1 } }] } } as KObject;
    const w = pluginWorld([{ node: testNode('a'), pods: [usingClaim('first', 'one')] }], {
      csiNodes: new MapLister([csiNode]),
      persistentVolumeClaims: new MapLister([pvc('one', 'pv1'), pvc('two', 'pv2')]),
      persistentVolumes: new MapLister([pv('pv1', {}, { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-1' }), pv('pv2', {}, { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-2' })]),
    });
    const p = nodeVolumeLimits({}, w.handle);
    expect(w.filter(p, usingClaim('x', 'two'), 'a')!.reasons).toEqual(['node(s) exceed max volume count']);
    expect(w.filter(p, usingClaim('x', 'one'), 'a')).toBeNull();
  });
});
