import type { KObject } from '../../api/types.ts';
import type { ApiClient } from '../../client/client.ts';
import { R } from '../../client/refs.ts';
import type { FileSystem } from '../../host/types.ts';
import type { MountPoint } from '../runtime/mount-fs.ts';
import { dataOf, fieldValue, type ObjectGetter } from './env.ts';
import type { Container, Volume } from './types.ts';

/** podDir is where the kubelet keeps a pod's volumes on the node: /var/lib/kubelet/pods/<uid>. */
export function podDir(uid: string): string {
  return `/var/lib/kubelet/pods/${uid}`;
}

/** PreparedVolume is a volume's folder (or file) on the node. */
export interface PreparedVolume {
  path: string;
  readOnly?: boolean;
}

function stamp(now: number): string {
  const iso = new Date(now).toISOString();
  return `..${iso.slice(0, 10).replace(/-/g, '_')}_${iso.slice(11, 19).replace(/:/g, '_')}.${iso.slice(20, 23)}000000`;
}

/**
 * writeAtomic writes files the way the kubelet's atomic writer does: a
 * timestamped folder, a `..data` link to it, and one link per key, so
 * updates swap in at once and `ls -la` shows what it shows on a node.
 */
export function writeAtomic(fs: FileSystem, dir: string, files: Record<string, string>, mode: number, now: number): void {
  fs.mkdir(dir, { recursive: true });
  const old = fs.exists(`${dir}/..data`) ? fs.readlink(`${dir}/..data`) : undefined;
  const current = old ? JSON.stringify(Object.fromEntries(Object.keys(files).map((k) => [k, fs.exists(`${dir}/${old}/${k}`) ? fs.readFile(`${dir}/${old}/${k}`) : undefined]))) : '';
  if (old && current === JSON.stringify(files) && fs.readdir(`${dir}/${old}`).length === Object.keys(files).length) return;
  const ts = stamp(now);
  fs.mkdir(`${dir}/${ts}`, { recursive: true });
  for (const [k, v] of Object.entries(files)) {
    const sub = k.includes('/') ? k.slice(0, k.lastIndexOf('/')) : '';
    if (sub) fs.mkdir(`${dir}/${ts}/${sub}`, { recursive: true });
    fs.writeFile(`${dir}/${ts}/${k}`, v, { mode });
    fs.chmod(`${dir}/${ts}/${k}`, mode);
  }
  if (fs.exists(`${dir}/..data`)) fs.unlink(`${dir}/..data`);
  fs.symlink(ts, `${dir}/..data`);
  for (const top of new Set(Object.keys(files).map((k) => k.split('/')[0]!))) if (!fs.exists(`${dir}/${top}`)) fs.symlink(`..data/${top}`, `${dir}/${top}`);
  if (old && old !== ts) removeTree(fs, `${dir}/${old}`);
}

function removeTree(fs: FileSystem, path: string): void {
  try {
    if (fs.lstat(path).type === 'dir') {
      for (const n of fs.readdir(path)) removeTree(fs, `${path}/${n}`);
      fs.rmdir(path);
    } else fs.unlink(path);
  } catch {
    // already gone
  }
}

/** removePodDir deletes a pod's volumes from the node once the pod is gone. */
export function removePodDir(fs: FileSystem, uid: string): void {
  removeTree(fs, podDir(uid));
}

function pick(data: Record<string, string>, items: { key: string; path: string }[] | undefined, what: string): Record<string, string> | string {
  if (!items) return data;
  const out: Record<string, string> = {};
  for (const i of items) {
    if (!(i.key in data)) return `configmap references non-existent config key: ${i.key}`.replace('configmap', what);
    out[i.path] = data[i.key]!;
  }
  return out;
}

/** VolumeContext is what preparing volumes needs from the kubelet. */
export interface VolumeContext {
  fs: FileSystem;
  get: ObjectGetter;
  client: ApiClient;
  now: number;
  ips: { podIP?: string; hostIP?: string };
  caPem?: string;
}

/**
 * prepareVolumes makes every volume of a pod on the node (emptyDir folders,
 * ConfigMap/Secret/projected files, hostPath checks, PVC backing paths). An
 * error is the kubelet's FailedMount text.
 */
export function prepareVolumes(pod: KObject, volumes: Volume[], vc: VolumeContext): Map<string, PreparedVolume> | { volume: string; error: string } {
  const uid = pod.metadata.uid!;
  const ns = pod.metadata.namespace ?? 'default';
  const fs = vc.fs;
  const out = new Map<string, PreparedVolume>();
  for (const v of volumes) {
    const base = `${podDir(uid)}/volumes`;
    if (v.emptyDir) {
      const p = `${base}/kubernetes.io~empty-dir/${v.name}`;
      fs.mkdir(p, { recursive: true });
      fs.chmod(p, 0o777);
      out.set(v.name, { path: p });
    } else if (v.hostPath) {
      const p = v.hostPath.path;
      const t = v.hostPath.type ?? '';
      const exists = fs.exists(p);
      if ((t === 'DirectoryOrCreate' || t === '') && !exists && t !== '') fs.mkdir(p, { recursive: true, mode: 0o755 });
      else if (t === 'FileOrCreate' && !exists) fs.writeFile(p, '', { mode: 0o644 });
      else if (t === 'Directory' && (!exists || fs.stat(p).type !== 'dir')) return { volume: v.name, error: `hostPath type check failed: ${p} is not a directory` };
      else if (t === 'File' && (!exists || fs.stat(p).type !== 'file')) return { volume: v.name, error: `hostPath type check failed: ${p} is not a file` };
      else if (t === '' && !exists) fs.mkdir(p, { recursive: true });
      out.set(v.name, { path: p });
    } else if (v.configMap || v.secret) {
      const kind = v.configMap ? 'configmap' : 'secret';
      const name = v.configMap?.name ?? v.secret!.secretName;
      const obj = vc.get(kind, ns, name);
      const p = `${base}/kubernetes.io~${kind}/${v.name}`;
      if (!obj) {
        if (v.configMap?.optional || v.secret?.optional) {
          writeAtomic(fs, p, {}, 0o644, vc.now);
          out.set(v.name, { path: p, readOnly: true });
          continue;
        }
        return { volume: v.name, error: `${kind} "${name}" not found` };
      }
      const files = pick(dataOf(kind, obj), (v.configMap ?? v.secret)!.items, kind);
      if (typeof files === 'string') return { volume: v.name, error: files };
      writeAtomic(fs, p, files, (v.configMap ?? v.secret)!.defaultMode ?? 0o644, vc.now);
      out.set(v.name, { path: p, readOnly: true });
    } else if (v.projected || v.downwardAPI) {
      const p = `${base}/kubernetes.io~${v.projected ? 'projected' : 'downward-api'}/${v.name}`;
      const files: Record<string, string> = {};
      const sources = v.projected ? v.projected.sources : [{ downwardAPI: v.downwardAPI }];
      for (const s of sources) {
        if (s.configMap || s.secret) {
          const kind = s.configMap ? 'configmap' : 'secret';
          const ref = (s.configMap ?? s.secret)!;
          const obj = vc.get(kind, ns, ref.name);
          if (!obj) {
            if (ref.optional) continue;
            return { volume: v.name, error: `${kind} "${ref.name}" not found` };
          }
          const picked = pick(dataOf(kind, obj), ref.items, kind);
          if (typeof picked === 'string') return { volume: v.name, error: picked };
          Object.assign(files, picked);
        } else if (s.serviceAccountToken) {
          files[s.serviceAccountToken.path] = serviceAccountToken(vc.client, pod, s.serviceAccountToken);
        } else if (s.downwardAPI) {
          for (const i of s.downwardAPI.items ?? []) if (i.fieldRef) files[i.path] = fieldValue(pod, i.fieldRef.fieldPath, vc.ips) ?? '';
        }
      }
      writeAtomic(fs, p, files, v.projected?.defaultMode ?? 0o644, vc.now);
      out.set(v.name, { path: p, readOnly: true });
    } else if (v.persistentVolumeClaim) {
      const claim = get(vc.client, R.persistentvolumeclaims, ns, v.persistentVolumeClaim.claimName);
      if (!claim) return { volume: v.name, error: `persistentvolumeclaim "${v.persistentVolumeClaim.claimName}" not found` };
      const pvName = (claim.spec as { volumeName?: string } | undefined)?.volumeName;
      const pv = pvName ? get(vc.client, R.persistentvolumes, undefined, pvName) : undefined;
      const pvSpec = (pv?.spec ?? {}) as { hostPath?: { path: string }; local?: { path: string } };
      const path = pvSpec.hostPath?.path ?? pvSpec.local?.path ?? `${base}/kubernetes.io~csi/${pvName ?? v.name}/mount`;
      if (!fs.exists(path)) fs.mkdir(path, { recursive: true });
      out.set(v.name, { path, readOnly: v.persistentVolumeClaim.readOnly });
    }
  }
  return out;
}

/**
 * refreshVolumes brings a running pod's ConfigMap and Secret volumes up to date
 * with their objects, as the kubelet's periodic sync does (an update swaps in
 * through ..data; a missing object or key leaves the files as they are).
 */
export function refreshVolumes(pod: KObject, volumes: Volume[], vc: VolumeContext): void {
  const ns = pod.metadata.namespace ?? 'default';
  for (const v of volumes) {
    if (!v.configMap && !v.secret) continue;
    const kind = v.configMap ? 'configmap' : 'secret';
    const obj = vc.get(kind, ns, v.configMap?.name ?? v.secret!.secretName);
    if (!obj) continue;
    const files = pick(dataOf(kind, obj), (v.configMap ?? v.secret)!.items, kind);
    if (typeof files === 'string') continue;
    writeAtomic(vc.fs, `${podDir(pod.metadata.uid!)}/volumes/kubernetes.io~${kind}/${v.name}`, files, (v.configMap ?? v.secret)!.defaultMode ?? 0o644, vc.now);
  }
}

function get(client: ApiClient, ref: typeof R.pods, ns: string | undefined, name: string): KObject | undefined {
  try {
    return client.get(ref, ns, name);
  } catch {
    return undefined;
  }
}

function serviceAccountToken(client: ApiClient, pod: KObject, s: { expirationSeconds?: number; audience?: string }): string {
  const sa = (pod.spec as { serviceAccountName?: string } | undefined)?.serviceAccountName ?? 'default';
  try {
    const tr = client.create(R.serviceaccounts, pod.metadata.namespace, {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      spec: { audiences: s.audience ? [s.audience] : [], expirationSeconds: s.expirationSeconds ?? 3607, boundObjectRef: { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, uid: pod.metadata.uid } },
    }, {}, 'token', sa);
    return ((tr as unknown as { status?: { token?: string } }).status?.token) ?? '';
  } catch {
    return '';
  }
}

/** containerMounts turns a container's volumeMounts into bind mounts on the node's filesystem. */
export function containerMounts(c: Container, prepared: Map<string, PreparedVolume>, fs: FileSystem): MountPoint[] {
  const out: MountPoint[] = [];
  for (const m of c.volumeMounts ?? []) {
    const v = prepared.get(m.name);
    if (!v) continue;
    let source = v.path;
    if (m.subPath) {
      source = `${v.path}/${m.subPath}`;
      if (!fs.exists(source)) fs.mkdir(source, { recursive: true });
    }
    // "/etc/kube-flannel/" and "/etc/kube-flannel" mount the same directory.
    const containerPath = m.mountPath.length > 1 ? m.mountPath.replace(/\/+$/, '') : m.mountPath;
    out.push({ containerPath, fs, sourcePath: source, readOnly: m.readOnly || v.readOnly });
  }
  return out;
}
