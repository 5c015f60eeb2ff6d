import type { KObject } from '../../../api/types.ts';
import type { AdmissionPlugin, AdmissionRequest, ClusterView } from '../types.ts';
import { allContainers, isPodWrite, list, rec, rejected, specOf, str } from '../util.ts';

/** NAME is the plugin's name in --enable-admission-plugins. */
export const NAME = 'ServiceAccount';
/** DEFAULT_SERVICE_ACCOUNT is the account pods get when they name none. */
export const DEFAULT_SERVICE_ACCOUNT = 'default';
/** TOKEN_MOUNT_PATH is where every container finds its token, CA and namespace. */
export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** TOKEN_VOLUME_PREFIX names the projected volume: kube-api-access-<5 random>. */
export const TOKEN_VOLUME_PREFIX = 'kube-api-access-';
/** MIRROR_POD_ANNOTATION marks the kubelet's mirror of a static pod. */
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** tokenVolume is the projected volume the plugin adds (TokenVolumeSource: token 3607 s, kube-root-ca.crt, namespace). */
export function tokenVolume(name: string): Record<string, unknown> {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}

function isMirror(pod: KObject): boolean {
  return pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined;
}

function lookup(req: AdmissionRequest, view: ClusterView, name: string): KObject {
  const sa = view.get('', 'serviceaccounts', req.namespace, name);
  if (!sa) throw rejected(req, `error looking up service account ${req.namespace}/${name}: serviceaccount "${name}" not found`);
  return sa;
}

/** shouldAutomount: the pod's automountServiceAccountToken wins, then the account's, else true. */
function shouldAutomount(sa: KObject, spec: Record<string, unknown>): boolean {
  if (typeof spec.automountServiceAccountToken === 'boolean') return spec.automountServiceAccountToken;
  if (typeof sa.automountServiceAccountToken === 'boolean') return sa.automountServiceAccountToken;
  return true;
}

function mountToken(spec: Record<string, unknown>, view: ClusterView): void {
  const volumes = list(spec.volumes);
  const existing = volumes.find((v) => str(v.name).startsWith(TOKEN_VOLUME_PREFIX));
  const volumeName = existing ? str(existing.name) : TOKEN_VOLUME_PREFIX + view.nameSuffix(5);
  let needsVolume = false;
  // Ephemeral containers are never given the token mount.
  for (const c of allContainers(spec)) {
    const mounts = list(c.volumeMounts);
    if (mounts.some((m) => m.mountPath === TOKEN_MOUNT_PATH)) continue;
    c.volumeMounts = [...mounts, { mountPath: TOKEN_MOUNT_PATH, name: volumeName, readOnly: true }];
    needsVolume = true;
  }
  if (!existing && needsVolume) spec.volumes = [...volumes, tokenVolume(volumeName)];
}

function validateMirror(req: AdmissionRequest, pod: KObject): void {
  const spec = rec(pod.spec);
  if (str(spec.serviceAccountName)) throw rejected(req, 'a mirror pod may not reference service accounts');
  const usesToken = list(spec.volumes).some((v) => list(rec(v.projected).sources).some((s) => s.serviceAccountToken !== undefined));
  if (usesToken) throw rejected(req, 'a mirror pod may not use ServiceAccountToken volume projections');
}

/**
 * serviceAccount gives every new pod an account ("default" unless named),
 * refuses pods whose account does not exist, copies the account's
 * imagePullSecrets, and mounts the projected API token volume into each
 * container and init container (plugin/pkg/admission/serviceaccount).
 * Mirror pods are left alone.
 */
export function serviceAccount(): AdmissionPlugin {
  return {
    name: NAME,
    admit(req, view) {
      if (!isPodWrite(req, ['CREATE'])) return;
      const pod = req.object!;
      if (isMirror(pod)) return;
      const spec = specOf(pod);
      if (!str(spec.serviceAccountName)) spec.serviceAccountName = DEFAULT_SERVICE_ACCOUNT;
      // The v1 API still carries the deprecated alias, always equal to serviceAccountName.
      spec.serviceAccount = spec.serviceAccountName;
      const sa = lookup(req, view, str(spec.serviceAccountName));
      if (shouldAutomount(sa, spec)) mountToken(spec, view);
      const pulls = list(sa.imagePullSecrets);
      if (list(spec.imagePullSecrets).length === 0 && pulls.length > 0) spec.imagePullSecrets = pulls.map((p) => ({ name: str(p.name) }));
    },
    validate(req, view) {
      if (!isPodWrite(req, ['CREATE'])) return;
      const pod = req.object!;
      if (isMirror(pod)) return validateMirror(req, pod);
      const name = str(rec(pod.spec).serviceAccountName);
      if (!name) throw rejected(req, `no service account specified for pod ${req.namespace}/${pod.metadata.name ?? ''}`);
      lookup(req, view, name);
    },
  };
}
