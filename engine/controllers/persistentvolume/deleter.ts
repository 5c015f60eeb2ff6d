import type { KObject } from '../../api/types.ts';
import { PV_SOURCES } from '../../api/resources/core/persistentvolume-validation.ts';

/** HOSTPATH_DELETABLE is the hostPath deleter's rule: it removes only directories under /tmp. */
const HOSTPATH_DELETABLE = /\/tmp\/.+/;

/**
 * deleteFailure is why the controller's own deleter cannot delete a released
 * volume with reclaim policy Delete (doDeleteVolume), or undefined when it
 * can. A volume from an external provisioner (pv.kubernetes.io/provisioned-by
 * outside kubernetes.io/) is that provisioner's to delete; among in-tree
 * plugins only hostPath deletes, and only under /tmp; any other volume has no
 * deleter, and the controller marks it Failed with this message.
 */
export function deleteFailure(pv: KObject): string | undefined {
  const provisioner = pv.metadata.annotations?.['pv.kubernetes.io/provisioned-by'];
  if (provisioner && !provisioner.startsWith('kubernetes.io/')) return undefined;
  const spec = (pv.spec ?? {}) as Record<string, unknown>;
  const source = PV_SOURCES.find((s) => spec[s] !== undefined && spec[s] !== null);
  if (source === 'hostPath') {
    const path = String((spec.hostPath as { path?: unknown }).path ?? '');
    return HOSTPATH_DELETABLE.test(path) ? undefined : `host_path deleter only supports /tmp/.+ but received provided ${path}`;
  }
  return `error getting deleter volume plugin for volume "${pv.metadata.name}": no deletable volume plugin matched`;
}
