import { sha1 } from '@noble/hashes/legacy.js';
import { utf8 } from '../../base/base64.ts';

/**
 * Member and cluster IDs the way etcd derives them for a new cluster
 * (membership.computeMemberId and RaftCluster.genID): the member ID is the
 * first 8 bytes of SHA-1 over its sorted peer URLs and the cluster token; the
 * cluster ID hashes the sorted member IDs. Hex, without leading zeros.
 */
export function memberIdFor(peerUrls: string[], token: string): string {
  const h = sha1(utf8([...peerUrls].sort().join('') + token));
  return first8(h).toString(16);
}

/** clusterIdFor is the cluster ID of a new cluster of these members. */
export function clusterIdFor(memberIds: string[]): string {
  const ids = memberIds.map((m) => BigInt(`0x${m}`)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const b = new Uint8Array(8 * ids.length);
  ids.forEach((id, i) => {
    for (let j = 0; j < 8; j++) b[8 * i + j] = Number((id >> BigInt(8 * (7 - j))) & 0xffn);
  });
  return first8(sha1(b)).toString(16);
}

/**
 * parseInitialCluster reads --initial-cluster ("a=https://x:2380,b=…") into
 * name → peer URLs, or answers etcd's error.
 */
export function parseInitialCluster(s: string): Map<string, string[]> | { error: string } {
  const out = new Map<string, string[]>();
  for (const part of s.split(',').filter((x) => x !== '')) {
    const eq = part.indexOf('=');
    if (eq < 0) return { error: `URLsMap: malformed urls: ${part}` };
    const name = part.slice(0, eq);
    out.set(name, [...(out.get(name) ?? []), part.slice(eq + 1)]);
  }
  return out;
}

function first8(h: Uint8Array): bigint {
  let v = 0n;
  for (let i = 0; i < 8; i++) v = (v << 8n) | BigInt(h[i]!);
  return v;
}
