import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../api/types.ts';
import { describeCertificateSigningRequest } from './certificates.ts';
import type { DescribeContext } from './types.ts';

// Made by `openssl req -new -subj "/CN=web/O=a/O=b/OU=x/C=US/ST=CA/L=SF"
// -addext "subjectAltName=DNS:web.local,DNS:web2,IP:10.0.0.1,email:a@b.c,URI:spiffe://x/y"`.
const REQUEST = '-----BEGIN CERTIFICATE REQUEST-----\nMIIC5jCCAc4CAQAwWTEMMAoGA1UEAwwDd2ViMQowCAYDVQQKDAFhMQowCAYDVQQK\nDAFiMQowCAYDVQQLDAF4MQswCQYDVQQGEwJVUzELMAkGA1UECAwCQ0ExCzAJBgNV\nBAcMAlNGMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu3utSYqVIMRP\nmSPSbH4zF8E668bfnDH5Elvaj8Senz5ZL8a/2Zfm99zHrCxp4O/91Tl7UJjLnLY0\nwGVCqtyqzfaKRsITtl4MeiI5p6MvHuZdXZop4llGhk0wY+YK3UCS8SErdsBO8DYh\nMgim+s+V4/VSrX+WGf/LzZzfG6HeWEPeXolAYF3G+wNzN+L9vYYtUuswbDHG5End\nKPZARzEmQTi4TfWp7Z5zUF2ieI1JQDpaUNR4nNU9nx75wrYWiPc+7ohvaHEjjVfK\nGtEKKtFXQqGnXiI3uo6FpmXUvYRLjpQwUu+3NRcXkcwNcjao83FtvOL1j+MBhzXn\nOnpq1ZvPHQIDAQABoEgwRgYJKoZIhvcNAQkOMTkwNzA1BgNVHREELjAsggl3ZWIu\nbG9jYWyCBHdlYjKHBAoAAAGBBWFAYi5jhgxzcGlmZmU6Ly94L3kwDQYJKoZIhvcN\nAQELBQADggEBALMayMoN1QNCPQDBLfld96ltchaYie8EejI63ZT/zOkV8cIyREDn\nCpYX+/wDg8qa+cBq/Pa4XAYNtTV5YYOajkxXOHwKndSRcIcdZKqQDuk9ezO9A+MF\n0SRVOyxNMT3FnRbbi5s7OxEI31Zr85k2YjHfpZaGg2P73uBW4mtfytHBV3/0VUlD\nLuOa+4xjqEF1dQPHQiXNesfVbXRYTc8Ren2TYnoepgHBC66kCOoyxk5imAQt3AvH\nOOCne3bqmXzfr1y8yFOSTRLY0jt37TWAWiU28mgSDCa3Q3tQ/UK2BkwYHEv2mKIS\nCHY5aCUpFI5GlJTebGF+nQOQ4kE2kSCFrv0=\n-----END CERTIFICATE REQUEST-----\n';

// What kubectl 1.33 printed for `kubectl describe csr web` on this object.
const WANT = 'Name:                web\nLabels:              app=web\nAnnotations:         <none>\nCreationTimestamp:   Mon, 05 Jan 2026 09:05:25 +0000\nRequesting User:     kubernetes-admin\nSigner:              example.com/serving\nRequested Duration:  10m\nStatus:              Pending\nSubject:\n  Common Name:          web\n  Serial Number:        \n  Organization:         a\n                        b\n  Organizational Unit:  x\n  Country:              US\n  Locality:             SF\n  Province:             CA\nSubject Alternative Names:\n         DNS Names:        web.local\n                           web2\n         Email Addresses:  a@b.c\n         URIs:             spiffe://x/y\n         IP Addresses:     10.0.0.1\nEvents:  <none>\n';

const ctx = { showEvents: true, now: 0, events: () => [] } as unknown as DescribeContext;

describe('describe certificatesigningrequest', () => {
  it('prints the decoded subject and alternative names as kubectl does', () => {
    const csr = {
      apiVersion: 'certificates.k8s.io/v1',
      kind: 'CertificateSigningRequest',
      metadata: { name: 'web', labels: { app: 'web' }, creationTimestamp: '2026-01-05T09:05:25Z' },
      spec: { request: btoa(REQUEST), signerName: 'example.com/serving', expirationSeconds: 600, usages: ['server auth'], username: 'kubernetes-admin' },
    } as unknown as KObject;
    expect(describeCertificateSigningRequest(csr, ctx)).toBe(WANT);
  });

  it('refuses a request that does not start with a CERTIFICATE REQUEST block, as certificates.ParseCSR does', () => {
    const csr = { apiVersion: 'certificates.k8s.io/v1', kind: 'CertificateSigningRequest', metadata: { name: 'x' }, spec: { request: btoa('hello') } } as unknown as KObject;
    expect(() => describeCertificateSigningRequest(csr, ctx)).toThrow('Error parsing CSR: PEM block type must be CERTIFICATE REQUEST');
  });
});
