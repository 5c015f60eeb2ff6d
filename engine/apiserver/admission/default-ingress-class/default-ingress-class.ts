import { pickDefault } from '../default-class.ts';
import type { AdmissionPlugin } from '../types.ts';
import { isResource, specOf } from '../util.ts';

/** NAME is the plugin's name in --enable-admission-plugins. */
export const NAME = 'DefaultIngressClass';
/** DEFAULT_ANNOTATION marks the default IngressClass. */
export const DEFAULT_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** defaultIngressClass gives a new Ingress without a class (field or legacy annotation) the default IngressClass. */
export function defaultIngressClass(): AdmissionPlugin {
  return {
    name: NAME,
    admit(req, view) {
      if (!isResource(req, 'networking.k8s.io', 'ingresses') || req.operation !== 'CREATE' || req.subresource || !req.object) return;
      const spec = specOf(req.object);
      if (spec.ingressClassName !== undefined && spec.ingressClassName !== null) return;
      if (req.object.metadata.annotations?.['kubernetes.io/ingress.class'] !== undefined) return;
      const def = pickDefault(view.list('networking.k8s.io', 'ingressclasses'), [DEFAULT_ANNOTATION]);
      if (def) spec.ingressClassName = def.metadata.name;
    },
  };
}
