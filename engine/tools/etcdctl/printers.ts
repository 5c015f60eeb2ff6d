import { encodeBase64, utf8 } from '../../base/base64.ts';
import type { KeyValue, ResponseHeader } from '../../store/types.ts';

/**
 * etcdctl's output formats for KV responses: simple, json (protobuf JSON with
 * uint64 IDs as bare numbers, zero fields left out, bytes in base64) and
 * fields ("Name" : value lines).
 */

/** headerJson is a ResponseHeader as etcdctl -w json prints it. */
export function headerJson(h: ResponseHeader): string {
  return `{"cluster_id":${h.clusterId ?? 0},"member_id":${h.memberId ?? 0},"revision":${h.revision},"raft_term":${h.raftTerm ?? 0}}`;
}

/** kvJson is one mvccpb.KeyValue in JSON. */
export function kvJson(kv: KeyValue): string {
  const parts = [`"key":"${encodeBase64(utf8(kv.key))}"`];
  if (kv.createRevision) parts.push(`"create_revision":${kv.createRevision}`);
  if (kv.modRevision) parts.push(`"mod_revision":${kv.modRevision}`);
  if (kv.version) parts.push(`"version":${kv.version}`);
  if (kv.value !== '') parts.push(`"value":"${encodeBase64(utf8(kv.value))}"`);
  if (kv.lease) parts.push(`"lease":${kv.lease}`);
  return `{${parts.join(',')}}`;
}

/** headerFields is the header part of -w fields. */
export function headerFields(h: ResponseHeader): string {
  return `"ClusterID" : ${h.clusterId ?? 0}\n"MemberID" : ${h.memberId ?? 0}\n"Revision" : ${h.revision}\n"RaftTerm" : ${h.raftTerm ?? 0}\n`;
}

/** kvFields is one key-value in -w fields. */
export function kvFields(kv: KeyValue, prefix = ''): string {
  const x = prefix;
  return `"${x}Key" : ${JSON.stringify(kv.key)}\n"${x}CreateRevision" : ${kv.createRevision}\n"${x}ModRevision" : ${kv.modRevision}\n"${x}Version" : ${kv.version}\n"${x}Value" : ${JSON.stringify(kv.value)}\n"${x}Lease" : ${kv.lease}\n`;
}
