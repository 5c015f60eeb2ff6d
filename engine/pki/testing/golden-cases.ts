/** The OpenSSL invocations the golden files record, shared by the recorder and the tests. */

/** X509_ARGS are the `openssl x509 -in <file> …` argument lists recorded per certificate. */
export const X509_ARGS: string[][] = [
  ['-noout', '-text'],
  ['-noout', '-subject'],
  ['-noout', '-issuer'],
  ['-noout', '-dates'],
  ['-noout', '-enddate'],
  ['-noout', '-startdate'],
  ['-noout', '-serial'],
  ['-noout', '-fingerprint'],
  ['-noout', '-fingerprint', '-sha256'],
  ['-noout', '-modulus'],
  ['-noout', '-ext', 'subjectAltName,keyUsage,extendedKeyUsage,basicConstraints,subjectKeyIdentifier,authorityKeyIdentifier'],
];

/** REQ_ARGS are the `openssl req -in <file> …` argument lists recorded per request. */
export const REQ_ARGS: string[][] = [
  ['-noout', '-text'],
  ['-noout', '-subject'],
  ['-noout', '-verify'],
];

/** SUBJECTS are `-subj` arguments whose printed form tests escaping and errors. */
export const SUBJECTS: string[] = [
  '/CN=jane/O=dev',
  '/O=system:masters/CN=admin',
  '/CN=a, b/O=x;y/OU=<tag>',
  '/CN=q"uote/O=back\\\\slash',
  '/CN= lead/O=trail /OU=#hash',
  '/CN=a\\/b/O=plus\\+sign',
  '/CN=multi+OU=valued/O=dev',
  '/C=DE/ST=Berlin/L=Berlin/O=acme/OU=ops/CN=jane/emailAddress=jane@example.com',
  '/CN=empty/O=',
  '/XX=unknown/CN=ok',
  'CN=noslash',
  '/CN',
];
