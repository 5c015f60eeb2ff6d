/** Object identifiers used by the PKI code, with the short and long names OpenSSL prints. */

export const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha1WithRSAEncryption: '1.2.840.113549.1.1.5',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  sha384WithRSAEncryption: '1.2.840.113549.1.1.12',
  sha512WithRSAEncryption: '1.2.840.113549.1.1.13',
  sha224WithRSAEncryption: '1.2.840.113549.1.1.14',
  ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
  extensionRequest: '1.2.840.113549.1.9.14',
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  countryName: '2.5.4.6',
  localityName: '2.5.4.7',
  stateOrProvinceName: '2.5.4.8',
  streetAddress: '2.5.4.9',
  organizationName: '2.5.4.10',
  organizationalUnitName: '2.5.4.11',
  postalCode: '2.5.4.17',
  emailAddress: '1.2.840.113549.1.9.1',
  domainComponent: '0.9.2342.19200300.100.1.25',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  extKeyUsage: '2.5.29.37',
  authorityKeyIdentifier: '2.5.29.35',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  OCSPSigning: '1.3.6.1.5.5.7.3.9',
} as const;

/** ATTRIBUTE_SHORT_NAMES maps DN attribute OIDs to OpenSSL's short names (CN, O, OU…). */
export const ATTRIBUTE_SHORT_NAMES: Record<string, string> = {
  [OID.commonName]: 'CN',
  [OID.serialNumber]: 'serialNumber',
  [OID.countryName]: 'C',
  [OID.localityName]: 'L',
  [OID.stateOrProvinceName]: 'ST',
  [OID.streetAddress]: 'street',
  [OID.organizationName]: 'O',
  [OID.organizationalUnitName]: 'OU',
  [OID.postalCode]: 'postalCode',
  [OID.emailAddress]: 'emailAddress',
  [OID.domainComponent]: 'DC',
};

/** ATTRIBUTE_OIDS maps the short names accepted by `openssl req -subj` back to OIDs. */
export const ATTRIBUTE_OIDS: Record<string, string> = Object.fromEntries(
  Object.entries(ATTRIBUTE_SHORT_NAMES).map(([o, s]) => [s, o]),
);

/** SIGNATURE_ALGORITHMS maps signature OIDs to OpenSSL's long name and the digest they use. */
export const SIGNATURE_ALGORITHMS: Record<string, { name: string; hash: 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512' }> = {
  [OID.sha1WithRSAEncryption]: { name: 'sha1WithRSAEncryption', hash: 'sha1' },
  [OID.sha224WithRSAEncryption]: { name: 'sha224WithRSAEncryption', hash: 'sha224' },
  [OID.sha256WithRSAEncryption]: { name: 'sha256WithRSAEncryption', hash: 'sha256' },
  [OID.sha384WithRSAEncryption]: { name: 'sha384WithRSAEncryption', hash: 'sha384' },
  [OID.sha512WithRSAEncryption]: { name: 'sha512WithRSAEncryption', hash: 'sha512' },
};

/** EKU_NAMES maps extended key usage OIDs to the text `openssl x509 -text` prints. */
export const EKU_NAMES: Record<string, string> = {
  [OID.serverAuth]: 'TLS Web Server Authentication',
  [OID.clientAuth]: 'TLS Web Client Authentication',
  [OID.codeSigning]: 'Code Signing',
  [OID.emailProtection]: 'E-mail Protection',
  [OID.timeStamping]: 'Time Stamping',
  [OID.OCSPSigning]: 'OCSP Signing',
};
