import { ipToBytes, OID, type CertExtension, type GeneralName, type KeyUsageName } from '../../pki/index.ts';

/**
 * The x509v3_config(5) lines the lab understands in -extfile and -addext:
 * subjectAltName, keyUsage, extendedKeyUsage, basicConstraints,
 * subjectKeyIdentifier and authorityKeyIdentifier.
 */

const KU: Record<string, KeyUsageName> = {
  digitalSignature: 'digitalSignature', nonRepudiation: 'nonRepudiation', keyEncipherment: 'keyEncipherment',
  dataEncipherment: 'dataEncipherment', keyAgreement: 'keyAgreement', keyCertSign: 'keyCertSign', cRLSign: 'cRLSign',
  encipherOnly: 'encipherOnly', decipherOnly: 'decipherOnly',
};
const EKU: Record<string, string> = {
  serverAuth: OID.serverAuth, clientAuth: OID.clientAuth, codeSigning: '1.3.6.1.5.5.7.3.3', emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8', OCSPSigning: '1.3.6.1.5.5.7.3.9',
};

/** ExtLine is one parsed "name = value" line. */
export type ExtLine = { ext?: CertExtension; ski?: boolean; aki?: boolean; error?: string };

/** parseExtLine reads one extension line; errors use OpenSSL's wording. */
export function parseExtLine(name: string, value: string): ExtLine {
  const parts = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const critical = parts[0] === 'critical';
  const items = critical ? parts.slice(1) : parts;
  switch (name) {
    case 'subjectAltName': {
      const names: GeneralName[] = [];
      for (const it of items) {
        const [t, ...rest] = it.split(':');
        const v = rest.join(':');
        if (t === 'DNS') names.push({ type: 'dns', value: v });
        else if (t === 'IP') {
          const bytes = ipToBytes(v);
          if (!bytes) return { error: `Error in extension\nname=subjectAltName, value=${value}` };
          names.push({ type: 'ip', bytes });
        } else if (t === 'email') names.push({ type: 'email', value: v });
        else if (t === 'URI') names.push({ type: 'uri', value: v });
        else return { error: `Error in extension\nname=subjectAltName, value=${value}` };
      }
      return { ext: { kind: 'subjectAltName', critical, names } };
    }
    case 'keyUsage': {
      const usages: KeyUsageName[] = [];
      for (const it of items) {
        const u = KU[it];
        if (!u) return { error: `Error in extension\nname=keyUsage, value=${value}` };
        usages.push(u);
      }
      return { ext: { kind: 'keyUsage', critical, usages } };
    }
    case 'extendedKeyUsage': {
      const usages: string[] = [];
      for (const it of items) usages.push(EKU[it] ?? it);
      return { ext: { kind: 'extKeyUsage', critical, usages } };
    }
    case 'basicConstraints': {
      const ca = items.some((i) => /^CA:true$/i.test(i));
      const pl = items.find((i) => /^pathlen:\d+$/i.test(i));
      return { ext: { kind: 'basicConstraints', critical, ca, pathLen: pl ? Number(pl.split(':')[1]) : undefined } };
    }
    case 'subjectKeyIdentifier':
      return { ski: value !== 'none' };
    case 'authorityKeyIdentifier':
      return { aki: value !== 'none' };
    default:
      return { error: `Error in extension\nname=${name}, value=${value}` };
  }
}

/** parseExtFile reads an -extfile: the named section, or the unnamed top of the file when no -extensions is given. */
export function parseExtFile(text: string, section?: string): { lines: Array<[string, string]>; error?: string } {
  const lines: Array<[string, string]> = [];
  let current = '';
  let found = section === undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const sec = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (sec) {
      current = sec[1]!;
      if (current === section) found = true;
      continue;
    }
    if ((section === undefined && current !== '') || (section !== undefined && current !== section)) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    lines.push([line.slice(0, eq).trim(), line.slice(eq + 1).trim()]);
  }
  return found ? { lines } : { lines, error: `Error checking extension section ${section}` };
}
