import type { Informer } from '../client/informer.ts';
import type { SharedInformerFactory } from '../client/informer-factory.ts';
import { R } from '../client/refs.ts';
import type { Listers } from './framework/interfaces.ts';

/** SchedulerListers are the informers the scheduler and its plugins read. */
export interface SchedulerListers extends Listers {
  pods: Informer;
  persistentVolumes: Informer;
  persistentVolumeClaims: Informer;
  storageClasses: Informer;
  csiNodes: Informer;
}

/**
 * schedulerInformers creates the informers kube-scheduler runs: nodes; pods
 * that have not finished (field selector status.phase!=Succeeded,
 * status.phase!=Failed); and what the plugins read — namespaces, Services
 * and workload controllers (default spreading), storage, PodDisruptionBudgets.
 */
export function schedulerInformers(f: SharedInformerFactory): { nodes: Informer; pods: Informer; listers: SchedulerListers } {
  const nodes = f.informer(R.nodes);
  const pods = f.informer(R.pods, { fieldSelector: 'status.phase!=Succeeded,status.phase!=Failed' });
  const listers: SchedulerListers = {
    pods,
    namespaces: f.informer(R.namespaces),
    services: f.informer(R.services),
    replicationControllers: f.informer(R.replicationcontrollers),
    replicaSets: f.informer(R.replicasets),
    statefulSets: f.informer(R.statefulsets),
    persistentVolumes: f.informer(R.persistentvolumes),
    persistentVolumeClaims: f.informer(R.persistentvolumeclaims),
    storageClasses: f.informer(R.storageclasses),
    csiNodes: f.informer(R.csinodes),
    podDisruptionBudgets: f.informer(R.poddisruptionbudgets),
  };
  return { nodes, pods, listers };
}
