import { parse } from 'yaml';
import { rfc3339 } from '../../base/clock.ts';
import { clone } from '../../base/deep.ts';
import type { KObject } from '../../api/types.ts';
import type { FileSystem } from '../../host/types.ts';
import { sha256Hex } from '../images/refs.ts';
import type { Klog } from './klog.ts';

/** STATIC_ANNOTATIONS are the annotations the kubelet puts on pods from files (and their mirrors). */
export const CONFIG_HASH = 'kubernetes.io/config.hash';
export const CONFIG_MIRROR = 'kubernetes.io/config.mirror';
export const CONFIG_SOURCE = 'kubernetes.io/config.source';
export const CONFIG_SEEN = 'kubernetes.io/config.seen';

/** isMirrorPod tells a mirror pod (the API copy of a static pod) from a pod the kubelet should run. */
export function isMirrorPod(pod: KObject): boolean {
  return !!pod.metadata.annotations?.[CONFIG_MIRROR];
}

function validate(obj: Record<string, unknown>): string[] {
  const errs: string[] = [];
  const meta = (obj.metadata ?? {}) as { name?: string };
  const spec = (obj.spec ?? {}) as { containers?: { name?: string; image?: string }[] };
  if (!meta.name) errs.push('metadata.name: Required value: name or generateName is required');
  if (!Array.isArray(spec.containers) || spec.containers.length === 0) errs.push('spec.containers: Required value');
  (spec.containers ?? []).forEach((c, i) => {
    if (!c?.name) errs.push(`spec.containers[${i}].name: Required value`);
    if (!c?.image) errs.push(`spec.containers[${i}].image: Required value`);
  });
  return errs;
}

/**
 * readManifest turns one manifest file into the static pod the kubelet runs:
 * name suffixed with the node's name, a uid and config.hash from the
 * content, the file source annotations. A broken file answers the error the
 * kubelet logs.
 */
export function readManifest(path: string, text: string, nodeName: string, now: number): KObject | { error: string } {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0]!;
    const line = /at line (\d+)/.exec(msg)?.[1] ?? '1';
    return { error: `${path}: couldn't parse as pod(yaml: line ${line}: ${msg.replace(/ at line \d+, column \d+:?$/, '').replace(/^./, (c) => c.toLowerCase())}), please check config file` };
  }
  if (!doc || typeof doc !== 'object') return { error: `${path}: couldn't parse as pod(Object 'Kind' is missing in '${text.trim()}'), please check config file` };
  const obj = doc as Record<string, unknown>;
  if (obj.kind !== 'Pod') return { error: `${path}: couldn't parse as pod(${obj.kind === undefined ? `Object 'Kind' is missing in '${JSON.stringify(obj)}'` : `no kind "${String(obj.kind)}" is registered for version "${String(obj.apiVersion ?? '')}" in scheme "pkg/api/legacyscheme/scheme.go:30"`}), please check config file` };
  const errs = validate(obj);
  if (errs.length > 0) return { error: `invalid pod: [${errs.join(', ')}]` };
  const meta = (obj.metadata ?? {}) as KObject['metadata'];
  const hash = sha256Hex(`${nodeName}\u0000${path}\u0000${text}`).slice(0, 32);
  const pod = {
    ...obj,
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...meta,
      name: `${meta.name}-${nodeName}`,
      namespace: meta.namespace ?? 'default',
      uid: hash,
      annotations: { ...(meta.annotations ?? {}), [CONFIG_HASH]: hash, [CONFIG_SEEN]: rfc3339(now).replace('Z', '.000000000Z'), [CONFIG_SOURCE]: 'file' },
    },
    spec: { ...((obj.spec ?? {}) as object), nodeName, tolerations: [...(((obj.spec as { tolerations?: unknown[] }).tolerations) ?? []), { effect: 'NoExecute', operator: 'Exists' }] },
  } as KObject;
  return pod;
}

/**
 * readStaticPods lists the pods of a static-pod folder (every file not
 * starting with a dot), logging broken manifests the kubelet's way: on
 * every listing, and a missing folder once.
 */
export function readStaticPods(fs: FileSystem, dir: string, nodeName: string, now: number, klog: Klog, missingReported: Set<string>): KObject[] {
  if (!dir) return [];
  let names: string[];
  try {
    names = fs.readdir(dir).sort();
  } catch {
    if (!missingReported.has(dir)) {
      missingReported.add(dir);
      klog.info('file.go:97', 'Unable to read config path', { path: dir, err: `path does not exist, ignoring` });
    }
    return [];
  }
  const out: KObject[] = [];
  for (const n of names) {
    if (n.startsWith('.')) continue;
    const path = `${dir}/${n}`;
    let text: string;
    try {
      if (fs.stat(path).type !== 'file') continue;
      text = fs.readFile(path);
    } catch {
      continue;
    }
    const r = readManifest(path, text, nodeName, now);
    if ('error' in r) {
      // every listing logs it again, each fileCheckFrequency (20 s) until the file is fixed (file.go extractFromDir)
      klog.error('file.go:187', 'Could not process manifest file', { err: r.error, path });
      continue;
    }
    out.push(r);
  }
  return out;
}

/** mirrorOf is the API copy of a static pod, owned by the node. */
export function mirrorOf(pod: KObject, node: KObject | undefined): KObject {
  const hash = pod.metadata.annotations?.[CONFIG_HASH] ?? '';
  const m = clone(pod) as KObject;
  delete (m.metadata as { uid?: string }).uid;
  m.metadata.annotations = { ...(m.metadata.annotations ?? {}), [CONFIG_MIRROR]: hash };
  if (node?.metadata.uid) m.metadata.ownerReferences = [{ apiVersion: 'v1', controller: true, kind: 'Node', name: node.metadata.name!, uid: node.metadata.uid }];
  delete m.status;
  return m;
}
