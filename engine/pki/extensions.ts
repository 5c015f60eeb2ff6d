/**
 * The X.509 v3 extensions Kubernetes and OpenSSL put in certificates, as plain
 * objects: encoded through @peculiar/asn1-x509 (byte-identical to Go's
 * crypto/x509 output) and decoded from any certificate or CSR.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier, BasicConstraints, ExtendedKeyUsage, KeyIdentifier, KeyUsage, SubjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { expect, oid as oidDer, readAll, readOid, readSequence, readTlv, sequence, TAG, tlv } from './der.ts';
import { OID } from './oids.ts';

/** KEY_USAGES lists key usage bits in bit order (RFC 5280 §4.2.1.3). */
export const KEY_USAGES = [
  'digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement',
  'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly',
] as const;

/** KeyUsageName is one key usage bit. */
export type KeyUsageName = (typeof KEY_USAGES)[number];

/** GeneralName is one subjectAltName entry. */
export type GeneralName =
  | { type: 'dns'; value: string }
  | { type: 'ip'; bytes: Uint8Array }
  | { type: 'email'; value: string }
  | { type: 'uri'; value: string };

/** CertExtension is one decoded extension; unknown ones keep their raw value. */
export type CertExtension =
  | { kind: 'basicConstraints'; critical: boolean; ca: boolean; pathLen?: number }
  | { kind: 'keyUsage'; critical: boolean; usages: KeyUsageName[] }
  | { kind: 'extKeyUsage'; critical: boolean; usages: string[] }
  | { kind: 'subjectAltName'; critical: boolean; names: GeneralName[] }
  | { kind: 'subjectKeyIdentifier'; critical: boolean; keyId: Uint8Array }
  | { kind: 'authorityKeyIdentifier'; critical: boolean; keyId?: Uint8Array }
  | { kind: 'unknown'; oid: string; critical: boolean; value: Uint8Array };

/** RawExtension is an extension as it sits in the certificate. */
export interface RawExtension {
  oid: string;
  critical: boolean;
  value: Uint8Array;
}

const u8 = (b: ArrayBuffer) => new Uint8Array(b);

function encodeGeneralNames(names: readonly GeneralName[]): Uint8Array {
  const enc = new TextEncoder();
  return sequence(...names.map((n) => {
    switch (n.type) {
      case 'email': return tlv(0x81, enc.encode(n.value));
      case 'dns': return tlv(0x82, enc.encode(n.value));
      case 'uri': return tlv(0x86, enc.encode(n.value));
      case 'ip': return tlv(0x87, n.bytes);
    }
  }));
}

function decodeGeneralNames(der: Uint8Array): GeneralName[] {
  const dec = new TextDecoder();
  const out: GeneralName[] = [];
  for (const t of readSequence(der)) {
    if (t.tag === 0x81) out.push({ type: 'email', value: dec.decode(t.value) });
    else if (t.tag === 0x82) out.push({ type: 'dns', value: dec.decode(t.value) });
    else if (t.tag === 0x86) out.push({ type: 'uri', value: dec.decode(t.value) });
    else if (t.tag === 0x87) out.push({ type: 'ip', bytes: t.value.slice() });
  }
  return out;
}

/** encodeExtension turns an extension into its OID, criticality and DER value. */
export function encodeExtension(e: CertExtension): RawExtension {
  switch (e.kind) {
    case 'basicConstraints': {
      const bc = new BasicConstraints({ cA: e.ca });
      if (e.pathLen !== undefined) bc.pathLenConstraint = e.pathLen;
      return { oid: OID.basicConstraints, critical: e.critical, value: u8(AsnConvert.serialize(bc)) };
    }
    case 'keyUsage': {
      let flags = 0;
      for (const u of e.usages) flags |= 1 << KEY_USAGES.indexOf(u);
      return { oid: OID.keyUsage, critical: e.critical, value: u8(AsnConvert.serialize(new KeyUsage(flags))) };
    }
    case 'extKeyUsage':
      return { oid: OID.extKeyUsage, critical: e.critical, value: u8(AsnConvert.serialize(new ExtendedKeyUsage(e.usages))) };
    case 'subjectAltName':
      return { oid: OID.subjectAltName, critical: e.critical, value: encodeGeneralNames(e.names) };
    case 'subjectKeyIdentifier':
      return { oid: OID.subjectKeyIdentifier, critical: e.critical, value: u8(AsnConvert.serialize(new SubjectKeyIdentifier(e.keyId))) };
    case 'authorityKeyIdentifier': {
      const aki = new AuthorityKeyIdentifier(e.keyId ? { keyIdentifier: new KeyIdentifier(e.keyId) } : {});
      return { oid: OID.authorityKeyIdentifier, critical: e.critical, value: u8(AsnConvert.serialize(aki)) };
    }
    case 'unknown':
      return { oid: e.oid, critical: e.critical, value: e.value };
  }
}

function decodeKeyUsage(der: Uint8Array): KeyUsageName[] {
  const v = expect(readTlv(der), TAG.BIT_STRING).value;
  const out: KeyUsageName[] = [];
  KEY_USAGES.forEach((name, bit) => {
    const byte = v[1 + (bit >> 3)];
    if (byte !== undefined && byte & (0x80 >> (bit & 7))) out.push(name);
  });
  return out;
}

/** decodeExtension reads a raw extension into its typed form (unknown or malformed ones stay raw). */
export function decodeExtension(r: RawExtension): CertExtension {
  const { critical, value } = r;
  try {
    switch (r.oid) {
      case OID.basicConstraints: {
        const bc = AsnConvert.parse(value, BasicConstraints);
        return bc.pathLenConstraint === undefined
          ? { kind: 'basicConstraints', critical, ca: bc.cA }
          : { kind: 'basicConstraints', critical, ca: bc.cA, pathLen: bc.pathLenConstraint };
      }
      case OID.keyUsage:
        return { kind: 'keyUsage', critical, usages: decodeKeyUsage(value) };
      case OID.extKeyUsage:
        return { kind: 'extKeyUsage', critical, usages: [...AsnConvert.parse(value, ExtendedKeyUsage)] };
      case OID.subjectAltName:
        return { kind: 'subjectAltName', critical, names: decodeGeneralNames(value) };
      case OID.subjectKeyIdentifier:
        return { kind: 'subjectKeyIdentifier', critical, keyId: expect(readTlv(value), TAG.OCTET_STRING).value.slice() };
      case OID.authorityKeyIdentifier: {
        const keyId = readSequence(value).find((t) => t.tag === 0x80)?.value.slice();
        return keyId ? { kind: 'authorityKeyIdentifier', critical, keyId } : { kind: 'authorityKeyIdentifier', critical };
      }
    }
  } catch {
    // fall through: keep the bytes
  }
  return { kind: 'unknown', oid: r.oid, critical, value };
}

/** encodeExtensions is the DER of an Extensions SEQUENCE. */
export function encodeExtensionsDer(exts: readonly CertExtension[]): Uint8Array {
  return sequence(...exts.map((e) => {
    const r = encodeExtension(e);
    const parts = [oidDer(r.oid)];
    if (r.critical) parts.push(Uint8Array.of(0x01, 0x01, 0xff));
    parts.push(tlv(TAG.OCTET_STRING, r.value));
    return sequence(...parts);
  }));
}

/** decodeExtensionsDer reads an Extensions SEQUENCE. */
export function decodeExtensionsDer(der: Uint8Array): CertExtension[] {
  return readSequence(der).map((t) => {
    const f = readAll(expect(t, TAG.SEQUENCE).value);
    const oidT = expect(f[0], TAG.OID);
    const critical = f.length === 3 && f[1]!.tag === TAG.BOOLEAN && f[1]!.value[0] !== 0;
    const value = expect(f[f.length - 1], TAG.OCTET_STRING).value.slice();
    return decodeExtension({ oid: readOid(oidT), critical, value });
  });
}


/** ipToBytes parses a dotted IPv4 or an IPv6 address (with "::"); undefined when malformed. */
export function ipToBytes(ip: string): Uint8Array | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) {
    const p = ip.split('.').map(Number);
    return p.every((x) => x <= 255) ? Uint8Array.from(p) : undefined;
  }
  if (!/^[0-9a-fA-F:]+$/.test(ip) || !ip.includes(':')) return undefined;
  const halves = ip.split('::');
  if (halves.length > 2) return undefined;
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const fill = 8 - head.length - tail.length;
  if ((halves.length === 1 && fill !== 0) || fill < 0) return undefined;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? fill : 0).fill(0), ...tail];
  if (groups.some((g) => Number.isNaN(g) || g > 0xffff)) return undefined;
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    out[2 * i] = g >> 8;
    out[2 * i + 1] = g & 0xff;
  });
  return out;
}

/** ipToString renders address bytes as Go's net.IP.String does (IPv6 compressed, lower case). */
export function ipToString(b: Uint8Array): string {
  if (b.length === 4) return Array.from(b).join('.');
  if (b.length !== 16) return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  const g: number[] = [];
  for (let i = 0; i < 16; i += 2) g.push((b[i]! << 8) | b[i + 1]!);
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  const hex = (a: number[]) => a.map((x) => x.toString(16)).join(':');
  if (best < 0) return hex(g);
  return `${hex(g.slice(0, best))}::${hex(g.slice(best + bestLen))}`;
}
