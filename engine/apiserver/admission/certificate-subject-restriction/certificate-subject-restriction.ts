import { decodeBase64, fromUtf8 } from '../../../base/base64.ts';
import { organizations, parseCsrPem } from '../../../pki/index.ts';
import type { AdmissionPlugin } from '../types.ts';
import { isResource, rec, rejected, str } from '../util.ts';

/** NAME is the plugin's name in --enable-admission-plugins. */
export const NAME = 'CertificateSubjectRestriction';
const CLIENT_SIGNER = 'kubernetes.io/kube-apiserver-client';

/** certificateSubjectRestriction refuses CSRs for the kube-apiserver-client signer that ask for the system:masters group. */
export function certificateSubjectRestriction(): AdmissionPlugin {
  return {
    name: NAME,
    validate(req) {
      if (!isResource(req, 'certificates.k8s.io', 'certificatesigningrequests') || req.subresource || req.operation !== 'CREATE' || !req.object) return;
      const spec = rec(req.object.spec);
      if (str(spec.signerName) !== CLIENT_SIGNER) return;
      let orgs: string[];
      try {
        orgs = organizations(parseCsrPem(fromUtf8(decodeBase64(str(spec.request)))).subject);
      } catch {
        // An unreadable request is the validation's to report.
        return;
      }
      if (orgs.includes('system:masters')) throw rejected(req, `use of ${CLIENT_SIGNER} signer with system:masters group is not allowed`);
    },
  };
}
