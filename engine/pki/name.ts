/**
 * Distinguished names: built the way Go's crypto/x509 builds them (kubeadm,
 * the CSR signer) or the way `openssl req -subj` does, read from any certificate,
 * and printed the way OpenSSL 3 prints them ("CN = jane, O = dev").
 */
import { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName } from '@peculiar/asn1-x509';
import { ATTRIBUTE_OIDS, ATTRIBUTE_SHORT_NAMES, OID } from './oids.ts';

/** StringType is the ASN.1 string type an attribute value is written with. */
export type StringType = 'printable' | 'utf8' | 'ia5' | 'teletex' | 'bmp' | 'universal';

/** NameAttribute is one type=value pair. */
export interface NameAttribute {
  readonly oid: string;
  readonly value: string;
  readonly type: StringType;
}

/** Rdn is a RelativeDistinguishedName: usually one attribute, several when joined with "+". */
export type Rdn = readonly NameAttribute[];

/** DistinguishedName is the ordered list of RDNs of a subject or issuer. */
export type DistinguishedName = readonly Rdn[];

/** GoName mirrors the fields of Go's pkix.Name that Kubernetes uses. */
export interface GoName {
  commonName?: string;
  organization?: readonly string[];
  organizationalUnit?: readonly string[];
  country?: readonly string[];
  province?: readonly string[];
  locality?: readonly string[];
}

// Go's asn1 marshaller uses PrintableString when every character allows it, else UTF8String.
function goStringType(s: string): StringType {
  return /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(s) ? 'printable' : 'utf8';
}

/** nameFromGo builds a DN in pkix.Name.ToRDNSequence order: C, ST, L, O, OU, CN, one RDN per value. */
export function nameFromGo(n: GoName): DistinguishedName {
  const out: Rdn[] = [];
  const add = (oid: string, values: readonly string[] | undefined) => {
    for (const v of values ?? []) out.push([{ oid, value: v, type: goStringType(v) }]);
  };
  add(OID.countryName, n.country);
  add(OID.stateOrProvinceName, n.province);
  add(OID.localityName, n.locality);
  add(OID.organizationName, n.organization);
  add(OID.organizationalUnitName, n.organizationalUnit);
  if (n.commonName) add(OID.commonName, [n.commonName]);
  return out;
}

/** SubjectArgResult is a parsed `-subj` argument, or OpenSSL's complaint about it. */
export type SubjectArgResult = { name: DistinguishedName; warnings: string[] } | { error: string };

/**
 * parseSubjectArg reads `openssl req -subj "/CN=jane/O=dev"`: attributes in the
 * order given, "+" joining a multi-valued RDN, "\" escaping. Values are UTF8Strings
 * (OpenSSL 3's utf8only mask) except C, which is a PrintableString.
 */
export function parseSubjectArg(arg: string): SubjectArgResult {
  if (!arg.startsWith('/')) {
    return {
      error: `subject name is expected to be in the format /type0=value0/type1=value1/type2=... where characters may be escaped by \\. This name is not in that format: '${arg}'`,
    };
  }
  const warnings: string[] = [];
  const rdns: NameAttribute[][] = [];
  let i = 1;
  let joinNext = false;
  while (i < arg.length) {
    let type = '';
    while (i < arg.length && arg[i] !== '=') {
      if (arg[i] === '\\' && i + 1 < arg.length) i++;
      type += arg[i++];
    }
    if (i >= arg.length) return { error: `Missing '=' after RDN type string '${type}' in subject name string` };
    i++;
    let value = '';
    let sep = '';
    while (i < arg.length) {
      const c = arg[i]!;
      if (c === '\\' && i + 1 < arg.length) {
        value += arg[i + 1];
        i += 2;
        continue;
      }
      if (c === '/' || c === '+') {
        sep = c;
        i++;
        break;
      }
      value += c;
      i++;
    }
    const oid = ATTRIBUTE_OIDS[type];
    if (!oid) warnings.push(`Skipping unknown subject name attribute "${type}"`);
    else if (value === '') warnings.push(`No value provided for subject name attribute "${type}", skipped`);
    else {
      const strType: StringType = oid === OID.countryName ? 'printable' : oid === OID.emailAddress ? 'ia5' : 'utf8';
      const attr = { oid, value, type: strType };
      if (joinNext && rdns.length > 0) rdns[rdns.length - 1]!.push(attr);
      else rdns.push([attr]);
    }
    joinNext = sep === '+';
  }
  return { name: rdns, warnings };
}

const TYPE_FIELD: Record<StringType, keyof AttributeValue> = {
  printable: 'printableString',
  utf8: 'utf8String',
  ia5: 'ia5String',
  teletex: 'teletexString',
  bmp: 'bmpString',
  universal: 'universalString',
};

/** nameToAsn converts a DN to the asn1-x509 structure. */
export function nameToAsn(dn: DistinguishedName): Name {
  return new Name(
    dn.map((rdn) => new RelativeDistinguishedName(rdn.map((a) =>
      new AttributeTypeAndValue({ type: a.oid, value: new AttributeValue({ [TYPE_FIELD[a.type]]: a.value }) })))),
  );
}

/** nameFromAsn converts an asn1-x509 Name to a DN. */
export function nameFromAsn(n: Name): DistinguishedName {
  return n.map((rdn) => rdn.map((atv): NameAttribute => {
    const v = atv.value;
    for (const [t, f] of Object.entries(TYPE_FIELD) as [StringType, keyof AttributeValue][]) {
      const s = v[f];
      if (typeof s === 'string') return { oid: atv.type, value: s, type: t };
    }
    return { oid: atv.type, value: v.toString(), type: 'utf8' };
  }));
}

/** commonName returns the last CN of a DN ('' when none), as Go's pkix.Name does. */
export function commonName(dn: DistinguishedName): string {
  let cn = '';
  for (const rdn of dn) for (const a of rdn) if (a.oid === OID.commonName) cn = a.value;
  return cn;
}

/** organizations returns every O value in order (the groups of a Kubernetes client certificate). */
export function organizations(dn: DistinguishedName): string[] {
  return dn.flatMap((rdn) => rdn.filter((a) => a.oid === OID.organizationName).map((a) => a.value));
}

/** attributeName is OpenSSL's short name for an attribute type, or its dotted OID. */
export function attributeName(oid: string): string {
  return ATTRIBUTE_SHORT_NAMES[oid] ?? oid;
}

const encoder = new TextEncoder();

// OpenSSL's default -nameopt (oneline: RFC 2253 escapes with quoting, MSB and control bytes as \XX).
function escapeValue(v: string): string {
  let out = '';
  let quote = false;
  const bytes = encoder.encode(v);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const c = String.fromCharCode(b);
    if (b >= 0x80 || b < 0x20 || b === 0x7f) out += '\\' + b.toString(16).toUpperCase().padStart(2, '0');
    else if (c === '"' || c === '\\') out += '\\' + c;
    else {
      if (',+;<>'.includes(c)) quote = true;
      if (i === 0 && (c === '#' || c === ' ')) quote = true;
      if (i === bytes.length - 1 && c === ' ') quote = true;
      out += c;
    }
  }
  return quote ? `"${out}"` : out;
}

/** formatName prints a DN as `openssl x509 -subject` does by default: "O = kubeadm:cluster-admins, CN = kubernetes-admin". */
export function formatName(dn: DistinguishedName): string {
  return dn.map((rdn) => rdn.map((a) => `${attributeName(a.oid)} = ${escapeValue(a.value)}`).join(' + ')).join(', ');
}

/** formatNameSlashed prints a DN in OpenSSL's legacy "/CN=jane/O=dev" form (-nameopt compat). */
export function formatNameSlashed(dn: DistinguishedName): string {
  return dn.map((rdn) => '/' + rdn.map((a) => `${attributeName(a.oid)}=${a.value}`).join('+')).join('');
}
