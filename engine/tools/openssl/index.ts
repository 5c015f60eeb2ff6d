/** openssl: the OpenSSL 3.0 command line over engine/pki. See README.md. */
export { OPENSSL, runOpenssl } from './program.ts';
