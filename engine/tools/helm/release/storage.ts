import { decodeBase64, encodeBase64 } from '../../../base/base64.ts';
import type { KObject } from '../../../api/types.ts';
import type { ApiClient } from '../../../client/client.ts';
import { R } from '../../../client/refs.ts';
import { gunzip, gzip } from '../../coreutils/lib/tarball.ts';
import type { ChartMetadata } from '../chart/types.ts';

/** Status is a release revision's state, as helm names it. */
export type Status = 'deployed' | 'superseded' | 'failed' | 'uninstalling' | 'pending-install' | 'pending-upgrade' | 'pending-rollback' | 'uninstalled';

/** Release is one revision of a release, as helm stores it (field names of helm's JSON). */
export interface Release {
  name: string;
  namespace: string;
  version: number;
  info: { first_deployed: string; last_deployed: string; deleted: string; description: string; status: Status; notes?: string };
  chart: { metadata: ChartMetadata; values: Record<string, unknown>; files: Record<string, string> };
  /** config is the user-supplied values */
  config: Record<string, unknown>;
  manifest: string;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/** secretName is where a revision is stored: sh.helm.release.v1.<name>.v<revision>. */
export function secretName(name: string, version: number): string {
  return `sh.helm.release.v1.${name}.v${version}`;
}

/** encodeRelease is the Secret's "release" value: base64 of the gzipped JSON, as helm's storage driver writes it. */
export function encodeRelease(r: Release, now: number): string {
  return encodeBase64(gzip(enc.encode(JSON.stringify(r)), Math.floor(now / 1000)));
}

/** decodeRelease reads a stored revision back (undefined for anything that is not one). */
export function decodeRelease(value: string): Release | undefined {
  try {
    return JSON.parse(dec.decode(gunzip(decodeBase64(value)))) as Release;
  } catch {
    return undefined;
  }
}

/** saveRelease creates (or replaces) a revision's Secret, labelled as helm labels it. */
export function saveRelease(c: ApiClient, r: Release, now: number): void {
  const obj: KObject = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: secretName(r.name, r.version), namespace: r.namespace, labels: { name: r.name, owner: 'helm', status: r.info.status, version: String(r.version) } },
    type: 'helm.sh/release.v1',
    data: { release: encodeBase64(enc.encode(encodeRelease(r, now))) },
  } as KObject;
  try {
    const cur = c.get(R.secrets, r.namespace, obj.metadata.name!);
    c.update(R.secrets, { ...obj, metadata: { ...obj.metadata, resourceVersion: cur.metadata.resourceVersion } });
  } catch {
    c.create(R.secrets, r.namespace, obj);
  }
}

/** listReleases reads every stored revision in a namespace (or all namespaces), oldest first. */
export function listReleases(c: ApiClient, namespace: string | undefined, name?: string): Release[] {
  const sel = `owner=helm${name ? `,name=${name}` : ''}`;
  const items = c.list(R.secrets, namespace, { labelSelector: sel }).items;
  const out: Release[] = [];
  for (const s of items) {
    const data = (s as { data?: Record<string, string> }).data?.release;
    if (!data) continue;
    const r = decodeRelease(dec.decode(decodeBase64(data)));
    if (r) out.push(r);
  }
  return out.sort((a, b) => (a.name === b.name ? a.version - b.version : a.name < b.name ? -1 : 1));
}

/** history is a release's revisions, oldest first ([] when it does not exist). */
export function history(c: ApiClient, namespace: string, name: string): Release[] {
  return listReleases(c, namespace, name).filter((r) => r.name === name);
}

/** deleteHistory removes every stored revision of a release. */
export function deleteHistory(c: ApiClient, namespace: string, name: string): void {
  for (const r of history(c, namespace, name)) {
    try {
      c.delete(R.secrets, namespace, secretName(name, r.version));
    } catch {
      /* already gone */
    }
  }
}
