import type { BindPlugin, Handle } from '../../framework/interfaces.ts';
import { asStatus } from '../../framework/status.ts';
import { R } from '../../../client/refs.ts';
import { Names } from '../names.ts';

/** DefaultBinder binds through the pods/binding subresource, which sets spec.nodeName and PodScheduled=True. */
export function defaultBinder(_args: Record<string, unknown>, h: Handle): BindPlugin {
  return {
    name: Names.DefaultBinder,
    bind(_state, pi, nodeName) {
      const m = pi.pod.metadata ?? {};
      const binding = { apiVersion: 'v1', kind: 'Binding', metadata: { name: m.name, namespace: m.namespace, uid: m.uid }, target: { kind: 'Node', name: nodeName } };
      try {
        h.client.create(R.pods, m.namespace, binding, {}, 'binding', m.name);
        return null;
      } catch (e) {
        return asStatus(e);
      }
    },
  };
}
