import type { AdmissionPlugin } from '../types.ts';
import { isAuthorizedForSignerName, type AuthorizeFn } from '../signer-authz.ts';
import { isResource, rec, rejected, str } from '../util.ts';

/** NAME is the plugin's name in --enable-admission-plugins. */
export const NAME = 'CertificateApproval';

/** certificateApproval requires the "approve" verb on the CSR's signer for updates of certificatesigningrequests/approval. */
export function certificateApproval(authorize: AuthorizeFn): AdmissionPlugin {
  return {
    name: NAME,
    validate(req) {
      if (!isResource(req, 'certificates.k8s.io', 'certificatesigningrequests') || req.subresource !== 'approval' || req.operation !== 'UPDATE' || !req.object) return;
      const signer = str(rec(req.object.spec).signerName);
      if (!isAuthorizedForSignerName(authorize, req.user, 'approve', signer)) throw rejected(req, `user not permitted to approve requests with signerName "${signer}"`);
    },
  };
}
