import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../api/types.ts';
import { Code } from '../../framework/status.ts';
import { MapLister, pluginWorld, testNode, testPod } from '../../testing/fixtures.ts';
import { volumeRestrictions } from './volume-restrictions.ts';

const pvc = (name: string, volumeName: string, accessModes = ['ReadWriteOnce']): KObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec: { volumeName, accessModes }, status: { phase: 'Bound' } });
const usingClaim = (name: string, claim: string) => testPod(name, { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: claim } }] });

describe('VolumeRestrictions', () => {
  it('refuses a ReadWriteOncePod claim already in use', () => {
    const claims = new MapLister([pvc('solo', 'pv9', ['ReadWriteOncePod'])]);
    const w = pluginWorld([{ node: testNode('a'), pods: [usingClaim('owner', 'solo')] }, { node: testNode('b') }], { persistentVolumeClaims: claims });
    const s = w.filter(volumeRestrictions({}, w.handle), usingClaim('x', 'solo'), 'b')!;
    expect([s.code, s.reasons]).toEqual([Code.Unschedulable, ['node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode']]);
  });
});
