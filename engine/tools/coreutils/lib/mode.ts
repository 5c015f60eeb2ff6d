/**
 * parseMode applies a chmod mode (octal, or symbolic like u+x,g-w,o=r,a+rw)
 * to the current bits. isDir allows X. Returns undefined when invalid.
 */
export function parseMode(spec: string, current: number, isDir: boolean, umask = 0o022): number | undefined {
  if (/^[0-7]{1,4}$/.test(spec)) {
    const v = parseInt(spec, 8);
    return spec.length <= 3 && isDir ? (current & 0o6000) | v : v;
  }
  let mode = current;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)([-+=][rwxXstugo]*)+$/.exec(clause);
    if (!m) return undefined;
    const who = m[1] || '';
    const masks = who === '' ? { u: true, g: true, o: true, implicit: true } : { u: /[ua]/.test(who), g: /[ga]/.test(who), o: /[oa]/.test(who), implicit: false };
    const ops = clause.slice(who.length).match(/[-+=][rwxXstugo]*/g) ?? [];
    for (const op of ops) {
      const sign = op[0];
      const perms = op.slice(1);
      let bits = 0;
      for (const c of perms) {
        if (c === 'r') bits |= 0o444;
        else if (c === 'w') bits |= 0o222;
        else if (c === 'x') bits |= 0o111;
        else if (c === 'X') bits |= isDir || (mode & 0o111) !== 0 ? 0o111 : 0;
        else if (c === 's') bits |= 0o6000;
        else if (c === 't') bits |= 0o1000;
        else {
          const src = c === 'u' ? (mode >> 6) & 7 : c === 'g' ? (mode >> 3) & 7 : mode & 7;
          bits |= (src << 6) | (src << 3) | src;
        }
      }
      let mask = 0;
      if (masks.u) mask |= 0o4700;
      if (masks.g) mask |= 0o2070;
      if (masks.o) mask |= 0o1007;
      let eff = bits & mask;
      if (masks.implicit) eff &= ~umask | 0o7000;
      if (sign === '+') mode |= eff;
      else if (sign === '-') mode &= ~eff;
      else mode = (mode & ~(mask & 0o777) & ~(mask & 0o7000 & (isDir ? 0o1000 : 0o7000))) | eff;
    }
  }
  return mode & 0o7777;
}

/** modeOctal prints mode bits as chmod/stat do (%a). */
export function modeOctal(mode: number): string {
  return (mode & 0o7777).toString(8);
}
