import type { KObject } from '../../../../api/types.ts';
import { csrCondition } from '../../../../api/resources/certificates/certificatesigningrequest.ts';
import { decodePemAll, OID, parseCsrPem, type CertificateRequest } from '../../../../pki/index.ts';
import { formatLabels } from '../../printers/table.ts';
import { describeEvents } from './events.ts';
import type { DescribeContext } from './types.ts';
import { PrefixWriter, humanDuration, rfc1123z } from './writer.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- objects are read loosely */
type Any = any;

/** subjectValues is one attribute of the subject in order, as Go's pkix.Name.FillFromRDNSequence collects it. */
function subjectValues(cr: CertificateRequest, oid: string): string[] {
  return cr.subject.flatMap((rdn) => rdn.filter((a) => a.oid === oid).map((a) => a.value));
}

/** sanValues reads one kind of name from the request's subjectAltName extension. */
function sanValues(cr: CertificateRequest, type: 'email' | 'uri'): string[] {
  const out: string[] = [];
  for (const e of cr.extensions) if (e.kind === 'subjectAltName') for (const n of e.names) if (n.type === type) out.push(n.value);
  return out;
}

/** describeCertificateSigningRequest is CertificateSigningRequestDescriber: the decoded subject and SANs instead of the raw request. */
export function describeCertificateSigningRequest(o: KObject, d: DescribeContext): string {
  const csr = o as Any;
  const spec = csr.spec ?? {};
  const pem = atob(spec.request ?? '');
  // certificates.ParseCSR reads the first PEM block only.
  if (decodePemAll(pem)[0]?.label !== 'CERTIFICATE REQUEST') throw new Error('Error parsing CSR: PEM block type must be CERTIFICATE REQUEST');
  let cr: CertificateRequest;
  try {
    cr = parseCsrPem(pem);
  } catch (e) {
    throw new Error(`Error parsing CSR: ${(e as Error).message}`);
  }
  const w = new PrefixWriter();
  // A list prints its first value after the name and the others on their own lines under it.
  const list = (name: string, values: string[]) => {
    if (values.length) w.write(0, `\t${name}:\t${values.join('\n\t\t')}\n`);
  };
  w.write(0, `Name:\t${o.metadata.name}\n`);
  w.write(0, `Labels:\t${formatLabels(o.metadata.labels)}\n`);
  w.write(0, `Annotations:\t${formatLabels(o.metadata.annotations)}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(o.metadata.creationTimestamp)}\n`);
  w.write(0, `Requesting User:\t${spec.username ?? ''}\n`);
  if (spec.signerName) w.write(0, `Signer:\t${spec.signerName}\n`);
  if (spec.expirationSeconds != null) w.write(0, `Requested Duration:\t${humanDuration(spec.expirationSeconds * 1000)}\n`);
  w.write(0, `Status:\t${csrCondition(o)}\n`);
  w.write(0, 'Subject:\n');
  const cn = subjectValues(cr, OID.commonName);
  const serial = subjectValues(cr, OID.serialNumber);
  w.write(0, `\tCommon Name:\t${cn[cn.length - 1] ?? ''}\n`);
  w.write(0, `\tSerial Number:\t${serial[serial.length - 1] ?? ''}\n`);
  list('Organization', subjectValues(cr, OID.organizationName));
  list('Organizational Unit', subjectValues(cr, OID.organizationalUnitName));
  list('Country', subjectValues(cr, OID.countryName));
  list('Locality', subjectValues(cr, OID.localityName));
  list('Province', subjectValues(cr, OID.stateOrProvinceName));
  list('StreetAddress', subjectValues(cr, OID.streetAddress));
  list('PostalCode', subjectValues(cr, OID.postalCode));
  const emails = sanValues(cr, 'email');
  const uris = sanValues(cr, 'uri');
  if (cr.dnsNames.length + emails.length + cr.ipAddresses.length + uris.length > 0) {
    w.write(0, 'Subject Alternative Names:\n');
    list('DNS Names', [...cr.dnsNames]);
    list('Email Addresses', emails);
    list('URIs', uris);
    list('IP Addresses', [...cr.ipAddresses]);
  }
  if (d.showEvents) describeEvents(w, d.events(o, 'CertificateSigningRequest'), d.now);
  return w.text();
}
