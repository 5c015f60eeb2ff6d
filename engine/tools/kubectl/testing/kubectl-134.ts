/**
 * What kubectl 1.34 prints differently from a recording of kubectl 1.33, for
 * the golden tests and the differential suite, which record 1.33 (the real
 * kubectl on these machines) while the lab's kubectl is 1.34.
 */

/** indentOf is the column where a YAML line's key starts (after any "- " of a list item). */
function keyColumn(line: string): number {
  const m = /^(\s*)(?:- )*/.exec(line)!;
  return m[0].length;
}

/**
 * withoutNullCreationTimestamp rewrites 1.33's YAML or JSON text as 1.34
 * prints it: apimachinery 1.34 omits a zero creationTimestamp (`omitzero`)
 * where 1.33 printed `creationTimestamp: null`, so a metadata left empty
 * prints as `{}`.
 */
export function withoutNullCreationTimestamp(text: string): string {
  // compact JSON inside a value (a last-applied-configuration annotation), and Go's %v and %#v of a map (jsonpath's debugging output)
  const compact = text
    .replace(/"creationTimestamp":null,/g, '')
    .replace(/,"creationTimestamp":null/g, '')
    .replace(/\{"creationTimestamp":null\}/g, '{}')
    .replace(/\{"creationTimestamp":interface \{\}\(nil\)\}/g, '{}')
    .replace(/"creationTimestamp":interface \{\}\(nil\), /g, '')
    .replace(/, "creationTimestamp":interface \{\}\(nil\)/g, '')
    .replace(/map\[creationTimestamp:<nil>\]/g, 'map[]')
    .replace(/creationTimestamp:<nil> /g, '')
    .replace(/ creationTimestamp:<nil>/g, '');
  const lines = compact.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const yaml = /^(\s*)(- )?creationTimestamp: null$/.exec(line);
    if (yaml) {
      const col = keyColumn(line);
      const next = lines[i + 1];
      const prev = out[out.length - 1];
      const alone = prev !== undefined && prev.endsWith(':') && keyColumn(prev) < col && (next === undefined || next.trim() === '' || keyColumn(next) < col || /^\s*- /.test(next) && keyColumn(next) <= col);
      if (yaml[2]) out.push(`${yaml[1]}- {}`);
      else if (alone) out[out.length - 1] = `${prev} {}`;
      continue;
    }
    const json = /^(\s*)"creationTimestamp": null(,?)$/.exec(line);
    if (json) {
      if (json[2]) continue;
      const prev = out[out.length - 1]!;
      if (prev.endsWith('{')) {
        // the only field: the object closes on the next line
        const close = lines[++i]!.trim();
        out[out.length - 1] = `${prev}${close}`;
      } else out[out.length - 1] = prev.replace(/,$/, '');
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

/** helpAs134 rewrites a recorded 1.33 --help text where 1.34 changed only a flag's line: explain's --output has its -o shorthand again. */
export function helpAs134(path: string, text: string): string {
  if (path === 'explain') return text.replace("\n    --output='plaintext':\n", "\n    -o, --output='plaintext':\n");
  return text;
}
