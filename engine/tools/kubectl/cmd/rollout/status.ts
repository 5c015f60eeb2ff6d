import type { KObject } from '../../../../api/types.ts';
import { WrappedError } from '../create/common.ts';

type Obj = Record<string, unknown>;

/** StatusResult is one evaluation of a rollout: the line to print and whether it is done. */
export interface StatusResult {
  message: string;
  done: boolean;
}

/** rolloutStatus is kubectl's StatusViewer for Deployments, DaemonSets and StatefulSets. */
export function rolloutStatus(obj: KObject, revision: number): StatusResult {
  const spec = (obj.spec ?? {}) as Obj;
  const st = (obj.status ?? {}) as Record<string, number | undefined | unknown>;
  const n = (k: string) => (st[k] as number | undefined) ?? 0;
  const name = obj.metadata.name ?? '';
  const gen = obj.metadata.generation ?? 0;
  const observed = n('observedGeneration');
  switch (obj.kind) {
    case 'Deployment': {
      if (revision > 0) {
        const rev = Number(obj.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '0');
        if (rev !== revision) throw new WrappedError(`desired revision (${revision}) is different from the running revision (${rev})`);
      }
      if (gen <= observed) {
        const conds = ((st.conditions as Obj[] | undefined) ?? []);
        const prog = conds.find((x) => x.type === 'Progressing');
        if (prog && prog.reason === 'ProgressDeadlineExceeded') throw new WrappedError(`deployment "${name}" exceeded its progress deadline`);
        const replicas = (spec.replicas as number | undefined) ?? 1;
        if (n('updatedReplicas') < replicas) return { message: `Waiting for deployment "${name}" rollout to finish: ${n('updatedReplicas')} out of ${replicas} new replicas have been updated...\n`, done: false };
        if (n('replicas') > n('updatedReplicas')) return { message: `Waiting for deployment "${name}" rollout to finish: ${n('replicas') - n('updatedReplicas')} old replicas are pending termination...\n`, done: false };
        if (n('availableReplicas') < n('updatedReplicas')) return { message: `Waiting for deployment "${name}" rollout to finish: ${n('availableReplicas')} of ${n('updatedReplicas')} updated replicas are available...\n`, done: false };
        return { message: `deployment "${name}" successfully rolled out\n`, done: true };
      }
      return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
    }
    case 'DaemonSet': {
      const strategy = ((spec.updateStrategy as Obj | undefined)?.type as string | undefined) ?? 'RollingUpdate';
      if (strategy !== 'RollingUpdate') throw new WrappedError('rollout status is only available for RollingUpdate strategy type');
      if (gen <= observed) {
        if (n('updatedNumberScheduled') < n('desiredNumberScheduled')) return { message: `Waiting for daemon set "${name}" rollout to finish: ${n('updatedNumberScheduled')} out of ${n('desiredNumberScheduled')} new pods have been updated...\n`, done: false };
        if (n('numberAvailable') < n('desiredNumberScheduled')) return { message: `Waiting for daemon set "${name}" rollout to finish: ${n('numberAvailable')} of ${n('desiredNumberScheduled')} updated pods are available...\n`, done: false };
        return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
      }
      return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
    }
    case 'StatefulSet': {
      const strategy = ((spec.updateStrategy as Obj | undefined)?.type as string | undefined) ?? 'RollingUpdate';
      if (strategy !== 'RollingUpdate') throw new WrappedError('rollout status is only available for RollingUpdate strategy type');
      if (observed === 0 || gen > observed) return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
      const replicas = (spec.replicas as number | undefined) ?? 1;
      if (n('readyReplicas') < replicas) return { message: `Waiting for ${replicas - n('readyReplicas')} pods to be ready...\n`, done: false };
      // a RollingUpdate strategy with its rollingUpdate block (the apiserver defaults one, partition 0) reports as partitioned
      const rolling = (spec.updateStrategy as Obj | undefined)?.rollingUpdate as Obj | undefined | null;
      if (rolling) {
        const partition = rolling.partition as number | undefined | null;
        if (partition !== undefined && partition !== null && n('updatedReplicas') < replicas - partition) {
          return { message: `Waiting for partitioned roll out to finish: ${n('updatedReplicas')} out of ${replicas - partition} new pods have been updated...\n`, done: false };
        }
        return { message: `partitioned roll out complete: ${n('updatedReplicas')} new pods have been updated...\n`, done: true };
      }
      if (st.updateRevision !== st.currentRevision) return { message: `waiting for statefulset rolling update to complete ${n('updatedReplicas')} pods at revision ${String(st.updateRevision)}...\n`, done: false };
      return { message: `statefulset rolling update complete ${n('currentReplicas')} pods at revision ${String(st.currentRevision)}...\n`, done: true };
    }
    default: {
      // named by its GroupKind, as kubectl does: ConfigMap, Job.batch
      const group = obj.apiVersion?.includes('/') ? obj.apiVersion.slice(0, obj.apiVersion.indexOf('/')) : '';
      throw new WrappedError(`no status viewer has been implemented for ${obj.kind}${group ? `.${group}` : ''}`);
    }
  }
}
