import { humanDuration } from '../../../base/age.ts';
import { fieldErr, type FieldError } from '../../../base/errors.ts';
import type { KObject } from '../../types.ts';
import { isDns1123Subdomain, pathSegmentName } from '../../validation/names.ts';
import { isSet, list, num, rec, str, strs } from '../../validation/util.ts';
import { age, col, defineResource, metaFields, NAME_COLUMN, AGE_COLUMN } from '../common.ts';

/** CertificateSigningRequest: CONDITION is Pending/Approved/Denied plus ,Failed and ,Issued. */

const USAGES = [
  'any', 'cert sign', 'client auth', 'code signing', 'content commitment', 'crl sign', 'data encipherment', 'decipher only',
  'digital signature', 'email protection', 'encipher only', 'ipsec end system', 'ipsec tunnel', 'ipsec user', 'key agreement',
  'key encipherment', 'microsoft sgc', 'netscape sgc', 'ocsp signing', 's/mime', 'server auth', 'signing', 'timestamping',
];

/** csrCondition is extractCSRStatus. */
export function csrCondition(obj: KObject): string {
  const status = rec(obj.status);
  const types = new Set(list(status.conditions).map((c) => str(c.type)));
  let s = types.has('Denied') ? 'Denied' : types.has('Approved') ? 'Approved' : 'Pending';
  if (types.has('Failed')) s += ',Failed';
  if (str(status.certificate)) s += ',Issued';
  return s;
}

function decodeBase64(b64: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const ch of b64.replace(/[^A-Za-z0-9+/]/g, '')) {
    acc = (acc << 6) | alphabet.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  return out;
}

function validateCSR(obj: KObject): FieldError[] {
  const spec = rec(obj.spec);
  const errs: FieldError[] = [];
  const req = str(spec.request);
  if (!req) errs.push(fieldErr.required('spec.request', ''));
  else {
    const pem = decodeBase64(req);
    if (!pem.includes('-----BEGIN CERTIFICATE REQUEST-----')) errs.push(fieldErr.invalid('spec.request', req, 'PEM block type must be CERTIFICATE REQUEST'));
  }
  const signer = str(spec.signerName);
  if (!signer) errs.push(fieldErr.required('spec.signerName', ''));
  else {
    const [host, ...rest] = signer.split('/');
    if (!rest.length || !rest.join('/')) errs.push(fieldErr.invalid('spec.signerName', signer, 'must be a fully qualified domain and path of the form \'example.com/signer-name\''));
    else for (const m of isDns1123Subdomain(host!)) errs.push(fieldErr.invalid('spec.signerName', host, m));
  }
  if (isSet(spec.expirationSeconds) && num(spec.expirationSeconds) < 600) {
    errs.push(fieldErr.invalid('spec.expirationSeconds', num(spec.expirationSeconds), 'may not specify a duration less than 600 seconds (10 minutes)'));
  }
  strs(spec.usages).forEach((u, i) => {
    if (!USAGES.includes(u)) errs.push(fieldErr.notSupported(`spec.usages[${i}]`, u, USAGES));
  });
  return errs;
}

export const certificateSigningRequestDef = defineResource({
  group: 'certificates.k8s.io',
  version: 'v1',
  kind: 'CertificateSigningRequest',
  plural: 'certificatesigningrequests',
  shortNames: ['csr'],
  namespaced: false,
  subresources: ['approval', 'status'],
  hasStatus: true,
  meta: { nameFn: pathSegmentName },
  columns: [
    NAME_COLUMN,
    AGE_COLUMN,
    col('SignerName', 'string', 'CertificateSigningRequestSpec.signerName'),
    col('Requestor', 'string', 'CertificateSigningRequestSpec.request'),
    col('RequestedDuration', 'string', 'CertificateSigningRequestSpec.expirationSeconds'),
    col('Condition', 'string', 'CertificateSigningRequestStatus.conditions'),
  ],
  row(obj, ctx) {
    const spec = rec(obj.spec);
    return [
      obj.metadata.name ?? '',
      age(obj, ctx),
      str(spec.signerName) || '<none>',
      str(spec.username),
      isSet(spec.expirationSeconds) ? humanDuration(num(spec.expirationSeconds) * 1000) : '<none>',
      csrCondition(obj),
    ];
  },
  fields: (obj) => ({ ...metaFields(obj, false), 'spec.signerName': str(rec(obj.spec).signerName) }),
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    if (!isSet(spec.usages)) spec.usages = ['digital signature', 'key encipherment'];
  },
  validateSpec: validateCSR,
  prepareForCreate(obj, requester) {
    obj.status = {};
    // Who asked is recorded from the request, never from the body (the approver and the signer trust it).
    const spec = (obj.spec ??= {}) as Record<string, unknown>;
    delete spec.username;
    delete spec.uid;
    delete spec.groups;
    delete spec.extra;
    if (requester) {
      spec.username = requester.name;
      if (requester.uid) spec.uid = requester.uid;
      spec.groups = [...requester.groups];
      if (requester.extra && Object.keys(requester.extra).length) spec.extra = requester.extra;
    }
  },
  prepareForUpdate(obj, old) {
    // The spec never changes after create; conditions change through /approval and /status.
    obj.spec = old.spec;
  },
});
