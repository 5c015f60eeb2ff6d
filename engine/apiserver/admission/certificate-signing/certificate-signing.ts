import { deepEqual } from '../../../base/deep.ts';
import type { AdmissionPlugin } from '../types.ts';
import { isAuthorizedForSignerName, type AuthorizeFn } from '../signer-authz.ts';
import { isResource, rec, rejected, str } from '../util.ts';

/** NAME is the plugin's name in --enable-admission-plugins. */
export const NAME = 'CertificateSigning';

/** certificateSigning requires the "sign" verb on the signer to set or change status.certificate. */
export function certificateSigning(authorize: AuthorizeFn): AdmissionPlugin {
  return {
    name: NAME,
    validate(req) {
      if (!isResource(req, 'certificates.k8s.io', 'certificatesigningrequests') || req.subresource !== 'status' || req.operation !== 'UPDATE' || !req.object) return;
      if (deepEqual(rec(req.object.status).certificate, rec(req.oldObject?.status).certificate)) return;
      const signer = str(rec((req.oldObject ?? req.object).spec).signerName);
      if (!isAuthorizedForSignerName(authorize, req.user, 'sign', signer)) throw rejected(req, `user not permitted to sign requests with signerName "${signer}"`);
    },
  };
}
