/** Debian version ordering (deb-version(7)): epoch:upstream-revision, with "~" sorting before everything. */

function order(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c === '~') return -1;
  if (/[0-9]/.test(c)) return 0;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  return c.charCodeAt(0) + 256;
}

function cmpPart(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let diff = 0;
    while ((i < a.length && !/[0-9]/.test(a[i]!)) || (j < b.length && !/[0-9]/.test(b[j]!))) {
      const ac = order(a[i]);
      const bc = order(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (i < a.length && /[0-9]/.test(a[i]!) && j < b.length && /[0-9]/.test(b[j]!)) {
      if (diff === 0) diff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < a.length && /[0-9]/.test(a[i]!)) return 1;
    if (j < b.length && /[0-9]/.test(b[j]!)) return -1;
    if (diff) return diff;
  }
  return 0;
}

function split(v: string): [number, string, string] {
  const colon = v.indexOf(':');
  const epoch = colon > 0 ? Number(v.slice(0, colon)) : 0;
  const rest = colon > 0 ? v.slice(colon + 1) : v;
  const dash = rest.lastIndexOf('-');
  return dash > 0 ? [epoch, rest.slice(0, dash), rest.slice(dash + 1)] : [epoch, rest, ''];
}

/** compareVersions orders two Debian versions (negative, 0, positive), as dpkg --compare-versions. */
export function compareVersions(a: string, b: string): number {
  const [ea, ua, ra] = split(a);
  const [eb, ub, rb] = split(b);
  if (ea !== eb) return ea - eb;
  return cmpPart(ua, ub) || cmpPart(ra, rb);
}

/** satisfies checks a version against a Depends relation ("(>= 1.30.0)"). */
export function satisfies(version: string, op: string | undefined, want: string | undefined): boolean {
  if (!op || want === undefined) return true;
  const c = compareVersions(version, want);
  switch (op) {
    case '>=': return c >= 0;
    case '<=': return c <= 0;
    case '>>': return c > 0;
    case '<<': return c < 0;
    case '=': return c === 0;
    default: return true;
  }
}

/** upstreamOf strips epoch and Debian revision: "1.34.3-1.1" → "1.34.3". */
export function upstreamOf(v: string): string {
  return split(v)[1];
}
