import { forbidden, notFound } from '../../../base/errors.ts';
import { groupResource } from '../../../api/types.ts';
import type { AdmissionPlugin } from '../types.ts';
import type { AdmissionRequest } from '../types.ts';
import { rejected } from '../util.ts';

function isNamespace(req: AdmissionRequest): boolean {
  return req.def.group === '' && req.def.kind === 'Namespace';
}

/** NAME is the plugin's name in --enable-admission-plugins. */
export const NAME = 'NamespaceLifecycle';

/** IMMORTAL_NAMESPACES may never be deleted. */
export const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];

/**
 * namespaceLifecycle refuses deleting the immortal namespaces, creating in a
 * namespace that does not exist (404), and creating in one that is being
 * terminated (403) — as k8s.io/apiserver's lifecycle plugin does, in the
 * mutating phase, so these errors come before any validation error.
 */
export function namespaceLifecycle(): AdmissionPlugin {
  return {
    name: NAME,
    // Deletes reach admission through the validating phase only (the REST
    // layer's delete path), so the immortal check lives there.
    validate(req) {
      if (req.operation === 'DELETE' && isNamespace(req) && IMMORTAL_NAMESPACES.includes(req.name)) {
        throw forbidden(groupResource(req.def), req.name, 'this namespace may not be deleted');
      }
    },
    admit(req, view) {
      if (isNamespace(req) || !req.namespace) return;
      if (req.operation === 'DELETE') return;
      // Access reviews never reveal whether a namespace exists.
      if (req.def.group === 'authorization.k8s.io' && req.def.plural === 'localsubjectaccessreviews') return;
      const ns = view.get('', 'namespaces', undefined, req.namespace);
      if (!ns) throw notFound({ group: '', resource: 'namespaces' }, req.namespace);
      if (req.operation !== 'CREATE') return;
      if ((ns.status as { phase?: string } | undefined)?.phase !== 'Terminating') return;
      const err = rejected(req, `unable to create new content in namespace ${req.namespace} because it is being terminated`);
      err.status.details = {
        ...err.status.details,
        causes: [{ reason: 'NamespaceTerminating', message: `namespace ${req.namespace} is being terminated`, field: 'metadata.namespace' }],
      };
      throw err;
    },
  };
}
