import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types.ts';
import { Code } from '../../framework/status.ts';
import { MapLister, pluginWorld, testNode, testPod } from '../../testing/fixtures.ts';
import { volumeZone } from './volume-zone.ts';

const pvc = (name: string, volumeName: string, accessModes = ['ReadWriteOnce']): KObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec: { volumeName, accessModes }, status: { phase: 'Bound' } });
const pv = (name: string, labels: Record<string, string>, csi?: { driver: string; volumeHandle: string }): KObject => ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name, labels }, spec: { csi } });
const usingClaim = (name: string, claim: string) => testPod(name, { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: claim } }] });

describe('VolumeZone', () => {
  const w = pluginWorld(
    [{ node: testNode('a', { labels: { 'topology.kubernetes.io/zone': 'eu-1a' } }) }, { node: testNode('b', { labels: { 'topology.kubernetes.io/zone': 'eu-1b' } }) }, { node: testNode('nozone') }],
    { persistentVolumeClaims: new MapLister([pvc('data', 'pv1')]), persistentVolumes: new MapLister([pv('pv1', { 'topology.kubernetes.io/zone': 'eu-1a' })]) },
  );
  const p = volumeZone({}, w.handle);
  it("keeps the pod in its volume's zone", () => {
    expect(w.filter(p, usingClaim('x', 'data'), 'a')).toBeNull();
    const s = w.filter(p, usingClaim('x', 'data'), 'b')!;
    expect([s.code, s.reasons]).toEqual([Code.UnschedulableAndUnresolvable, ['node(s) had no available volume zone']]);
    expect(w.filter(p, usingClaim('x', 'data'), 'nozone')).toBeNull();
  });
});
