import { describe, expect, it } from 'vitest';
import { clusterIdFor, memberIdFor } from './ids.ts';

describe('etcd IDs', () => {
  it('derives the default single member IDs etcd prints after a plain restore', () => {
    // `etcdutl snapshot restore` without flags: "added member … cluster-id cdf818194e3a8c32 … added-peer-id 8e9e05c52164694d"
    const m = memberIdFor(['http://localhost:2380'], 'etcd-cluster');
    expect(m).toBe('8e9e05c52164694d');
    expect(clusterIdFor([m])).toBe('cdf818194e3a8c32');
  });
});
