/**
 * checkServerCertificate is the client half of a TLS handshake: it answers
 * why a server certificate is not trusted for serverName at time now (Go's
 * x509 texts: "x509: certificate signed by unknown authority", "x509:
 * certificate is valid for …, not …", "x509: certificate has expired or is not
 * yet valid: …"), or undefined when it is.
 */
export function checkServerCertificate(serverCertPem: string, caPem: string | undefined, serverName: string, now: number): string | undefined {
  if (!caPem) return 'x509: certificate signed by unknown authority';
  return verifier(serverCertPem, caPem, serverName, now);
}

type Verifier = (serverCertPem: string, caPem: string, serverName: string, now: number) => string | undefined;

let verifier: Verifier = () => undefined;

/** setServerCertificateVerifier installs the PKI-backed verifier (engine/pki), keeping engine/host free of crypto. */
export function setServerCertificateVerifier(v: Verifier): void {
  verifier = v;
}
