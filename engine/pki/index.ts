/**
 * The cluster PKI: RSA keys, X.509 certificates, CSRs, kubeadm's PKI layout,
 * ServiceAccount JWTs and OpenSSL's text output. Everything is synchronous and
 * deterministic (randomness only from the engine's Rand). See README.md.
 */
export { concatBytes, fromHex, toHex } from './bytes.ts';
export { decodePem, decodePemAll, encodePem, type PemBlock } from './pem.ts';
export { type HashName } from './hash.ts';
export { isPrivate, publicOf, rsaKeyFromPrimes, rsaSign, rsaVerify, type RsaPrivateKey, type RsaPublicKey } from './rsa.ts';
export { generateRsaKey } from './rsa-keygen.ts';
export { KeyPool, poolKey } from './key-pool.ts';
export {
  encodeSpki, isDer, KeyParseError, parsePrivateKeyPem, parsePublicKeyPem, privateKeyToPem, publicKeyToPem,
} from './keys.ts';
export { type EcPublicKey, type PublicKey } from './public-key.ts';
export { OID } from './oids.ts';
export {
  commonName, formatName, formatNameSlashed, nameFromGo, organizations, parseSubjectArg,
  type DistinguishedName, type GoName, type NameAttribute, type SubjectArgResult,
} from './name.ts';
export { ipToBytes, ipToString, type CertExtension, type GeneralName, type KeyUsageName } from './extensions.ts';
export {
  CertificateParseError, certificateToPem, parseCertificateDer, parseCertificatePem, parseCertificatesPem,
  type Certificate,
} from './certificate.ts';
export { goTemplate, signCertificate, subjectKeyIdFor, type CertificateTemplate, type GoCertOptions, type Issuer } from './create.ts';
export { hostnameError, verifyServerCertificate } from './server-verify.ts';
export {
  checkValidity, clientCertVerifier, issuedBy, verifyAgainstRoots, verifyCertificateSignature,
  type ChainResult, type ClientCertVerifier, type Validity,
} from './verify.ts';
export { createCsr, csrToPem, CsrParseError, parseCsrDer, parseCsrPem, verifyCsr, type CertificateRequest, type CsrOptions } from './csr.ts';
export { DEFAULT_SIGNING_DURATION_MS, goNameOf, signCsr, signerIssue, type SignerOptions } from './csr-signer.ts';
export { kubeadmSerial, opensslSerial, signerSerial } from './serial.ts';
export { kubeconfigYaml, type KubeconfigSpec } from './kubeconfig.ts';
export {
  CA_SPECS, CA_VALIDITY_MS, CERT_BACKDATE_MS, CERT_VALIDITY_MS, KUBECONFIG_SPECS, LEAF_SPECS,
  type ClusterSettings,
} from './kubeadm-specs.ts';
export { issued, newKubeadmCA, newKubeadmLeaf, renewCertificate, type IssuedCert, type LeafConfig } from './kubeadm-certs.ts';
export { kubeletClientFileName, kubeletServingCert, type KubeletServing } from './kubelet-certs.ts';
export {
  createKubeadmPki, type KubeadmPki, type KubeadmPkiOptions, type KubeconfigCredentials, type KubeletCredentials,
  type PkiFile,
} from './kubeadm-pki.ts';
export {
  CERT_FILES, checkExpirationTable, expirationInfo, kubeadmDate, shortHumanDuration,
  type ExpirationEntry, type ExpirationInfo,
} from './expiration.ts';
export { base64url, decodeJwt, keyId, signJwt, verifyJwtSignature, type DecodedJwt, type JwtClaims } from './jwt.ts';
export {
  boundTokenClaims, DEFAULT_ISSUER, issueServiceAccountToken, LEGACY_ISSUER, legacyTokenClaims,
  ServiceAccountTokenVerifier, WARN_ONLY_SECONDS,
  type BoundTokenOptions, type ServiceAccountIdentity, type TokenCheck,
} from './sa-token.ts';
export { opensslTime, reqText, x509Text } from './openssl-text.ts';
export {
  checkEnd, endDateLine, extText, fingerprintLine, issuerLine, modulusLine, serialLine, startDateLine, subjectLine,
} from './openssl-fields.ts';
export { clearPresigned, collectSignatures, exportPresigned, loadPresigned, presign } from './presign.ts';
export { createKubeadmPkiSignedAhead } from './kubeadm-pki-ahead.ts';
